package cn.nanning.civic.gateway.tokens;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.UUID;

/** Who a token is issued to; becomes the JWT claims (sub, kind, roles, region, name). */
public record Principal(UUID accountId, String kind, List<String> roles, @Nullable String regionCode,
                        @Nullable String displayName) {

    public Principal {
        roles = List.copyOf(roles);
    }
}
