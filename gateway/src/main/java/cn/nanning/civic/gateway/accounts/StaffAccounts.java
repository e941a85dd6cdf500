package cn.nanning.civic.gateway.accounts;

import cn.nanning.civic.common.identity.Claims;
import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.common.pii.FieldCipher;
import cn.nanning.civic.common.problem.ProblemException;
import io.micronaut.context.annotation.Value;
import cn.nanning.civic.gateway.tokens.Principal;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.Set;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Staff sign in with a username and password; each is scoped to a region. */
@Singleton
public class StaffAccounts {

    private final StaffAccountRepository accounts;
    private final Passwords passwords;
    private final PasswordPolicy policy;
    private final FieldCipher cipher;
    private final String issuer;
    private final SecureRandom random = new SecureRandom();

    StaffAccounts(StaffAccountRepository accounts, Passwords passwords, PasswordPolicy policy, FieldCipher cipher,
                  @Value("${civic.sign-in.otp.issuer:南宁市民服务}") String issuer) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.policy = policy;
        this.cipher = cipher;
        this.issuer = issuer;
    }

    /** Roles whose holders must prove a second factor (TOTP) once they have enrolled one. */
    public static final Set<String> SECOND_FACTOR_ROLES = Set.of(Role.ADMIN.name(), Role.AUDITOR.name(), Role.CLERK.name());
    private static final String TOTP_COLUMN = "identity.staff_account.totp_secret";

    /** How a password check ended; the account id is known whenever the username exists. */
    public enum Outcome { VERIFIED, UNKNOWN_USER, WRONG_PASSWORD, DISABLED }

    /** Whether the account must also give a TOTP code. */
    public enum SecondFactor { NOT_NEEDED, REQUIRED, ENROLMENT_DUE }

    public record Verification(Outcome outcome, @Nullable UUID accountId, @Nullable Principal principal,
                               SecondFactor secondFactor) {

        public boolean verified() {
            return outcome == Outcome.VERIFIED;
        }
    }

    /** A new TOTP secret, shown once, for the member's authenticator app. */
    public record Enrolment(String secret, String otpauthUri) {
    }

    /** Checks the password; the principal is present only when it matches an enabled account. */
    @Transactional
    public Verification verify(String username, String password) {
        Optional<StaffAccount> account = accounts.findByUsernameIgnoringCase(username.strip());
        if (account.isEmpty()) {
            passwords.spendTimeOnDecoy(password);
            return new Verification(Outcome.UNKNOWN_USER, null, null, SecondFactor.NOT_NEEDED);
        }
        StaffAccount found = account.get();
        if (!passwords.matches(password, found.passwordHash())) {
            return new Verification(Outcome.WRONG_PASSWORD, found.id(), null, SecondFactor.NOT_NEEDED);
        }
        if (!found.enabled()) {
            return new Verification(Outcome.DISABLED, found.id(), null, SecondFactor.NOT_NEEDED);
        }
        SecondFactor factor = found.totpEnabled() ? SecondFactor.REQUIRED
                : found.roleList().stream().anyMatch(SECOND_FACTOR_ROLES::contains) ? SecondFactor.ENROLMENT_DUE
                : SecondFactor.NOT_NEEDED;
        return new Verification(Outcome.VERIFIED, found.id(), principal(found), factor);
    }

    /** True when the code matches the enrolled secret now and was not used before (each code works once). */
    @Transactional
    public boolean checkTotp(UUID accountId, @Nullable String code) {
        StaffAccount account = accounts.findById(accountId).orElse(null);
        if (account == null || !account.totpEnabled() || account.totpSecret() == null) {
            return false;
        }
        OptionalLong step = Totp.matchingStep(secret(account), code == null ? null : code.strip(), Instant.now());
        return step.isPresent() && accounts.useTotpStep(accountId, step.getAsLong()) == 1;
    }

    /** Starts (or restarts, while unconfirmed) an enrolment; an account with a confirmed factor must keep it. */
    @Transactional
    public Enrolment startTotpEnrolment(UUID accountId) {
        StaffAccount account = accounts.findById(accountId).filter(StaffAccount::enabled)
                .orElseThrow(() -> ProblemException.forbidden("只有工作人员账号可以绑定动态口令。"));
        if (account.totpEnabled()) {
            throw ProblemException.conflict("otp-already-enrolled", "此账号已绑定动态口令；如需更换，请联系管理员重置。");
        }
        byte[] key = new byte[20];
        random.nextBytes(key);
        String secret = Totp.base32(key);
        accounts.startTotp(accountId, cipher.encrypt(secret, TOTP_COLUMN));
        String label = enc(issuer) + ":" + enc(account.username());
        String uri = "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + enc(issuer)
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
        return new Enrolment(secret, uri);
    }

    /** Confirms the enrolment with the first code from the app; from then on sign-in needs a code. */
    @Transactional
    public void confirmTotpEnrolment(UUID accountId, String code) {
        StaffAccount account = accounts.findById(accountId).filter(StaffAccount::enabled)
                .orElseThrow(() -> ProblemException.forbidden("只有工作人员账号可以绑定动态口令。"));
        if (account.totpEnabled()) {
            throw ProblemException.conflict("otp-already-enrolled", "此账号已绑定动态口令。");
        }
        if (account.totpSecret() == null) {
            throw ProblemException.conflict("otp-enrolment-not-started", "请先获取绑定二维码，再输入验证码。");
        }
        OptionalLong step = Totp.matchingStep(secret(account), code.strip(), Instant.now());
        if (step.isEmpty()) {
            throw ProblemException.badRequest("otp-invalid", "动态验证码不正确，请核对验证器应用中的 6 位数字及手机时间。");
        }
        accounts.confirmTotp(accountId, step.getAsLong());
    }

    /** Removes the member's second factor (a lost or replaced phone); they enrol again at their next sign-in. */
    @Transactional
    public void resetTotp(UUID accountId) {
        accounts.resetTotp(accountId);
    }

    private byte[] secret(StaffAccount account) {
        return Totp.base32Decode(cipher.decrypt(account.totpSecret(), TOTP_COLUMN));
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Replaces the password of a signed-in staff member who proves the current one. */
    @Transactional
    public void changePassword(UUID accountId, String currentPassword, String newPassword) {
        StaffAccount account = accounts.findById(accountId).filter(StaffAccount::enabled)
                .orElseThrow(() -> ProblemException.forbidden("只有工作人员账号可以修改密码。"));
        if (!passwords.matches(currentPassword, account.passwordHash())) {
            throw ProblemException.badRequest("wrong-current-password", "当前密码不正确。");
        }
        if (passwords.matches(newPassword, account.passwordHash())) {
            throw ProblemException.badRequest("password-unchanged", "新密码不能与当前密码相同。");
        }
        requireAcceptable(newPassword);
        accounts.updatePassword(accountId, passwords.hash(newPassword));
    }

    private void requireAcceptable(String password) {
        policy.violation(password).ifPresent(reason -> {
            throw ProblemException.badRequest("weak-password", reason);
        });
    }

    /** Creates a staff account; used by the demo seed and by tests. */
    @Transactional
    public UUID create(String username, String password, String displayName, Collection<Role> roles, String regionCode) {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a staff account needs at least one role");
        }
        requireAcceptable(password);
        UUID id = UUID.randomUUID();
        accounts.save(new StaffAccount(id, username.strip(), passwords.hash(password), displayName,
                roles.stream().map(Role::name).collect(Collectors.joining(",")), regionCode, true, Instant.now(),
                null, false, null));
        return id;
    }

    @Transactional
    public boolean exists(String username) {
        return accounts.findByUsernameIgnoringCase(username).isPresent();
    }

    /** The account a username names, enabled or not; for auditing attempts on it. */
    @Transactional
    public Optional<UUID> accountIdOf(String username) {
        return accounts.findByUsernameIgnoringCase(username.strip()).map(StaffAccount::id);
    }

    @Transactional
    public void disable(UUID accountId) {
        accounts.disable(accountId);
    }

    Optional<Principal> find(UUID accountId) {
        return accounts.findById(accountId).filter(StaffAccount::enabled).map(StaffAccounts::principal);
    }

    private static Principal principal(StaffAccount account) {
        return new Principal(account.id(), Claims.KIND_STAFF, account.roleList(), account.regionCode(), account.displayName());
    }
}
