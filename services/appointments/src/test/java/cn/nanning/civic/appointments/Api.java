package cn.nanning.civic.appointments;

import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * HTTP helpers for API tests, plus a fixture that sets up a place in 青秀区 with one provider working every day
 * 09:00–11:00 in 30-minute slots with 10-minute buffers.
 */
@Singleton
public class Api {

    public static final String DISTRICT = "450103";
    public static final String TOWNSHIP = "450103001";

    private final HttpClient client;
    private final JdbcOperations jdbc;
    public final Tokens tokens;

    Api(@Client("/") HttpClient client, JdbcOperations jdbc, Tokens tokens) {
        this.client = client;
        this.jdbc = jdbc;
        this.tokens = tokens;
    }

    public record Provider(String id, String accountId, String token, String placeId) {
    }

    public String admin() {
        return tokens.staff(UUID.randomUUID().toString(), "ADMIN", DISTRICT);
    }

    public Provider provider(String kind, int slotMinutes, int bufferMinutes, int minNoticeMinutes, int horizonDays) {
        String admin = admin();
        boolean counsellor = "COUNSELLOR".equals(kind);
        Map<?, ?> place = post("/api/v1/appointments/places", Map.of(
                "name", counsellor ? "青秀区心理咨询室" : "新竹街道公共法律服务站",
                "kind", counsellor ? "COUNSELLING_ROOM" : "LEGAL_SERVICE_STATION",
                "regionCode", TOWNSHIP, "address", "新竹路 1 号"), admin);
        String accountId = UUID.randomUUID().toString();
        Map<?, ?> provider = post("/api/v1/appointments/providers", Map.of(
                "accountId", accountId, "displayName", counsellor ? "李咨询师" : "王律师", "kind", kind,
                "placeId", place.get("id"), "slotMinutes", slotMinutes, "bufferMinutes", bufferMinutes,
                "minNoticeMinutes", minNoticeMinutes, "horizonDays", horizonDays), admin);
        String id = provider.get("id").toString();
        List<Map<String, Object>> windows = new java.util.ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            windows.add(Map.of("weekday", day, "starts", "09:00", "ends", "11:00"));
        }
        put("/api/v1/appointments/providers/" + id + "/plan", Map.of("windows", windows), admin);
        String role = counsellor ? "COUNSELLOR" : "LAWYER";
        return new Provider(id, accountId, tokens.staff(accountId, role, TOWNSHIP), place.get("id").toString());
    }

    public Provider lawyer() {
        return provider("LAWYER", 30, 10, 60, 14);
    }

    public Map<?, ?> post(String path, Object body, String token) {
        return client.toBlocking().retrieve(auth(HttpRequest.POST(path, body), token), Map.class);
    }

    public HttpResponse<Map> postForResponse(String path, Object body, String token) {
        return client.toBlocking().exchange(auth(HttpRequest.POST(path, body), token), Map.class);
    }

    public Map<?, ?> put(String path, Object body, String token) {
        return client.toBlocking().retrieve(auth(HttpRequest.PUT(path, body), token), Map.class);
    }

    public Map<?, ?> get(String path, String token) {
        return client.toBlocking().retrieve(auth(HttpRequest.GET(path), token), Map.class);
    }

    public List<Map<String, Object>> list(String path, String token) {
        return client.toBlocking().retrieve(auth(HttpRequest.GET(path), token), Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    private static <T> MutableHttpRequest<T> auth(MutableHttpRequest<T> request, String token) {
        return token == null ? request : request.bearerAuth(token);
    }

    /** Runs a call that must be refused and checks it is problem+json with the given status. */
    public static Map<?, ?> refused(int status, Runnable call) {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class, call::run);
        assertThat(e).as("the call should have been refused").isNotNull();
        assertThat(e.getStatus().getCode()).isEqualTo(status);
        assertThat(e.getResponse().getContentType().map(Object::toString).orElse("")).isEqualTo("application/problem+json");
        return e.getResponse().getBody(Map.class).orElseThrow();
    }

    @Transactional
    public long count(String sql, Object... args) {
        return jdbc.prepareStatement(sql, s -> {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Transactional
    public void insertDirectly(UUID providerId, String from, String to) {
        jdbc.prepareStatement("""
                insert into appointments.booking (id, provider_id, citizen_account_id, service, mode, starts_at, ends_at, blocked, status,
                    created_at, updated_at) values (?, ?, 'x', 'LEGAL_CONSULTATION', 'ONLINE', ?, ?, tstzrange(?, ?), 'CONFIRMED', now(), now())""", s -> {
            Timestamp start = Timestamp.from(OffsetDateTime.parse(from).toInstant());
            Timestamp end = Timestamp.from(OffsetDateTime.parse(to).toInstant());
            s.setObject(1, UUID.randomUUID());
            s.setObject(2, providerId);
            s.setTimestamp(3, start);
            s.setTimestamp(4, end);
            s.setTimestamp(5, start);
            s.setTimestamp(6, end);
            return s.executeUpdate();
        });
    }

}
