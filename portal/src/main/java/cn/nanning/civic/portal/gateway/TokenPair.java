package cn.nanning.civic.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;

/** A fresh access token and its rotated refresh token. */
@Serdeable
public record TokenPair(String accessToken, String refreshToken, long expiresIn) {
}
