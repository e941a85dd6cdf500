package cn.nanning.civic.gateway.accounts;

import cn.nanning.civic.common.identity.Claims;
import cn.nanning.civic.common.problem.ProblemException;
import io.micronaut.security.authentication.Authentication;

import java.util.UUID;

/** The account behind a request to one of the gateway's own "my …" endpoints, refused when it is the wrong kind. */
public final class Callers {

    private Callers() {
    }

    /** The calling citizen's account id; staff get a 403 with {@code refusal} (what they lack, in Chinese). */
    public static UUID citizen(Authentication authentication, String refusal) {
        return of(authentication, Claims.KIND_CITIZEN, refusal);
    }

    /** The calling staff member's account id; citizens get a 403 with {@code refusal}. */
    public static UUID staff(Authentication authentication, String refusal) {
        return of(authentication, Claims.KIND_STAFF, refusal);
    }

    private static UUID of(Authentication authentication, String kind, String refusal) {
        if (!kind.equals(authentication.getAttributes().get(Claims.KIND))) {
            throw ProblemException.forbidden(refusal);
        }
        try {
            return UUID.fromString(authentication.getName());
        } catch (IllegalArgumentException e) {
            throw ProblemException.unauthorized("登录信息无效，请重新登录。");
        }
    }
}
