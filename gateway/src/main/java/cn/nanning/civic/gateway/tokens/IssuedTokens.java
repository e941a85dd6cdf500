package cn.nanning.civic.gateway.tokens;

/** A fresh access token and the refresh token that can replace it. */
public record IssuedTokens(String accessToken, String refreshToken, long expiresIn, Principal principal) {
}
