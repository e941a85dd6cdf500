package cn.nanning.civic.gateway.accounts;

import cn.nanning.civic.common.identity.Claims;
import cn.nanning.civic.common.identity.Role;
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

    private final CitizenAccountRepository accounts;

    CitizenAccounts(CitizenAccountRepository accounts) {
        this.accounts = accounts;
    }

    /** The result of a WeChat sign-in: whose account, and whether it was created just now. */
    public record SignIn(Principal principal, boolean newAccount) {
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

    Optional<Principal> find(UUID accountId) {
        return accounts.findById(accountId).map(a -> principal(a.id(), a.openid()));
    }

    private static Principal principal(UUID accountId, String openid) {
        return new Principal(accountId, Claims.KIND_CITIZEN, List.of(Role.CITIZEN.name()), null, null, openid);
    }
}
