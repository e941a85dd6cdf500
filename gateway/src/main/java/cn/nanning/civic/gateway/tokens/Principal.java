package cn.nanning.civic.gateway.tokens;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.UUID;

/**
 * Who a token is issued to; becomes the JWT claims (sub, kind, roles, region, name, and for citizens openid).
 * Never a session key or a phone number.
 */
public record Principal(UUID accountId, String kind, List<String> roles, @Nullable String regionCode,
                        @Nullable String displayName, @Nullable String openid) {

    public Principal {
        roles = List.copyOf(roles);
    }

    public Principal(UUID accountId, String kind, List<String> roles, @Nullable String regionCode,
                     @Nullable String displayName) {
        this(accountId, kind, roles, regionCode, displayName, null);
    }
}
