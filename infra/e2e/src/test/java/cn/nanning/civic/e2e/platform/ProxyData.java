package cn.nanning.civic.e2e.platform;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real proxy data made through the gateway's API, as an administrator and a clerk would: a service point in a
 * village of 青秀区 with the demo clerk assigned, and requests taken there.
 */
public final class ProxyData {

    private static final Api GATEWAY = new Api(Platform.GATEWAY);
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final Map<String, String> ACCOUNTS = new ConcurrentHashMap<>();
    private static String pointId;
    private static String itemCode;

    private ProxyData() {
    }

    public static String token(String username) {
        return TOKENS.computeIfAbsent(username, name -> {
            Api.Response login = GATEWAY.post("/api/v1/auth/staff/login",
                    Map.of("username", name, "password", Platform.DEMO_STAFF_PASSWORD), null);
            if (login.status() != 200) {
                throw new IllegalStateException(name + " could not sign in: " + login.status() + " " + login.body());
            }
            ACCOUNTS.put(name, login.json().path("accountId").asText());
            return login.json().path("accessToken").asText();
        });
    }

    /** The staff account id of a demo staff member (signing them in once). */
    public static String accountId(String username) {
        token(username);
        return ACCOUNTS.get(username);
    }

    /** The point every test here works at, opened once (or found, when an earlier run opened it). */
    public static synchronized String point() {
        if (pointId != null) {
            return pointId;
        }
        String admin = token("admin");
        token("clerk");
        itemCode = GATEWAY.get("/api/v1/catalogue/items?size=1", admin).json().path("items").get(0).path("code").asText();
        String village = firstVillageOf("450103", admin);
        JsonNode existing = GATEWAY.get("/api/v1/proxy/points?region=" + village, admin).json();
        if (existing.size() > 0) {
            pointId = existing.get(0).path("id").asText();
            GATEWAY.post("/api/v1/proxy/points/" + pointId + "/items", Map.of("itemCodes", java.util.List.of(itemCode)), admin);
        } else {
            Api.Response opened = GATEWAY.post("/api/v1/proxy/points",
                    Map.of("regionCode", village, "itemCodes", java.util.List.of(itemCode)), admin);
            if (opened.status() != 201) {
                throw new IllegalStateException("could not open a point: " + opened.body());
            }
            pointId = opened.json().path("id").asText();
        }
        GATEWAY.post("/api/v1/proxy/points/" + pointId + "/staff",
                Map.of("accountId", ACCOUNTS.get("clerk"), "role", "CLERK"), admin);
        return pointId;
    }

    /** The catalogue item the point offers (the first of the catalogue), once the point is open. */
    public static String itemCode() {
        point();
        return itemCode;
    }

    /** A request the clerk takes on behalf of a resident (委托, with consent given at the counter). */
    public static String requestFor(String residentName) {
        String point = point();
        Api.Response created = GATEWAY.post("/api/v1/proxy/requests", Map.of("pointId", point, "itemCode", itemCode,
                "residentName", residentName, "residentPhone", "13907710000", "consent", true,
                "consentChannel", "IN_PERSON"), token("clerk"));
        if (created.status() != 201) {
            throw new IllegalStateException("could not create a request: " + created.status() + " " + created.body());
        }
        return created.json().path("id").asText();
    }

    private static String firstVillageOf(String area, String token) {
        JsonNode townships = GATEWAY.get("/api/v1/regions/" + area + "/children", token).json();
        String township = townships.get(0).path("code").asText();
        return GATEWAY.get("/api/v1/regions/" + township + "/children", token).json().get(0).path("code").asText();
    }
}
