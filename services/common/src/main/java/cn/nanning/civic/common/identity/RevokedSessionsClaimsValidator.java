package cn.nanning.civic.common.identity;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/** Refuses an access token whose sign-in has been revoked, wherever Micronaut validates a JWT. */
@Singleton
@Requires(beans = RevokedSessions.class)
public class RevokedSessionsClaimsValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {

    private final RevokedSessions revoked;

    public RevokedSessionsClaimsValidator(RevokedSessions revoked) {
        this.revoked = revoked;
    }

    @Override
    public boolean validate(Claims claims, @Nullable HttpRequest<?> request) {
        Object session = claims.get(cn.nanning.civic.common.identity.Claims.SESSION);
        return session == null || !revoked.isRevoked(session.toString());
    }
}
