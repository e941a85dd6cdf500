package cn.nanning.civic.gateway.accounts;

import cn.nanning.civic.common.identity.Claims;
import cn.nanning.civic.gateway.tokens.Principal;
import cn.nanning.civic.gateway.tokens.PrincipalSource;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.UUID;

@Singleton
class AccountPrincipals implements PrincipalSource {

    private final CitizenAccounts citizens;
    private final StaffAccounts staff;

    AccountPrincipals(CitizenAccounts citizens, StaffAccounts staff) {
        this.citizens = citizens;
        this.staff = staff;
    }

    @Override
    public Optional<Principal> reload(UUID accountId, String kind) {
        return Claims.KIND_STAFF.equals(kind) ? staff.find(accountId) : citizens.find(accountId);
    }
}
