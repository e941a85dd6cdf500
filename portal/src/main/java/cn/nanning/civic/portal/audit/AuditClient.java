package cn.nanning.civic.portal.audit;

import cn.nanning.civic.portal.gateway.GatewayClient;
import cn.nanning.civic.portal.gateway.Missing;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The two audit trails an auditor reads: sign-ins and accounts (gateway), business and personal-data access (services). */
@Singleton
public class AuditClient {

    /** Account ids per lookup: about 2 KB of query string. */
    private static final int PEOPLE_BATCH = 50;

    /** Which trail to search. */
    public enum Trail {
        SIGN_IN("/api/v1/identity/audit-log"),
        SERVICES("/api/v1/audit-log");

        final String path;

        Trail(String path) {
            this.path = path;
        }
    }

    private final GatewayClient gateway;

    AuditClient(GatewayClient gateway) {
        this.gateway = gateway;
    }

    public List<Row> search(Trail trail, @Nullable String actor, @Nullable String action, @Nullable String requestId,
                            @Nullable Instant since, @Nullable Instant until, String token) {
        Map<String, String> query = new LinkedHashMap<>();
        put(query, "actor", actor);
        put(query, "action", action);
        put(query, "requestId", requestId);
        put(query, "since", since == null ? null : since.toString());
        put(query, "until", until == null ? null : until.toString());
        query.put("limit", "200");
        String path = trail.path + "?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return gateway.call(() -> HttpRequest.GET(path).bearerAuth(token), Argument.listOf(Row.class));
    }

    /**
     * Names and roles of the staff behind account ids (auditors only); ids of citizens are not answered. Asked in
     * batches: 200 ids in one query string pass the 4 KB request line an HTTP server accepts.
     */
    public List<Person> people(Collection<String> ids, String token) {
        List<String> all = List.copyOf(ids);
        List<Person> found = new ArrayList<>();
        for (int from = 0; from < all.size(); from += PEOPLE_BATCH) {
            String joined = URLEncoder.encode(String.join(",", all.subList(from, Math.min(all.size(), from + PEOPLE_BATCH))),
                    StandardCharsets.UTF_8);
            found.addAll(gateway.call(() -> HttpRequest.GET("/api/v1/identity/audit-log/people?ids=" + joined).bearerAuth(token),
                    Argument.listOf(Person.class)));
        }
        return found;
    }

    private static void put(Map<String, String> query, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            query.put(name, value.strip());
        }
    }

    @Serdeable
    public record Person(String id, String displayName, List<String> roles, @Nullable String regionCode) {
        public Person {
            roles = Missing.orEmpty(roles);
        }
    }

    /** One audit row as either trail returns it (the gateway's adds the client address). */
    @Serdeable
    public record Row(Instant occurredAt, String actor, @Nullable String actorRoles, String action,
                      @Nullable String targetType, @Nullable String targetId, String outcome, @Nullable String requestId,
                      @Nullable String clientAddress, @Nullable String detail) {
    }
}
