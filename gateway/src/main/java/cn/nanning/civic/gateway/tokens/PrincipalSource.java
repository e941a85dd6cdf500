package cn.nanning.civic.gateway.tokens;

import java.util.Optional;
import java.util.UUID;

/** Looks an account up again when its refresh token is used, so disabled accounts and role changes take effect. */
public interface PrincipalSource {

    Optional<Principal> reload(UUID accountId, String kind);
}
