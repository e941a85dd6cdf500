package cn.nanning.civic.e2e.platform;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Real appointments data made through the gateway's API: the demo lawyer and counsellor as providers in 青秀区 with
 * a plan on every day, and citizens who book them or apply for legal aid from the mini-program.
 */
public final class AppointmentsData {

    public static final ZoneId NANNING = ZoneId.of("Asia/Shanghai");
    private static final String QINGXIU = "450103";
    private static final Api GATEWAY = new Api(Platform.GATEWAY);
    private static final Map<String, Provider> PROVIDERS = new ConcurrentHashMap<>();

    private AppointmentsData() {
    }

    public record Provider(String id, String placeId, String displayName) {
    }

    /**
     * The demo staff member ({@code lawyer} or {@code counsellor}) as a provider, registered once (or found, when an
     * earlier run registered them), working 08:00–20:00 every day with no minimum notice.
     */
    public static synchronized Provider provider(String username) {
        return PROVIDERS.computeIfAbsent(username, AppointmentsData::registerOrFind);
    }

    private static Provider registerOrFind(String username) {
        boolean counsellor = "counsellor".equals(username);
        String kind = counsellor ? "COUNSELLOR" : "LAWYER";
        String account = ProxyData.accountId(username);
        String admin = ProxyData.token("admin");
        Provider found = null;
        for (JsonNode p : GATEWAY.get("/api/v1/appointments/providers?kind=" + kind + "&region=" + QINGXIU, admin).json()) {
            if (p.path("accountId").asText().equals(account)) {
                found = new Provider(p.path("id").asText(), p.path("place").path("id").asText(), p.path("displayName").asText());
            }
        }
        if (found == null) {
            Api.Response place = GATEWAY.post("/api/v1/appointments/places", Map.of(
                    "name", counsellor ? "青秀区心理咨询室" : "青秀区公共法律服务中心",
                    "kind", counsellor ? "COUNSELLING_ROOM" : "LEGAL_SERVICE_STATION",
                    "regionCode", QINGXIU, "address", "南宁市青秀区"), admin);
            require(place, 201, "open a place");
            String name = counsellor ? "青秀区心理咨询师" : "青秀区法援律师";
            Api.Response created = GATEWAY.post("/api/v1/appointments/providers", Map.of("accountId", account,
                    "displayName", name, "kind", kind, "placeId", place.json().path("id").asText(),
                    "slotMinutes", 30, "minNoticeMinutes", 0, "horizonDays", 14), admin);
            require(created, 201, "register " + username + " as a provider");
            found = new Provider(created.json().path("id").asText(), place.json().path("id").asText(), name);
        }
        List<Map<String, Object>> windows = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            windows.add(Map.of("weekday", day, "starts", "08:00", "ends", "20:00"));
        }
        require(GATEWAY.put("/api/v1/appointments/providers/" + found.id() + "/plan", Map.of("windows", windows), admin), 200, "set the plan");
        return found;
    }

    /** A new citizen signed in from the mini-program (WeChat code through the stand-in). */
    public static String citizen() {
        Api.Response login = GATEWAY.post("/api/v1/auth/wechat", Map.of("code", "e2e-" + UUID.randomUUID() + ".a"), null);
        require(login, 200, "sign a citizen in");
        return login.json().path("accessToken").asText();
    }

    /** The first free slot of a provider that starts at least two hours from now (so it has surely not begun). */
    public static OffsetDateTime firstSlotLater(Provider provider, String token) {
        LocalDate today = LocalDate.now(NANNING);
        JsonNode slots = GATEWAY.get("/api/v1/appointments/providers/" + provider.id() + "/slots?from=" + today
                + "&to=" + today.plusDays(13), token).json();
        OffsetDateTime notBefore = OffsetDateTime.now().plusHours(2);
        for (JsonNode slot : slots) {
            OffsetDateTime starts = OffsetDateTime.parse(slot.path("startsAt").asText());
            if (starts.isAfter(notBefore)) {
                return starts;
            }
        }
        throw new IllegalStateException("no free slot in two weeks: " + slots);
    }

    /** A free legal consultation booked by the citizen; answers the booking. */
    public static JsonNode bookConsultation(Provider lawyer, String citizen, String topic) {
        OffsetDateTime starts = firstSlotLater(lawyer, citizen);
        Api.Response booked = GATEWAY.post("/api/v1/appointments/legal-aid/consultations", Map.of("providerId", lawyer.id(),
                "startsAt", starts.toString(), "mode", "IN_PERSON", "topic", topic), citizen);
        require(booked, 201, "book a consultation");
        return booked.json();
    }

    /**
     * A psychology session booked by an adult citizen with a PHQ-9 screening whose item 9 is answered {@code item9};
     * answers the booking with its screening result and, on risk, the crisis hotline.
     */
    public static JsonNode bookPsychology(Provider counsellor, String citizen, int item9) {
        OffsetDateTime starts = firstSlotLater(counsellor, citizen);
        Map<String, Object> body = new HashMap<>();
        body.put("providerId", counsellor.id());
        body.put("startsAt", starts.toString());
        body.put("mode", "IN_PERSON");
        body.put("idNumber", idNumberBornOn("19880606"));
        body.put("screening", Map.of("phq9", List.of(1, 1, 1, 0, 0, 1, 0, 0, item9)));
        // How the counsellor reaches the client (optional in the API; the mini-program asks for it).
        body.put("name", "陆小燕");
        body.put("phone", "13977118899");
        Api.Response booked = GATEWAY.post("/api/v1/appointments/psychology/bookings", body, citizen);
        require(booked, 201, "book a psychology session");
        return booked.json();
    }

    /** A legal-aid application (法律援助申请) in 青秀区 for unpaid wages, with a hardship statement. */
    public static JsonNode applyForLegalAid(String citizen, String applicantName) {
        Map<String, Object> body = new HashMap<>();
        body.put("applicantName", applicantName);
        body.put("idNumber", idNumberBornOn("19860412"));
        body.put("phone", "13907719876");
        body.put("regionCode", QINGXIU);
        body.put("caseType", "LABOUR");
        body.put("otherParty", "南宁某装饰工程有限公司");
        body.put("description", "在装修工地务工五个月，公司至今拖欠工资两万元。");
        body.put("hardshipStatement", "家庭月收入低于当地最低生活保障标准，本人承诺如实说明。");
        Api.Response applied = GATEWAY.post("/api/v1/appointments/legal-aid/applications", body, citizen);
        require(applied, 201, "apply for legal aid");
        return applied.json();
    }

    /**
     * A clerk books a consultation for a resident at a village service point (代为预约), with the resident's consent
     * to give the lawyer their name and number; answers the assisted booking ({@code bookingId}, masked resident).
     */
    public static JsonNode bookAtCounter(Provider lawyer, String residentName, String residentPhone, String topic) {
        String clerk = ProxyData.token("clerk");
        OffsetDateTime starts = firstSlotLater(lawyer, clerk);
        Api.Response booked = GATEWAY.post("/api/v1/appointments/legal-aid/consultations/assisted", Map.of(
                "providerId", lawyer.id(), "startsAt", starts.toString(), "mode", "IN_PERSON", "topic", topic,
                "residentName", residentName, "residentPhone", residentPhone, "contactKind", "SELF", "consent", true), clerk);
        require(booked, 201, "book at the counter");
        return booked.json();
    }

    /** The administrator's part before the lawyer's: the application approved (with reasons) and assigned to the lawyer. */
    public static void approveAndAssign(String applicationId, Provider lawyer) {
        String admin = ProxyData.token("admin");
        String path = "/api/v1/appointments/legal-aid/applications/" + applicationId;
        require(GATEWAY.post(path + "/decision", Map.of("approve", true, "reasons", "请求支付劳动报酬，经济困难属实。"), admin),
                200, "approve the application");
        require(GATEWAY.post(path + "/assignment", Map.of("providerId", lawyer.id()), admin), 200, "assign the lawyer");
    }

    /**
     * Moves a citizen's booking to earlier today, so that it has begun and ended by now (the booking engine, rightly,
     * books only future slots, and the platform's clock cannot be moved): as if the citizen had booked this morning's
     * slot yesterday. Tries 30-minute windows back from 40 minutes ago, skipping windows earlier runs already hold;
     * answers the new start. Test set-up in the database (as postgres), nothing a staff member does.
     */
    public static OffsetDateTime movedToEarlierToday(String bookingId) {
        OffsetDateTime now = OffsetDateTime.now(NANNING).withSecond(0).withNano(0);
        try (var connection = java.sql.DriverManager.getConnection(TestStack.datasourceUrl(), "postgres", "")) {
            for (int back = 40; back < 24 * 60; back += 5) {
                OffsetDateTime starts = now.minusMinutes(back);
                try (var update = connection.prepareStatement("""
                        update appointments.booking
                           set starts_at = ?::timestamptz, ends_at = ?::timestamptz + (ends_at - starts_at),
                               blocked = tstzrange(?::timestamptz, ?::timestamptz + (upper(blocked) - starts_at))
                         where id = ?""")) {
                    update.setObject(1, starts);
                    update.setObject(2, starts);
                    update.setObject(3, starts);
                    update.setObject(4, starts);
                    update.setObject(5, UUID.fromString(bookingId));
                    if (update.executeUpdate() != 1) {
                        throw new IllegalStateException("no booking " + bookingId);
                    }
                    return starts;
                } catch (java.sql.SQLException e) {
                    if (!"23P01".equals(e.getSQLState())) {
                        throw e;
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not move booking " + bookingId, e);
        }
        throw new IllegalStateException("no free window earlier today for booking " + bookingId);
    }

    /** A valid resident ID number of 青秀区 (GB 11643 check character), random sequence so reruns never collide. */
    static String idNumberBornOn(String yyyymmdd) {
        String first17 = QINGXIU + yyyymmdd + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    private static void require(Api.Response response, int status, String what) {
        if (response.status() != status) {
            throw new IllegalStateException("could not " + what + ": " + response.status() + " " + response.body());
        }
    }
}
