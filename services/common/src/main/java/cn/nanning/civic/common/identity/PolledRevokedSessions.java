package cn.nanning.civic.common.identity;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The revoked sign-ins as the gateway publishes them ({@code /.well-known/revoked-sessions}), fetched every
 * {@code civic.sessions.poll-interval} (2 s): services and search refuse a logged-out session's access tokens within
 * seconds, and check each request against a set in memory, not a database or a network call. When the gateway cannot
 * be reached the last list stays in force.
 */
@Singleton
@Requires(property = "civic.sessions.revoked-url")
public class PolledRevokedSessions implements RevokedSessions {

    private static final Logger LOG = LoggerFactory.getLogger(PolledRevokedSessions.class);

    private final URI source;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile Set<String> revoked = Set.of();
    private volatile boolean failing;

    public PolledRevokedSessions(@Value("${civic.sessions.revoked-url}") String source, JsonMapper json) {
        this.source = URI.create(source);
        this.json = json;
    }

    @Override
    public boolean isRevoked(String sessionId) {
        return revoked.contains(sessionId);
    }

    @Scheduled(fixedDelay = "${civic.sessions.poll-interval:2s}", initialDelay = "0s")
    void refresh() {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(source).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("status " + response.statusCode());
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> body = json.readValue(response.body(), Map.class);
            Object sessions = body.get("sessions");
            revoked = sessions instanceof List<?> list ? Set.copyOf(list.stream().map(Object::toString).toList()) : Set.of();
            if (failing) {
                LOG.info("Revoked-session list reachable again ({} sessions)", revoked.size());
                failing = false;
            }
        } catch (IOException | RuntimeException e) {
            if (!failing) {
                LOG.warn("Revoked-session list unreachable at {}; keeping the last one ({} sessions): {}", source, revoked.size(), e.toString());
                failing = true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
