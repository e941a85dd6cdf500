package cn.nanning.civic.gateway;

import io.micronaut.core.type.Argument;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Base of the gateway's HTTP tests: the test environment's properties and helpers to sign in. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class GatewayTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    protected HttpClient client;

    @Inject
    protected JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        return TestEnvironment.properties();
    }

    protected Api api() {
        return new Api(client, json);
    }

    /** A WeChat user nobody has used before, so reruns against the same database start fresh. */
    protected static String newWeChatUser() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    protected Api.Response signInWithWeChat(String code) {
        return api().post("/api/v1/auth/wechat", Map.of("code", code), null);
    }

    protected String citizenToken() {
        Api.Response response = signInWithWeChat(newWeChatUser() + ".first");
        if (response.status() != 200) {
            throw new IllegalStateException("citizen sign-in failed: " + response.body());
        }
        return response.get("accessToken");
    }

    /** The audit rows of one actor as the auditor reads them (optionally of one action), through the audit-log API. */
    protected List<Map<String, Object>> auditRows(String actor, String action) {
        Api.Response auditor = api().post("/api/v1/auth/staff/login",
                Map.of("username", "auditor", "password", "Civic-Admin-2025!"), null);
        Api.Response rows = api().get("/api/v1/identity/audit-log?actor=" + actor + (action == null ? "" : "&action=" + action),
                auditor.get("accessToken"));
        if (rows.status() != 200) {
            throw new IllegalStateException("audit log read failed: " + rows.body());
        }
        try {
            return json.readValue(rows.body(), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The claims of a JWT, read without verifying it (the tests verify by calling protected routes). */
    protected Map<String, Object> claims(String jwt) {
        String[] parts = jwt.split("\\.");
        try {
            return json.readValue(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8),
                    Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
