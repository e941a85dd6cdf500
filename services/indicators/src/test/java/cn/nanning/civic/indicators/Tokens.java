package cn.nanning.civic.indicators;

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

    public String citizen() {
        return sign(UUID.randomUUID().toString(), Claims.KIND_CITIZEN, List.of("CITIZEN"), null);
    }

    public String staff(String role, String region) {
        return sign(UUID.randomUUID().toString(), Claims.KIND_STAFF, List.of(role), region);
    }

    private String sign(String subject, String kind, List<String> roles, String region) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(Claims.KIND, kind);
        attributes.put(Claims.NAME, "测试用户");
        if (region != null) {
            attributes.put(Claims.REGION, region);
        }
        return generator.generateToken(Authentication.build(subject, roles, attributes), 3600).orElseThrow();
    }
}
