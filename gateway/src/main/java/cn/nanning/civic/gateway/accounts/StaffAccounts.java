package cn.nanning.civic.gateway.accounts;

import cn.nanning.civic.common.identity.Claims;
import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.gateway.tokens.Principal;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
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

    StaffAccounts(StaffAccountRepository accounts, Passwords passwords, PasswordPolicy policy) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.policy = policy;
    }

    /** How a password check ended; the account id is known whenever the username exists. */
    public enum Outcome { VERIFIED, UNKNOWN_USER, WRONG_PASSWORD, DISABLED }

    public record Verification(Outcome outcome, @Nullable UUID accountId, @Nullable Principal principal) {

        public boolean verified() {
            return outcome == Outcome.VERIFIED;
        }
    }

    /** Checks the password; the principal is present only when it matches an enabled account. */
    @Transactional
    public Verification verify(String username, String password) {
        Optional<StaffAccount> account = accounts.findByUsernameIgnoringCase(username.strip());
        if (account.isEmpty()) {
            passwords.spendTimeOnDecoy(password);
            return new Verification(Outcome.UNKNOWN_USER, null, null);
        }
        StaffAccount found = account.get();
        if (!passwords.matches(password, found.passwordHash())) {
            return new Verification(Outcome.WRONG_PASSWORD, found.id(), null);
        }
        if (!found.enabled()) {
            return new Verification(Outcome.DISABLED, found.id(), null);
        }
        return new Verification(Outcome.VERIFIED, found.id(), principal(found));
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
                roles.stream().map(Role::name).collect(Collectors.joining(",")), regionCode, true, Instant.now()));
        return id;
    }

    @Transactional
    public boolean exists(String username) {
        return accounts.findByUsernameIgnoringCase(username).isPresent();
    }

    @Transactional
    public void disable(UUID accountId) {
        accounts.findById(accountId).ifPresent(a -> accounts.update(new StaffAccount(a.id(), a.username(),
                a.passwordHash(), a.displayName(), a.roles(), a.regionCode(), false, a.createdAt())));
    }

    Optional<Principal> find(UUID accountId) {
        return accounts.findById(accountId).filter(StaffAccount::enabled).map(StaffAccounts::principal);
    }

    private static Principal principal(StaffAccount account) {
        return new Principal(account.id(), Claims.KIND_STAFF, account.roleList(), account.regionCode(), account.displayName());
    }
}
