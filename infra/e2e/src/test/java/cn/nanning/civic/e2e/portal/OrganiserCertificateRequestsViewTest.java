package cn.nanning.civic.e2e.portal;

import cn.nanning.civic.e2e.platform.Api;
import cn.nanning.civic.e2e.platform.Platform;
import cn.nanning.civic.e2e.platform.ProxyData;
import cn.nanning.civic.e2e.platform.VolunteerData;
import cn.nanning.civic.portal.volunteers.VolunteerServicesView;
import cn.nanning.civic.portal.volunteers.VolunteersClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Volunteers ask for a certificate from the mini-program (through the real gateway); the demo organiser sees the requests
 * in the portal, issues one in the organisation's name and declines the other with a reason; each volunteer reads the
 * outcome in their own list.
 */
class OrganiserCertificateRequestsViewTest extends PortalViewTest {

    private static final Api GATEWAY = new Api(Platform.GATEWAY);

    /** A volunteer with 2 confirmed hours who asked for a certificate; answers the request id. */
    private static String askingVolunteer(VolunteerData.Volunteer volunteer, String purpose) {
        Instant start = Instant.now().plus(Duration.ofDays(2));
        String activityId = VolunteerData.publishActivity("社区助老 " + UUID.randomUUID().toString().substring(0, 4), start,
                start.plus(Duration.ofHours(3)), 120);
        VolunteerData.signUp(volunteer, activityId);
        Api.Response corrected = GATEWAY.post("/api/v1/volunteers/activities/" + activityId + "/hours/corrections",
                Map.of("volunteerId", volunteer.volunteerId(), "minutes", 120, "reason", "现场核实，未扫码签到"), ProxyData.token("organizer"));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        Api.Response asked = GATEWAY.post("/api/v1/volunteers/me/certificate-requests", Map.of("kind", "SERVICE_HOURS", "purpose", purpose),
                volunteer.token());
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        return asked.json().path("id").asText();
    }

    /** The button of a row's 处理 cell: 0 出具证明, 1 不予出具. */
    private static Button action(Grid<VolunteersClient.CertificateRequest> grid, int row, int which) {
        HorizontalLayout cell = (HorizontalLayout) com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(grid, row, "decide");
        return (Button) cell.getComponentAt(which);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOrganiserIssuesOneRequestAndDeclinesAnotherWithAReason() {
        VolunteerData.Volunteer first = VolunteerData.register();
        VolunteerData.Volunteer second = VolunteerData.register();
        String issueMe = askingVolunteer(first, "升学材料");
        String declineMe = askingVolunteer(second, "求职材料");

        open("organizer", VolunteerServicesView.class);
        Grid<VolunteersClient.CertificateRequest> requests = _get(Grid.class, spec -> spec.withId("certificate-requests"));
        List<VolunteersClient.CertificateRequest> rows = requests.getGenericDataView().getItems().toList();
        assertThat(rows).extracting(r -> r.id().toString()).contains(issueMe, declineMe);
        VolunteersClient.CertificateRequest row = rows.stream().filter(r -> r.id().toString().equals(issueMe)).findFirst().orElseThrow();
        assertThat(row.volunteerName()).isEqualTo("黄**");
        assertThat(row.kindLabel()).isEqualTo("志愿服务时长证明");
        assertThat(row.purpose()).isEqualTo("升学材料");
        assertThat(row.confirmedHours()).isEqualByComparingTo("2.0");
        assertThat(_get(Paragraph.class, spec -> spec.withId("certificate-requests-summary")).getText()).contains("份待处理的申请");

        // Issuing needs the organisation's name and phone first (the binder says which is missing).
        _click(action(requests, rows.indexOf(row), 0));
        assertThat(outcome("certificate-requests-outcome")).isEqualTo("请先填写出具证明的组织名称。");
        _get(TextField.class, spec -> spec.withId("certificate-issuer")).setValue("青秀区志愿者协会");
        _get(TextField.class, spec -> spec.withId("certificate-contact")).setValue("0771-5551234");
        _click(action(requests, rows.indexOf(row), 0));
        assertThat(outcome("certificate-requests-outcome")).startsWith("已按申请为 黄** 出具志愿服务时长证明，编号 NNZY").endsWith("；已通知志愿者。");

        requests = _get(Grid.class, spec -> spec.withId("certificate-requests"));
        rows = requests.getGenericDataView().getItems().toList();
        assertThat(rows).extracting(r -> r.id().toString()).doesNotContain(issueMe).contains(declineMe);
        Button decline = action(requests, rows.indexOf(rows.stream().filter(r -> r.id().toString().equals(declineMe)).findFirst().orElseThrow()), 1);
        assertThat(decline.getText()).isEqualTo("不予出具");
        _click(decline);
        _get(TextArea.class, spec -> spec.withId(decline.getId().orElseThrow() + "-reason")).setValue("服务时长尚在核对，请下月再申请");
        _click(_get(Button.class, spec -> spec.withId(decline.getId().orElseThrow() + "-confirm")));
        assertThat(outcome("certificate-requests-outcome")).isEqualTo("已告知 黄** 本次申请未出具及原因。");

        JsonNode issued = GATEWAY.get("/api/v1/volunteers/me/certificate-requests", first.token()).json().path("items").get(0);
        assertThat(issued.path("statusLabel").asText()).isEqualTo("已出具");
        String number = issued.path("certificateNumber").asText();
        assertThat(GATEWAY.get("/api/v1/volunteers/me/certificates", first.token()).json().path("items").get(0).path("number").asText())
                .isEqualTo(number);
        JsonNode declined = GATEWAY.get("/api/v1/volunteers/me/certificate-requests", second.token()).json().path("items").get(0);
        assertThat(declined.path("statusLabel").asText()).isEqualTo("未出具");
        assertThat(declined.path("declineReason").asText()).isEqualTo("服务时长尚在核对，请下月再申请");
    }
}
