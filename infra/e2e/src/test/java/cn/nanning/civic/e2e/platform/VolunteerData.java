package cn.nanning.civic.e2e.platform;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Real volunteer data made through the gateway, as the mini-program, an organiser and an administrator would: a
 * citizen signed in with WeChat and registered as a volunteer in a village of 青秀区 (the demo organiser's area).
 */
public final class VolunteerData {

    private static final Api GATEWAY = new Api(Platform.GATEWAY);
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static String village;

    private VolunteerData() {
    }

    /** A citizen signed in with WeChat and registered as a volunteer. */
    public record Volunteer(String weChatUser, String accountId, String token, String volunteerId, String idNumber, String village) {
    }

    /** Signs a fresh WeChat user in and registers them (another ID number on the rare clash with an earlier run). */
    public static Volunteer register() {
        String user = "vol" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        JsonNode login = GATEWAY.post("/api/v1/auth/wechat", Map.of("code", user + ".n1"), null).json();
        String token = login.path("accessToken").asText();
        String home = village();
        for (int attempt = 0; ; attempt++) {
            String id = idNumber();
            Map<String, Object> body = new HashMap<>();
            body.put("realName", "黄丽萍");
            body.put("idNumber", id);
            body.put("phone", "13977112345");
            body.put("homeRegion", home);
            body.put("skills", List.of("急救"));
            body.put("sensitiveInfoConsent", true);
            body.put("consentPolicyVersion", "2025-01");
            Api.Response created = GATEWAY.post("/api/v1/volunteers", body, token);
            if (created.status() == 201) {
                return new Volunteer(user, login.path("accountId").asText(), token, created.json().path("id").asText(), id, home);
            }
            if (created.status() != 409 || attempt > 5) {
                throw new IllegalStateException("registration failed: " + created.status() + " " + created.body());
            }
        }
    }

    /** A village of 青秀区, where the demo organiser works. */
    public static synchronized String village() {
        if (village == null) {
            String admin = ProxyData.token("admin");
            JsonNode townships = GATEWAY.get("/api/v1/regions/450103/children", admin).json();
            JsonNode villages = GATEWAY.get("/api/v1/regions/" + townships.get(0).path("code").asText() + "/children", admin).json();
            village = villages.get(villages.size() - 1).path("code").asText();
        }
        return village;
    }

    /** A valid resident ID number (GB 11643 check digit) of an adult born in 青秀区. */
    public static String idNumber() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate born = LocalDate.of(1970, 1, 1).plusDays(random.nextInt(30 * 365));
        String body = "450103" + born.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + CHECK.charAt(sum % 11);
    }

    /** The demo organiser publishes an activity in the volunteers' village. */
    public static String publishActivity(String title, java.time.Instant startsAt, java.time.Instant endsAt, int plannedMinutes) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("regionCode", village());
        body.put("place", "青秀区邕江大桥北岸");
        body.put("startsAt", startsAt.toString());
        body.put("endsAt", endsAt.toString());
        body.put("plannedMinutes", plannedMinutes);
        body.put("capacity", 10);
        Api.Response created = GATEWAY.post("/api/v1/volunteers/activities", body, ProxyData.token("organizer"));
        if (created.status() != 201) {
            throw new IllegalStateException("publishing failed: " + created.status() + " " + created.body());
        }
        return created.json().path("id").asText();
    }

    public static void signUp(Volunteer volunteer, String activityId) {
        Api.Response signed = GATEWAY.post("/api/v1/volunteers/activities/" + activityId + "/signups", Map.of(), volunteer.token());
        if (signed.status() != 201 || !"CONFIRMED".equals(signed.json().path("status").asText())) {
            throw new IllegalStateException("sign-up failed: " + signed.status() + " " + signed.body());
        }
    }

    /** The volunteer scans the code shown on site (check-in or check-out); answers the attendance the API gives back. */
    public static JsonNode check(Volunteer volunteer, String activityId, String inOrOut, String code) {
        Api.Response done = GATEWAY.post("/api/v1/volunteers/activities/" + activityId + "/" + inOrOut, Map.of("code", code), volunteer.token());
        if (done.status() != 200) {
            throw new IllegalStateException(inOrOut + " failed: " + done.status() + " " + done.body());
        }
        return done.json();
    }

    /**
     * Moves a volunteer's check-in to an earlier moment of the activity (test set-up in the database, as postgres): the
     * platform's clock cannot be moved, and a test cannot wait the hour a volunteer serves.
     */
    public static void checkedInAt(Volunteer volunteer, String activityId, java.time.Instant at) {
        try (var connection = java.sql.DriverManager.getConnection(TestStack.datasourceUrl(), "postgres", "");
             var update = connection.prepareStatement(
                     "update volunteers.attendance set check_in_at = ? where activity_id = ? and volunteer_id = ?")) {
            update.setObject(1, at.atOffset(java.time.ZoneOffset.UTC));
            update.setObject(2, UUID.fromString(activityId));
            update.setObject(3, UUID.fromString(volunteer.volunteerId()));
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("no check-in of " + volunteer.volunteerId() + " at " + activityId);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
