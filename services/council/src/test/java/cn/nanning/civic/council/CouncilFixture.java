package cn.nanning.civic.council;

import io.micronaut.core.type.Argument;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Sets up councils through the API and reads the database for assertions. */
@Singleton
public class CouncilFixture {

    @Inject
    @Client("/")
    public HttpClient client;

    @Inject
    public Tokens tokens;

    @Inject
    JdbcOperations jdbc;

    @Inject
    TransactionOperations<Connection> tx;

    /** A council in a village without one, with its convener's token. */
    public record Setup(String councilId, String village, String convener) {
    }

    public static Map<String, Object> threshold(int numerator, int denominator, String comparison) {
        return Map.of("numerator", numerator, "denominator", denominator, "comparison", comparison);
    }

    /** 村民代表会议: at least 2/3 present, more than half of those present approve. */
    public static Map<String, Object> representativesRules() {
        return Map.of("resolutionBody", "REPRESENTATIVES_MEETING", "quorum", threshold(2, 3, "AT_LEAST"),
                "majority", threshold(1, 2, "MORE_THAN"));
    }

    public Map<String, Object> newCouncil(String village) {
        Map<String, Object> body = new HashMap<>();
        body.put("regionCode", village);
        body.put("name", "老友议事会");
        body.put("charter", "第一条 本议事会由村民代表、老党员、乡贤组成……");
        body.put("rules", representativesRules());
        return body;
    }

    public Setup council() {
        return councilIn(freeVillage());
    }

    /**
     * A council in another township than {@code s}'s. Conveners are scoped to their township, so "another council's
     * convener" must come from here: a council picked at random may lie in the same township, whose convener covers
     * both councils (tests refusing a stranger then fail now and then).
     */
    public Setup councilElsewhere(Setup s) {
        return councilIn(string("""
                select code from kernel.region r where level = 'village' and code not like ?
                and not exists (select 1 from council.council c where c.region_code = r.code) order by random() limit 1""",
                township(s.village()) + "%"));
    }

    private Setup councilIn(String village) {
        String convener = tokens.staff("CONVENER", township(village));
        String id = post("/api/v1/council/councils", newCouncil(village), convener).get("id").toString();
        return new Setup(id, village, convener);
    }

    /** The township (9 digits) a village code lies in: the scope of the tests' conveners. */
    public static String township(String village) {
        return village.substring(0, 9);
    }

    /** A village that has no council yet (random, so reruns keep finding one). */
    public String freeVillage() {
        return string("""
                select code from kernel.region r where level = 'village'
                and not exists (select 1 from council.council c where c.region_code = r.code) order by random() limit 1""");
    }

    /** A district other than the village's. */
    public String otherDistrict(String village) {
        return string("select code from kernel.region where level = 'district' and code <> ? order by random() limit 1", village.substring(0, 6));
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

    public long count(String sql, Object... args) {
        String n = string(sql, args);
        return n == null ? 0 : Long.parseLong(n);
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

    public Map<String, Object> get(String path, String token) {
        HttpRequest<?> request = HttpRequest.GET(path);
        if (token != null) {
            request = ((io.micronaut.http.MutableHttpRequest<?>) request).bearerAuth(token);
        }
        return client.toBlocking().retrieve(request, Argument.mapOf(String.class, Object.class));
    }

    /** The rows of one page of a paged list ({@code {items, page, size, total}}). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> items(String path, String token) {
        return (List<Map<String, Object>>) get(path, token).get("items");
    }

    public List<Map<String, Object>> list(String path, String token) {
        HttpRequest<?> request = HttpRequest.GET(path);
        if (token != null) {
            request = ((io.micronaut.http.MutableHttpRequest<?>) request).bearerAuth(token);
        }
        return client.toBlocking().retrieve(request, Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    public Map<String, Object> post(String path, Object body, String token) {
        return client.toBlocking().retrieve(HttpRequest.POST(path, body).bearerAuth(token), Argument.mapOf(String.class, Object.class));
    }

    public Map<String, Object> put(String path, Object body, String token) {
        return client.toBlocking().retrieve(HttpRequest.PUT(path, body).bearerAuth(token), Argument.mapOf(String.class, Object.class));
    }
}
