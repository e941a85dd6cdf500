package cn.nanning.civic.services;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@MicronautTest(transactional = false)
class ProxyRequestsApiTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Tokens tokens;

    @Inject
    ProxyFixture fixture;

    String village;
    String pointId;
    String clerk;
    String citizen;

    @BeforeEach
    void aServicePointWithItsClerk() {
        fixture.setUp();
        village = fixture.village;
        pointId = fixture.pointId;
        clerk = fixture.clerk;
        citizen = fixture.citizen;
    }

    @Test
    void aRequestWalksTheWholeLifecycleFromAuthorisationToFollowUp() {
        Map<?, ?> created = authoriseAsCitizen();
        assertThat(created.get("status")).isEqualTo("AUTHORISED");
        assertThat(created.get("residentPhone")).isEqualTo("139****6789");
        assertThat(created.get("residentName")).isEqualTo("黄**");
        String id = created.get("id").toString();
        Map<?, ?> own = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/proxy/requests/" + id).bearerAuth(citizen), Map.class);
        assertThat(own.get("residentName")).as("the resident reads what they gave in full").isEqualTo("黄秀英");
        assertThat(own.get("residentPhone")).isEqualTo("13912346789");
        Map<?, ?> forClerk = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/proxy/requests/" + id).bearerAuth(clerk), Map.class);
        assertThat(forClerk.get("residentName")).isEqualTo("黄**");

        Map<?, ?> accepted = post(id, "accept", Map.of("materials", List.of("居民身份证", "户口簿")), clerk);
        assertThat(accepted.get("receiptNo").toString()).matches("DB\\d{8}-\\d{6}");
        assertThat(accepted.get("forwardDue")).isNotNull();
        assertThat(accepted.get("overdue")).isEqualTo(false);

        assertThat(post(id, "forward", Map.of("office", "区民政局", "note", "材料已送达窗口"), clerk).get("statusLabel")).isEqualTo("办理中");
        assertThat(post(id, "deliver", Map.of("note", "津贴已核准"), clerk).get("status")).isEqualTo("DELIVERED");
        assertThat(post(id, "archive", Map.of(), clerk).get("status")).isEqualTo("ARCHIVED");
        Map<?, ?> done = post(id, "follow-up", Map.of("satisfaction", 5, "comment", "很方便"), citizen);
        assertThat(done.get("status")).isEqualTo("FOLLOWED_UP");
        assertThat((List<?>) done.get("timeline")).hasSize(6);
        assertThat(count("select count(*) from kernel.outbox where event_key = ? and event_type = 'ProxyRequestStatusChanged'", id)).isEqualTo(6);
        // The resident is told about every step on WeChat (delivered by the gateway from the notifications topic).
        assertThat(count("select count(*) from kernel.outbox where event_type = 'CitizenNotificationRequested' and payload like '%' || ? || '%'", id)).isEqualTo(6);
    }

    @Test
    void aClerkRegistersAResidentWithoutAMobileWithARelativesNumberOrNoneWithConsentNoted() {
        Map<String, Object> relative = request();
        relative.put("consentChannel", "IN_PERSON");
        relative.put("contactKind", "RELATIVE");
        relative.put("residentPhone", "13800001234");
        var noRelation = refused(() -> client.toBlocking().retrieve(HttpRequest.POST("/api/v1/proxy/requests", relative).bearerAuth(clerk), Map.class));
        assertThat(detail(noRelation)).contains("关系");
        relative.put("contactRelation", "女儿");
        Map<?, ?> viaDaughter = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/proxy/requests", relative).bearerAuth(clerk), Map.class);
        assertThat(viaDaughter.get("residentPhone")).isEqualTo("138****1234（女儿）");
        assertThat(viaDaughter.get("contactKind")).isEqualTo("RELATIVE");
        assertThat(viaDaughter.get("timeline").toString()).contains("委托人无手机，留亲属（女儿）电话");

        Map<String, Object> none = request();
        none.put("consentChannel", "IN_PERSON");
        none.put("contactKind", "NONE");
        none.remove("residentPhone");
        Map<?, ?> noPhone = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/proxy/requests", none).bearerAuth(clerk), Map.class);
        assertThat(noPhone.get("residentPhone")).isEqualTo("无手机");
        assertThat(noPhone.get("timeline").toString()).contains("经本人同意不留电话");
        List<Map<String, Object>> bench = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/proxy/requests/workbench").bearerAuth(clerk),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertThat(bench).filteredOn(r -> r.get("id").equals(noPhone.get("id"))).singleElement()
                .satisfies(r -> assertThat(r.get("residentPhone")).isEqualTo("无手机"));

        Map<String, Object> ownPhoneMissing = request();
        ownPhoneMissing.put("consentChannel", "IN_PERSON");
        ownPhoneMissing.remove("residentPhone");
        assertThat(detail(refused(() -> client.toBlocking().retrieve(HttpRequest.POST("/api/v1/proxy/requests", ownPhoneMissing)
                .bearerAuth(clerk), Map.class)))).contains("亲属电话").contains("无手机");
    }

    @Test
    void theClerkOfThePointReadsTheResidentInFullAndEveryReadIsAudited() {
        String id = authoriseAsCitizen().get("id").toString();
        Map<?, ?> contact = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/proxy/requests/" + id + "/contact").bearerAuth(clerk), Map.class);
        assertThat(contact.get("residentName")).isEqualTo("黄秀英");
        assertThat(contact.get("phone")).isEqualTo("13912346789");
        assertThat(contact.get("contactKind")).isEqualTo("SELF");
        String otherClerk = fixture.clerkElsewhere();
        assertThat(refused(() -> client.toBlocking().retrieve(HttpRequest.GET("/api/v1/proxy/requests/" + id + "/contact")
                .bearerAuth(otherClerk), Map.class)).getStatus().getCode()).isEqualTo(404);
        assertThat(count("select count(*) from kernel.audit_log where target_id = ? and action = 'proxy.request.contact-read'", id))
                .as("both reads, the refused one too").isEqualTo(2);
    }

    @Test
    void aResidentInTheMiniProgramAlwaysGivesTheirOwnNumber() {
        Map<String, Object> body = request();
        body.put("contactKind", "NONE");
        body.remove("residentPhone");
        var e = refused(() -> client.toBlocking().retrieve(HttpRequest.POST("/api/v1/proxy/requests", body).bearerAuth(citizen), Map.class));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(detail(e)).contains("本人的手机号码");
    }

    @Test
    void aStepCannotBeSkipped() {
        String id = authoriseAsCitizen().get("id").toString();
        var e = refused(() -> post(id, "deliver", Map.of(), clerk));
        assertThat(e.getStatus().getCode()).isEqualTo(409);
        assertThat(detail(e)).contains("下一步只能是“已受理”");
    }

    @Test
    void acceptanceNeedsEveryMaterialTicked() {
        String id = authoriseAsCitizen().get("id").toString();
        var e = refused(() -> post(id, "accept", Map.of("materials", List.of("居民身份证")), clerk));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(detail(e)).contains("户口簿");
    }

    @Test
    void aClerkOfAnotherVillageCanNeitherSeeNorActOnTheRequest() {
        String id = authoriseAsCitizen().get("id").toString();
        String missing = java.util.UUID.randomUUID().toString();
        String otherClerk = fixture.clerkElsewhere();
        String anotherCitizen = tokens.citizen();
        // Someone else's request answers exactly as one that does not exist: nothing reveals that it does.
        assertThat(refused(() -> post(id, "accept", Map.of("materials", List.of("居民身份证", "户口簿")), otherClerk)).getStatus().getCode()).isEqualTo(404);
        for (String token : List.of(otherClerk, anotherCitizen)) {
            var foreign = refused(() -> client.toBlocking().retrieve(HttpRequest.GET("/api/v1/proxy/requests/" + id).bearerAuth(token), Map.class));
            var absent = refused(() -> client.toBlocking().retrieve(HttpRequest.GET("/api/v1/proxy/requests/" + missing).bearerAuth(token), Map.class));
            assertThat(foreign.getStatus().getCode()).isEqualTo(404).isEqualTo(absent.getStatus().getCode());
            assertThat(detail(foreign)).isEqualTo(detail(absent));
        }
    }

    @Test
    void theTownshipSupervisorSeesTheRequestAndAnotherTownshipsDoesNot() {
        String id = authoriseAsCitizen().get("id").toString();
        String township = village.substring(0, 9);
        String supervisor = tokens.sign(UUID.randomUUID().toString(), "staff", List.of("CLERK"), township);
        List<Map<String, Object>> bench = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/proxy/requests/workbench").bearerAuth(supervisor),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertThat(bench).extracting(r -> r.get("id")).contains(id);

        String otherTownship = otherTownshipThan(township);
        String stranger = tokens.sign(UUID.randomUUID().toString(), "staff", List.of("CLERK"), otherTownship);
        List<Map<String, Object>> strangerBench = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/proxy/requests/workbench").bearerAuth(stranger),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertThat(strangerBench).extracting(r -> r.get("id")).doesNotContain(id);
    }

    @Test
    void aClerkRegisteringForAResidentMustRecordHowTheResidentConsented() {
        Map<String, Object> body = request();
        var e = refused(() -> client.toBlocking().retrieve(HttpRequest.POST("/api/v1/proxy/requests", body).bearerAuth(clerk), Map.class));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        body.put("consentChannel", "PHONE");
        Map<?, ?> created = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/proxy/requests", body).bearerAuth(clerk), Map.class);
        assertThat(created.get("consentChannel")).isEqualTo("PHONE");
    }

    @Test
    void withoutConsentNothingIsRecorded() {
        Map<String, Object> body = request();
        body.put("consent", false);
        var e = refused(() -> client.toBlocking().retrieve(HttpRequest.POST("/api/v1/proxy/requests", body).bearerAuth(citizen), Map.class));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(count("select count(*) from proxy.proxy_request where point_id = cast(? as uuid)", pointId)).isZero();
    }

    @Test
    void theResidentsPhoneIsEncryptedAtRest() {
        String id = authoriseAsCitizen().get("id").toString();
        assertThat(count("select count(*) from proxy.proxy_request where id = cast(? as uuid) and (resident_phone like '%13912346789%' or resident_name like '%黄%')", id)).isZero();
        assertThat(count("select count(*) from proxy.proxy_request where id = cast(? as uuid)", id)).isEqualTo(1);
    }

    @Test
    void aLabourRightsBundleFansOutIntoItsItemsTrackedTogether() {
        String admin = tokens.staff("ADMIN", "450100");
        List<String> parts = List.of("NN-LD-001", "NN-LD-004", "NN-LD-005", "NN-LD-003");
        client.toBlocking().exchange(HttpRequest.POST("/api/v1/proxy/points/" + pointId + "/items",
                Map.of("itemCodes", List.of("NN-LD-900"))).bearerAuth(admin));
        Map<String, Object> body = request();
        body.put("itemCode", "NN-LD-900");
        Map<?, ?> bundle = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/proxy/requests", body).bearerAuth(citizen), Map.class);
        List<Map<?, ?>> children = children(bundle);
        assertThat(children).extracting(c -> c.get("itemCode").toString()).containsExactlyElementsOf(parts);

        var refused = refused(() -> post(bundle.get("id").toString(), "accept", Map.of("materials", List.of()), clerk));
        assertThat(refused.getStatus().getCode()).isEqualTo(409);

        String firstChild = children.get(0).get("id").toString();
        post(firstChild, "accept", Map.of("materials", List.of("投诉书", "身份证件", "劳动合同、考勤记录、工资条等能证明劳动关系和欠薪的材料")), clerk);
        Map<?, ?> tracked = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/proxy/requests/" + bundle.get("id")).bearerAuth(citizen), Map.class);
        assertThat(tracked.get("status")).isEqualTo("AUTHORISED");
        assertThat(children(tracked)).extracting(c -> c.get("status").toString()).contains("ACCEPTED", "AUTHORISED");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<?, ?>> children(Map<?, ?> request) {
        return (List<Map<?, ?>>) request.get("children");
    }

    @Test
    void aClerkRefersAMatterToLegalAidAsALinkAndAnEvent() {
        String id = authoriseAsCitizen().get("id").toString();
        Map<?, ?> referral = post(id, "referrals", Map.of("target", "LEGAL_AID", "reason", "用人单位拒不支付工资，需要法律援助"), clerk);
        assertThat(referral.get("target")).isEqualTo("LEGAL_AID");
        assertThat(count("select count(*) from kernel.outbox where event_key = ? and event_type = 'ProxyRequestReferred'", id)).isEqualTo(1);
        Map<?, ?> view = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/proxy/requests/" + id).bearerAuth(citizen), Map.class);
        assertThat(view.get("timeline").toString()).contains("转介至法律援助");
        var e = refused(() -> post(id, "referrals", Map.of("target", "COURT", "reason", "x"), clerk));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
    }

    private Map<?, ?> authoriseAsCitizen() {
        return fixture.authoriseAsCitizen();
    }

    private Map<String, Object> request() {
        return fixture.request();
    }

    private Map<?, ?> post(String id, String action, Map<String, Object> body, String token) {
        return client.toBlocking().retrieve(HttpRequest.POST("/api/v1/proxy/requests/" + id + "/" + action, body).bearerAuth(token), Map.class);
    }

    private static HttpClientResponseException refused(Runnable call) {
        return catchThrowableOfType(HttpClientResponseException.class, call::run);
    }

    private static String detail(HttpClientResponseException e) {
        return e.getResponse().getBody(Map.class).orElseThrow().get("detail").toString();
    }

    private String freeVillage() {
        return fixture.freeVillage();
    }

    private String otherTownshipThan(String township) {
        return fixture.firstString("select code from kernel.region where level = 'township' and code <> ? limit 1", township);
    }

    private long count(String sql, String arg) {
        return fixture.count(sql, arg);
    }
}
