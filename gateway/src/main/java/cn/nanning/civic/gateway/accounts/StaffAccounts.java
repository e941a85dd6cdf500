package cn.nanning.civic.gateway.accounts;

import cn.nanning.civic.common.identity.Claims;
import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.gateway.tokens.Principal;
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

    StaffAccounts(StaffAccountRepository accounts, Passwords passwords) {
        this.accounts = accounts;
        this.passwords = passwords;
    }

    /** The staff member, if the username exists, is enabled and the password matches. */
    @Transactional
    public Optional<Principal> authenticate(String username, String password) {
        Optional<StaffAccount> account = accounts.findByUsernameIgnoringCase(username.strip());
        if (account.isEmpty()) {
            passwords.spendTimeOnDecoy(password);
            return Optional.empty();
        }
        boolean matches = passwords.matches(password, account.get().passwordHash());
        return matches && account.get().enabled() ? Optional.of(principal(account.get())) : Optional.empty();
    }

    /** Creates a staff account; used by the demo seed and by tests. */
    @Transactional
    public UUID create(String username, String password, String displayName, Collection<Role> roles, String regionCode) {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a staff account needs at least one role");
        }
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
