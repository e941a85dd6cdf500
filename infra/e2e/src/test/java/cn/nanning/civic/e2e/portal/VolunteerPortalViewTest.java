package cn.nanning.civic.e2e.portal;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.e2e.platform.Api;
import cn.nanning.civic.e2e.platform.Platform;
import cn.nanning.civic.e2e.platform.ProxyData;
import cn.nanning.civic.e2e.platform.VolunteerData;
import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.base.StaffSession;
import cn.nanning.civic.portal.gateway.GatewayClient;
import cn.nanning.civic.portal.gateway.StaffSignIn;
import cn.nanning.civic.portal.ui.RegionPicker;
import cn.nanning.civic.portal.volunteers.MyVolunteeringView;
import cn.nanning.civic.portal.volunteers.VolunteerSearchView;
import cn.nanning.civic.portal.volunteers.CertificateVerificationPage;
import cn.nanning.civic.portal.volunteers.VolunteersClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The volunteer's own screens and the administrators' volunteer search in the portal, on a volunteer registered through
 * the mini-program's API, with hours and a certificate recorded by the demo organiser, all through the real gateway.
 */
class VolunteerPortalViewTest extends PortalViewTest {

    private static final Api GATEWAY = new Api(Platform.GATEWAY);
    private static VolunteerData.Volunteer volunteer;
    private static String activityTitle;
    private static String certificate;

    @BeforeAll
    static void aVolunteerWithAnActivityHoursAndACertificate() {
        volunteer = VolunteerData.register();
        activityTitle = "社区敬老 " + UUID.randomUUID().toString().substring(0, 4);
        Instant start = Instant.now().plus(Duration.ofDays(2));
        String activityId = VolunteerData.publishActivity(activityTitle, start, start.plus(Duration.ofHours(3)), 120);
        VolunteerData.signUp(volunteer, activityId);
        String organizer = ProxyData.token("organizer");
        // The organiser records the volunteer's 2 hours (a correction, as when someone served without scanning the code).
        Api.Response corrected = GATEWAY.post("/api/v1/volunteers/activities/" + activityId + "/hours/corrections",
                Map.of("volunteerId", volunteer.volunteerId(), "minutes", 120, "reason", "现场核实，未扫码签到"), organizer);
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        Api.Response issued = GATEWAY.post("/api/v1/volunteers/" + volunteer.volunteerId() + "/certificates",
                Map.of("issuer", "青秀区志愿者协会", "contact", "0771-5550000"), organizer);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        certificate = issued.json().path("number").asText();
    }

