package cn.nanning.civic.volunteers;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Registers volunteers through the API and reads the database for assertions. */
@Singleton
public class VolunteerFixture {

    @Inject
    @Client("/")
    public HttpClient client;

    @Inject
    public Tokens tokens;

    @Inject
    JdbcOperations jdbc;

    @Inject
    TransactionOperations<Connection> tx;

    @Inject
    MovableClock clock;

    /** A registered adult volunteer: account id, token and record id. */
    public record Person(String accountId, String token, String volunteerId, String idNumber) {
    }

    public Map<String, Object> registration(String idNumber, String village) {
        Map<String, Object> body = new HashMap<>();
        body.put("realName", "韦小燕");
        body.put("idNumber", idNumber);
        body.put("phone", "13907712345");
        body.put("homeRegion", village);
        body.put("skills", List.of("急救", "普通话"));
        body.put("availability", "周末全天");
        body.put("sensitiveInfoConsent", true);
        body.put("consentPolicyVersion", "2025-01");
        return body;
    }

    /**
     * A volunteer of {@code township} who served {@code minutes} at an activity of the organiser's: signed up, checked
     * in and out with the code shown on site at the time (it changes every two minutes), the hours confirmed.
     */
    public Person served(String township, String organiser, int minutes) {
        Person person = volunteer(villageIn(township), List.of("急救"));
        Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> body = new HashMap<>();
        body.put("title", "社区义诊");
        body.put("regionCode", township);
        body.put("place", "社区服务中心");
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plus(minutes + 30, ChronoUnit.MINUTES).toString());
        body.put("plannedMinutes", minutes);
        body.put("capacity", 3);
        String activity = post("/api/v1/volunteers/activities", body, organiser).get("id").toString();
        post("/api/v1/volunteers/activities/" + activity + "/signups", Map.of(), person.token());
        clock.standAt(start.plus(1, ChronoUnit.MINUTES));
        String code = get("/api/v1/volunteers/activities/" + activity + "/check-code", organiser, Map.class).get("code").toString();
        post("/api/v1/volunteers/activities/" + activity + "/check-in", Map.of("code", code), person.token());
        clock.standAt(start.plus(minutes + 1, ChronoUnit.MINUTES));
        String later = get("/api/v1/volunteers/activities/" + activity + "/check-code", organiser, Map.class).get("code").toString();
        post("/api/v1/volunteers/activities/" + activity + "/check-out", Map.of("code", later), person.token());
        clock.release();
        client.toBlocking().exchange(HttpRequest.POST("/api/v1/volunteers/activities/" + activity + "/hours/confirmation", Map.of())
                .bearerAuth(organiser));
        return person;
    }

    public Person volunteer() {
        return volunteer(randomVillage(), List.of("急救", "普通话"));
    }

    /** Registers a fresh adult; draws another ID number in the rare case a random one is taken from an earlier run. */
    public Person volunteer(String village, List<String> skills) {
        String account = UUID.randomUUID().toString();
        String token = tokens.citizen(account);
        for (int attempt = 0; ; attempt++) {
            String id = TestIdNumbers.adult();
            Map<String, Object> body = registration(id, village);
            body.put("skills", skills);
            try {
                Map<?, ?> created = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/volunteers", body).bearerAuth(token), Map.class);
                return new Person(account, token, created.get("id").toString(), id);
            } catch (HttpClientResponseException e) {
                if (e.getStatus().getCode() != 409 || attempt > 5) {
                    throw e;
                }
            }
        }
    }

    public String randomVillage() {
        return string("select code from kernel.region where level = 'village' order by random() limit 1");
    }

    public String villageIn(String area) {
        return string("select code from kernel.region where level = 'village' and code like ? order by random() limit 1", area + "%");
    }

    public String randomTownship() {
        return string("""
                select code from kernel.region t where level = 'township'
                and exists (select 1 from kernel.region v where v.parent_code = t.code and v.level = 'village') order by random() limit 1""");
    }

    public String string(String sql, Object... args) {
        return tx.executeRead(s -> jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }));
    }

    /** The first column of every row. */
    public List<String> strings(String sql, Object... args) {
        return tx.executeRead(s -> jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<String> values = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }));
    }

    public long count(String sql, Object... args) {
        String n = string(sql, args);
        return n == null ? 0 : Long.parseLong(n);
    }

    /** Runs a statement that sets up data the API has no call for (e.g. population figures operators load). */
    public int execute(String sql, Object... args) {
        return tx.executeWrite(s -> jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }));
    }

    /** Runs a statement expected to be refused by the database; returns the error message. */
    public String refusedStatement(String sql, Object... args) {
        try {
            tx.executeWrite(s -> jdbc.prepareStatement(sql, ps -> {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                return ps.executeUpdate();
            }));
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return root.getMessage();
        }
        throw new AssertionError("the database accepted: " + sql);
    }

    public static HttpClientResponseException refused(Supplier<?> call) {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class, call::get);
        assertThat(e).as("the call should have been refused").isNotNull();
        assertThat(e.getResponse().getContentType().map(Object::toString).orElse("")).startsWith("application/problem+json");
        return e;
    }

    public static String detail(HttpClientResponseException e) {
        return e.getResponse().getBody(Map.class).map(m -> String.valueOf(m.get("detail"))).orElse("");
    }

    public static String type(HttpClientResponseException e) {
        return e.getResponse().getBody(Map.class).map(m -> String.valueOf(m.get("type"))).orElse("");
    }

    public <T> T get(String path, String token, Class<T> type) {
        return client.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token), type);
    }

    public Map<?, ?> post(String path, Object body, String token) {
        return client.toBlocking().retrieve(HttpRequest.POST(path, body).bearerAuth(token), Map.class);
    }
}
