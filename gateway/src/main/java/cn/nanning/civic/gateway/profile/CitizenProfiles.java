package cn.nanning.civic.gateway.profile;

import cn.nanning.civic.common.idcard.ResidentIdNumber;
import cn.nanning.civic.common.pii.FieldCipher;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.gateway.accounts.CitizenAccounts;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A citizen's personal data typed once: saved only with consent to {@link ProfilePolicy#CURRENT}, shown in full to
 * its owner alone (the gateway serves no other reader), erased on withdrawal.
 */
@Singleton
class CitizenProfiles {

    static final String NAME_COLUMN = "identity.citizen_profile.name_enc";
    static final String ID_NUMBER_COLUMN = "identity.citizen_profile.id_number_enc";
    private static final String ID_INDEX_PURPOSE = "citizen-profile-id-number";
    private static final ZoneId NANNING = ZoneId.of("Asia/Shanghai");
    /** Chinese names, with the middle dot of minority names (阿卜杜·热合曼); Latin letters for foreign residents. */
    private static final Pattern NAME = Pattern.compile("[\\p{IsHan}A-Za-z·•\\s]{2,30}");

    private final CitizenProfileRepository profiles;
    private final CitizenAccounts accounts;
    private final FieldCipher cipher;

    CitizenProfiles(CitizenProfileRepository profiles, CitizenAccounts accounts, FieldCipher cipher) {
        this.profiles = profiles;
        this.accounts = accounts;
        this.cipher = cipher;
    }

    /** The saved data in full, for its owner; the bound phone in full too. */
    record Stored(@Nullable String name, @Nullable ResidentIdNumber idNumber, @Nullable String phone,
                  @Nullable Instant phoneBoundAt, @Nullable String consentVersion, @Nullable Instant consentedAt,
                  @Nullable Instant updatedAt) {
    }

    @Transactional(readOnly = true)
    Stored of(UUID accountId) {
        Optional<CitizenAccounts.FullPhone> phone = accounts.fullPhone(accountId);
        Optional<CitizenProfile> saved = profiles.findById(accountId);
        return new Stored(saved.map(p -> cipher.decrypt(p.nameEnc(), NAME_COLUMN)).orElse(null),
                saved.map(p -> ResidentIdNumber.parse(cipher.decrypt(p.idNumberEnc(), ID_NUMBER_COLUMN), LocalDate.MAX)).orElse(null),
                phone.map(CitizenAccounts.FullPhone::phone).orElse(null), phone.map(CitizenAccounts.FullPhone::boundAt).orElse(null),
                saved.map(CitizenProfile::consentVersion).orElse(null), saved.map(CitizenProfile::consentedAt).orElse(null),
                saved.map(CitizenProfile::updatedAt).orElse(null));
    }

    /** Checks and saves; a 400 naming the field for bad input or missing consent, nothing written then. */
    @Transactional
    Stored save(UUID accountId, @Nullable String name, @Nullable String idNumber, @Nullable Boolean consent,
                @Nullable String policyVersion) {
        if (!Boolean.TRUE.equals(consent)) {
            throw ProblemException.invalidField("consent", "请先阅读《" + ProfilePolicy.CURRENT.title() + "》并勾选同意，才能保存资料。");
        }
        if (!ProfilePolicy.CURRENT.version().equals(policyVersion)) {
            throw ProblemException.invalidField("policyVersion", "保存说明已更新，请重新阅读并同意后再保存。");
        }
        String cleanName = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (!NAME.matcher(cleanName).matches()) {
            throw ProblemException.invalidField("name", "请填写与身份证一致的姓名（2–30 个字）。");
        }
        ResidentIdNumber id;
        try {
            id = ResidentIdNumber.parse(idNumber, LocalDate.now(NANNING));
        } catch (ResidentIdNumber.Invalid e) {
            throw ProblemException.invalidField("idNumber", e.getMessage());
        }
        profiles.upsert(accountId, cipher.encrypt(cleanName, NAME_COLUMN), cipher.encrypt(id.value(), ID_NUMBER_COLUMN),
                cipher.blindIndex(id.value(), ID_INDEX_PURPOSE), ProfilePolicy.CURRENT.version(), Instant.now());
        return of(accountId);
    }

    /** Withdraws consent: the saved name and ID number are deleted (the bound phone stays, it signs the citizen in). */
    @Transactional
    boolean erase(UUID accountId) {
        if (!profiles.existsById(accountId)) {
            return false;
        }
        profiles.deleteById(accountId);
        return true;
    }
}