    @Test
    void aVolunteerLinksTheirPortalAccountAndSeesTheirMaskedProfileActivitiesHoursAndCertificate() {
        // The area's administrator creates the volunteer's portal account; the volunteer proves the record is theirs
        // with a one-time code from the mini-program.
        String username = "vol-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Yongjiang-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response account = GATEWAY.post("/api/v1/identity/staff", Map.of("username", username, "displayName", "黄丽萍",
                "roles", List.of("VOLUNTEER"), "regionCode", volunteer.village(), "initialPassword", password), ProxyData.token("admin"));
        assertThat(account.status()).as(account.body()).isEqualTo(201);
        String code = GATEWAY.post("/api/v1/volunteers/me/portal-link-code", Map.of(), volunteer.token()).json().path("code").asText();

        signInAs(username, password);
        UI.getCurrent().navigate(MyVolunteeringView.class);
        assertThat(_find(Grid.class, spec -> spec.withId("my-activities"))).as("nothing shown before the link").isEmpty();
        _get(TextField.class, spec -> spec.withId("portal-link-code")).setValue(code);
        _click(_get(Button.class, spec -> spec.withId("portal-link")));
        assertThat(outcome("my-volunteering-message")).isEqualTo("已关联您的志愿者档案。");

        String profile = _find(Paragraph.class).stream().map(Paragraph::getText).collect(Collectors.joining("\n"));
        String masked = volunteer.idNumber().substring(0, 4) + "**********" + volunteer.idNumber().substring(14);
        assertThat(profile).contains("身份证号：" + masked).contains("手机号：139****2345").contains("姓名：黄丽萍")
                .doesNotContain(volunteer.idNumber()).doesNotContain("13977112345");

        @SuppressWarnings("unchecked")
        Grid<Object> activities = _get(Grid.class, spec -> spec.withId("my-activities"));
        assertThat(activities.getGenericDataView().getItems().map(Object::toString).toList())
                .anySatisfy(row -> assertThat(row).contains(activityTitle).contains("已报名"));
        assertThat(_get(Paragraph.class, spec -> spec.withId("my-hours-summary")).getText()).startsWith("已确认服务时长 2.0 小时");
        @SuppressWarnings("unchecked")
        Grid<VolunteersClient.Certificate> certificates = _get(Grid.class, spec -> spec.withId("my-certificates"));
        assertThat(certificates.getGenericDataView().getItems().map(VolunteersClient.Certificate::number).toList()).containsExactly(certificate);
        Anchor download = (Anchor) com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(certificates, 0, "download");
        assertThat(download.getText()).isEqualTo("下载 PDF");
        assertThat(download.getId()).contains("certificate-" + certificate);

        // The download link's call: the certificate PDF through the gateway with the portal account's token.
        byte[] pdf = portal.getBean(SignIn.class).withToken(token -> portal.getBean(VolunteersClient.class).certificatePdf(certificate, token));
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }

    @Test
    void aCertificatesQrCodeOpensAReadablePageForAnyoneWithoutSigningIn() {
        UI.getCurrent().navigate("certificates/verify/" + certificate);

        String page = _get(CertificateVerificationPage.class).getElement().getTextRecursively();
        String masked = volunteer.idNumber().substring(0, 4) + "**********" + volunteer.idNumber().substring(14);
        assertThat(page).contains("该证明真实有效", "证明编号：" + certificate, "身份证号：" + masked, "累计志愿服务时长：2.0 小时",
                "出具单位：青秀区志愿者协会", "核实电话：0771-5550000").doesNotContain(volunteer.idNumber()).doesNotContain("{");

        UI.getCurrent().navigate("certificates/verify/NNZY2000-NOSUCHNUMBER");
        assertThat(_get(CertificateVerificationPage.class).getElement().getTextRecursively())
                .contains("没有找到该证明编号，请核对后重试。").doesNotContain("该证明真实有效");
    }

    @Test
    void anAdministratorFindsTheVolunteerByTheMaskedIdNumberAndTheRevealOfTheFullOneIsAudited() {
        open("admin", VolunteerSearchView.class);
        String masked = volunteer.idNumber().substring(0, 4) + "**********" + volunteer.idNumber().substring(14);
        _get(TextField.class, spec -> spec.withId("search-id-number")).setValue(masked);
        _get(RegionPicker.class, spec -> spec.withId("search-region")).setValue(volunteer.village());
        _click(_get(Button.class, spec -> spec.withId("search-volunteers")));
        @SuppressWarnings("unchecked")
        Grid<VolunteersClient.Match> results = _get(Grid.class, spec -> spec.withId("volunteer-results"));
        VolunteersClient.Match match = results.getGenericDataView().getItems()
                .filter(m -> m.id().toString().equals(volunteer.volunteerId())).findFirst().orElseThrow();
        assertThat(match.maskedName()).isEqualTo("黄**");
        assertThat(match.maskedIdNumber()).isEqualTo(masked);
        assertThat(_get(Span.class, spec -> spec.withId("revealed-id-number")).getText()).isEmpty();

        results.select(match);
        String purpose = "办理志愿者保险 " + UUID.randomUUID().toString().substring(0, 6);
        _get(TextField.class, spec -> spec.withId("reveal-reason")).setValue(purpose);
        _click(_get(Button.class, spec -> spec.withId("reveal-id-number")));
        assertThat(_get(Span.class, spec -> spec.withId("revealed-id-number")).getText()).isEqualTo(volunteer.idNumber());

        // The auditor finds the reveal, with its purpose and the administrator, in the services' audit trail.
        JsonNode audit = GATEWAY.get("/api/v1/audit-log?action=volunteers.id-number.reveal&actor=" + ProxyData.accountId("admin")
                + "&limit=50", ProxyData.token("auditor")).json();
        assertThat(audit.findParents("targetId").stream()
                .filter(row -> volunteer.volunteerId().equals(row.path("targetId").asText()) && purpose.equals(row.path("detail").asText()))
                .toList()).singleElement().satisfies(row -> {
                    assertThat(row.path("outcome").asText()).isEqualTo("SUCCESS");
                    assertThat(row.toString()).doesNotContain(volunteer.idNumber());
                });
        assertThat(GATEWAY.get("/api/v1/audit-log?action=volunteers.search&actor=" + ProxyData.accountId("admin")
                + "&limit=5", ProxyData.token("auditor")).body()).contains("maskedIdNumber");
    }

    private static void signInAs(String username, String password) {
        StaffSignIn answer = portal.getBean(GatewayClient.class).signIn(username, password);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        answer.roles().forEach(name -> roles.add(Role.valueOf(name)));
        StaffSession.store(VaadinSession.getCurrent(), new StaffSession(answer.displayName(), answer.regionCode(), roles,
                answer.accessToken(), answer.refreshToken()));
    }
}
