package cn.nanning.civic.council;

import cn.nanning.civic.common.identity.Claims;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Signs tokens the way the gateway does, so API tests call the module as a given person. */
@Singleton
public class Tokens {

    private final JwtTokenGenerator generator;

    Tokens(JwtTokenGenerator generator) {
        this.generator = generator;
    }

    /** A citizen signed in through the mini-program: the gateway puts their openid into the token. */
    public String citizen(String accountId) {
        return sign(accountId, Claims.KIND_CITIZEN, List.of("CITIZEN"), null, openIdOf(accountId));
    }

    /** A citizen token without the openid claim (issued before the gateway added it). */
    public String citizenWithoutOpenId(String accountId) {
        return sign(accountId, Claims.KIND_CITIZEN, List.of("CITIZEN"), null, null);
    }

    /** The openid the tests' citizen tokens carry for an account (28 characters, like WeChat's). */
    public static String openIdOf(String accountId) {
        return "oTest" + accountId.replace("-", "").substring(0, 23);
    }

    public String citizen() {
        return citizen(UUID.randomUUID().toString());
    }

    public String staff(String role, String region) {
        return sign(UUID.randomUUID().toString(), Claims.KIND_STAFF, List.of(role), region);
    }

    public String staff(String accountId, String role, String region) {
        return sign(accountId, Claims.KIND_STAFF, List.of(role), region);
    }

    public String sign(String subject, String kind, List<String> roles, String region) {
        return sign(subject, kind, roles, region, null);
    }

    public String sign(String subject, String kind, List<String> roles, String region, String openid) {
        Map<String, Object> attributes = new HashMap<>();
        if (openid != null) {
            attributes.put(Claims.OPENID, openid);
        }
        attributes.put(Claims.KIND, kind);
        attributes.put(Claims.NAME, "测试用户");
        if (region != null) {
            attributes.put(Claims.REGION, region);
        }
        return generator.generateToken(Authentication.build(subject, roles, attributes), 3600).orElseThrow();
    }
}
