package cn.nanning.civic.council;

import cn.nanning.civic.common.identity.Claims;
import io.micronaut.security.authentication.Authentication;

import java.util.Optional;

/**
 * The caller's mini-program openid, from the {@value Claims#OPENID} claim the gateway puts into citizen access tokens (it
 * comes only from WeChat's code2session, never from a client). Staff tokens, and citizen tokens issued before the
 * claim existed, carry none.
 */
public final class CitizenOpenId {

    private CitizenOpenId() {
    }

    public static Optional<String> of(Authentication authentication) {
        Object kind = authentication.getAttributes().get(Claims.KIND);
        Object openid = authentication.getAttributes().get(Claims.OPENID);
        if (!Claims.KIND_CITIZEN.equals(kind == null ? null : kind.toString()) || openid == null || openid.toString().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(openid.toString().strip());
    }
}
