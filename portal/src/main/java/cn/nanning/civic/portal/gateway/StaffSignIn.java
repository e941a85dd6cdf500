package cn.nanning.civic.portal.gateway;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** What the gateway answers to a successful staff login. */
@Serdeable
public record StaffSignIn(
        String accessToken,
        String refreshToken,
        @Nullable String tokenType,
        long expiresIn,
        @Nullable String accountId,
        List<String> roles,
        @Nullable String displayName,
        @Nullable String regionCode,
        @Nullable String secondFactor,
        @Nullable String notice) {

    public StaffSignIn {
        roles = Missing.orEmpty(roles);
    }
}
