package cn.nanning.civic.gateway.accounts;

import cn.nanning.civic.common.identity.Claims;
import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.common.pii.FieldCipher;
import cn.nanning.civic.common.pii.Masking;
import cn.nanning.civic.gateway.tokens.Principal;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Citizens are known only by the openid WeChat gives for our mini-program. */
@Singleton
public class CitizenAccounts {

    /** Associated data of the encrypted phone column: a ciphertext moved to another column does not decrypt. */
    static final String PHONE_COLUMN = "identity.citizen_account.phone_enc";
    private static final String PHONE_INDEX_PURPOSE = "citizen-phone";

    private final CitizenAccountRepository accounts;
    private final FieldCipher cipher;

    CitizenAccounts(CitizenAccountRepository accounts, FieldCipher cipher) {
        this.accounts = accounts;
        this.cipher = cipher;
    }

    /** The result of a WeChat sign-in: whose account, and whether it was created just now. */
    public record SignIn(Principal principal, boolean newAccount) {
    }

    /** A bound phone number as it may leave the gateway: masked, with when it was bound. */
    public record BoundPhone(String maskedPhone, Instant boundAt) {
    }

    @Transactional
    public SignIn signIn(String openid, @Nullable String unionid) {
        Instant now = Instant.now();
        Optional<CitizenAccount> existing = accounts.findByOpenid(openid);
        if (existing.isPresent()) {
            accounts.signedIn(existing.get().id(), unionid, now);
            return new SignIn(principal(existing.get().id(), openid), false);
        }
        UUID id = UUID.randomUUID();
        boolean created = accounts.insertIfAbsent(id, openid, unionid, now) == 1;
        UUID accountId = created ? id : accounts.findByOpenid(openid).orElseThrow().id();
        return new SignIn(principal(accountId, openid), created);
    }

    /**
     * Binds (or replaces) the account's mobile number: stored encrypted with a keyed blind index, returned masked.
     * Empty when the account does not exist.
     */
    @Transactional
    public Optional<BoundPhone> bindPhone(UUID accountId, String phone) {
        Instant now = Instant.now();
        int updated = accounts.bindPhone(accountId, cipher.encrypt(phone, PHONE_COLUMN),
                cipher.blindIndex(phone, PHONE_INDEX_PURPOSE), now);
        return updated == 1 ? Optional.of(new BoundPhone(Masking.phone(phone), now)) : Optional.empty();
    }

    /** A bound phone number in full: only for its owner's own profile. */
    public record FullPhone(String phone, Instant boundAt) {
    }

    /** The account's bound number in full, for the owner; empty when none is bound. */
    @Transactional(readOnly = true)
    public Optional<FullPhone> fullPhone(UUID accountId) {
        return accounts.findById(accountId)
                .filter(a -> a.phoneEnc() != null)
                .map(a -> new FullPhone(cipher.decrypt(a.phoneEnc(), PHONE_COLUMN), a.phoneBoundAt()));
    }

    /** The account's bound number, masked; empty when none is bound. */
    @Transactional(readOnly = true)
    public Optional<BoundPhone> phone(UUID accountId) {
        return accounts.findById(accountId)
                .filter(a -> a.phoneEnc() != null)
                .map(a -> new BoundPhone(Masking.phone(cipher.decrypt(a.phoneEnc(), PHONE_COLUMN)), a.phoneBoundAt()));
    }

    Optional<Principal> find(UUID accountId) {
        return accounts.findById(accountId).map(a -> principal(a.id(), a.openid()));
    }

    private static Principal principal(UUID accountId, String openid) {
        return new Principal(accountId, Claims.KIND_CITIZEN, List.of(Role.CITIZEN.name()), null, null, openid);
    }
}
