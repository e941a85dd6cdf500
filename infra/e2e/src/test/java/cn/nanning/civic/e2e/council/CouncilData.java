package cn.nanning.civic.e2e.council;

import cn.nanning.civic.e2e.platform.Api;
import cn.nanning.civic.e2e.platform.Platform;
import cn.nanning.civic.e2e.platform.ProxyData;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Real council data made through the gateway, as the demo convener (青秀区), a resident signed in with WeChat (the
 * stand-in) and the demo clerk would make it.
 */
final class CouncilData {

    static final Api GATEWAY = new Api(Platform.GATEWAY);

    private CouncilData() {
    }

    static String convener() {
        return ProxyData.token("convener");
    }

    private static String council;

    /**
     * The council the end-to-end tests work in: the first one in 青秀区 (an earlier run's), or a new one in the first
     * village without a council. Reused so that repeated runs on one database do not use up the district's villages;
     * tests therefore tell their own records apart by unique titles.
     */
    static synchronized String council() {
        if (council == null) {
            JsonNode existing = GATEWAY.get("/api/v1/council/councils?region=450103", convener()).json();
            council = existing.size() > 0 ? existing.get(0).path("id").asText() : newCouncil();
        }
        return council;
    }

    /** A new council in a village of 青秀区 that has none yet; returns its id. */
    private static String newCouncil() {
        String token = convener();
        for (JsonNode village : villagesOfQingxiu(token, false)) {
            Api.Response created = GATEWAY.post("/api/v1/council/councils", Map.of("regionCode", village.path("code").asText(),
                    "name", "老友议事会", "charter", "第一条 本议事会由村民代表、老党员、乡贤组成。",
                    "rules", Map.of("resolutionBody", "REPRESENTATIVES_MEETING",
                            "quorum", Map.of("numerator", 2, "denominator", 3, "comparison", "AT_LEAST"),
                            "majority", Map.of("numerator", 1, "denominator", 2, "comparison", "MORE_THAN"))), token);
            if (created.status() == 201) {
                return created.json().path("id").asText();
            }
            if (created.status() != 409) {
                throw new IllegalStateException("could not set up a council: " + created.status() + " " + created.body());
            }
        }
        throw new IllegalStateException("every village of 青秀区 has a council already");
    }

    /**
     * A village of 青秀区 without a council, from the last township backwards (the shared test council is set up from
     * the first one): its region record with code and name.
     */
    static JsonNode villageWithoutCouncil() {
        String token = convener();
        for (JsonNode village : villagesOfQingxiu(token, true)) {
            if (GATEWAY.get("/api/v1/council/councils?region=" + village.path("code").asText(), token).json().isEmpty()) {
                return village;
            }
        }
        throw new IllegalStateException("every village of 青秀区 has a council already");
    }

    /** The villages of 青秀区, township by township, from the last township when {@code lastFirst}. */
    private static List<JsonNode> villagesOfQingxiu(String token, boolean lastFirst) {
        List<JsonNode> townships = new ArrayList<>();
        GATEWAY.get("/api/v1/regions/450103/children", token).json().forEach(townships::add);
        if (lastFirst) {
            Collections.reverse(townships);
        }
        List<JsonNode> villages = new ArrayList<>();
        for (JsonNode township : townships) {
            GATEWAY.get("/api/v1/regions/" + township.path("code").asText() + "/children", token).json().forEach(villages::add);
        }
        return villages;
    }

    /** A resident's access token from a WeChat sign-in at the gateway. */
    static String citizen() {
        Api.Response login = GATEWAY.post("/api/v1/auth/wechat",
                Map.of("code", "council" + UUID.randomUUID().toString().substring(0, 8) + ".c1"), null);
        if (login.status() != 200) {
            throw new IllegalStateException("WeChat sign-in failed: " + login.status() + " " + login.body());
        }
        return login.json().path("accessToken").asText();
    }

    /**
     * A published topic proposed by a resident. Without an openid claim in the resident's token (older gateway) it
     * waits for review; the convener then publishes it, as the moderation queue would.
     */
    static String publishedTopic(String councilId, String title, String description) {
        JsonNode topic = post("/api/v1/council/councils/" + councilId + "/topics", Map.of("title", title, "description", description), citizen());
        String id = topic.path("id").asText();
        if (!"VISIBLE".equals(topic.path("moderation").asText())) {
            post("/api/v1/council/topics/" + id + "/approve", Map.of(), convener());
        }
        return id;
    }

    /** A topic the demo clerk enters for an offline resident: it always waits in the moderation queue. */
    static String clerkTopic(String councilId, String title) {
        return post("/api/v1/council/councils/" + councilId + "/assisted-topics", Map.of("title", title, "description", "居民到服务点口述的议题。",
                "residentName", "黄秀英", "consent", Map.of("given", true, "method", "当面口头同意",
                        "at", Instant.now().minus(5, ChronoUnit.MINUTES).toString())), ProxyData.token("clerk")).path("id").asText();
    }

    static JsonNode post(String path, Object body, String token) {
        Api.Response response = GATEWAY.post(path, body, token);
        if (response.status() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + response.status() + " " + response.body());
        }
        return response.json();
    }
}
