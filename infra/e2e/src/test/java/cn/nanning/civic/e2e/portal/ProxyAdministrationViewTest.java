package cn.nanning.civic.e2e.portal;

import cn.nanning.civic.e2e.platform.Api;
import cn.nanning.civic.e2e.platform.Platform;
import cn.nanning.civic.e2e.platform.ProxyData;
import cn.nanning.civic.portal.gateway.ProxyRequestSummary;
import cn.nanning.civic.portal.proxy.ProxyClient;
import cn.nanning.civic.portal.proxy.ProxyOverviewView;
import cn.nanning.civic.portal.proxy.ProxyServicesView;
import cn.nanning.civic.portal.proxy.ServicePointsView;
import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The supervisor's overview, the administrator's points-and-clerks screen and counter registration, on real data. */
class ProxyAdministrationViewTest extends PortalViewTest {

    private static final Api GATEWAY = new Api(Platform.GATEWAY);

    @Test
    void anAdministratorCreatesAClerkAccountAndAssignsItToAPoint() {
        String pointId = ProxyData.point();
        String username = "e2e-clerk-" + UUID.randomUUID().toString().substring(0, 6);
        open("admin", ServicePointsView.class);
        _get(TextField.class, spec -> spec.withId("points-area")).setValue("450103");
        _click(_get(Button.class, spec -> spec.withId("points-show")));
        assertThat(_find(Paragraph.class, spec -> spec.withId("points-message"))).as("no error shown").isEmpty();

        _get(TextField.class, spec -> spec.withId("clerk-username")).setValue(username);
        _get(TextField.class, spec -> spec.withId("clerk-name")).setValue("测试代办员");
        _get(TextField.class, spec -> spec.withId("clerk-region")).setValue("450103");
        _get(PasswordField.class, spec -> spec.withId("clerk-password")).setValue("Nanning-Clerk-2025!");
        _click(_get(Button.class, spec -> spec.withId("clerk-save")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("points-message")).getText()).isEqualTo("代办员账号已建立。");

        @SuppressWarnings("unchecked")
        Grid<ProxyClient.Point> grid = _get(Grid.class, spec -> spec.withId("points-grid"));
        grid.select(grid.getGenericDataView().getItems().filter(p -> p.id().equals(pointId)).findFirst().orElseThrow());
        @SuppressWarnings("unchecked")
        ComboBox<ProxyClient.StaffMember> person = _get(ComboBox.class, spec -> spec.withId("assign-person"));
        ProxyClient.StaffMember created = person.getListDataView().getItems()
                .filter(s -> s.username().equals(username)).findFirst().orElseThrow();
        person.setValue(created);
        _click(_get(Button.class, spec -> spec.withId("assign-save")));

        JsonNode point = GATEWAY.get("/api/v1/proxy/points/" + pointId, ProxyData.token("admin")).json();
        assertThat(point.path("staff").findValuesAsText("accountId")).contains(created.id());
        ProxyClient.Point row = grid.getGenericDataView().getItems().filter(p -> p.id().equals(pointId)).findFirst().orElseThrow();
        assertThat(row.staffOrEmpty()).extracting(ProxyClient.Staff::accountId).contains(created.id());
    }

    @Test
    void theOverviewShowsTheDistrictsFiguresAsTheStatisticsApiCountsThem() {
        ProxyData.point();
        open("clerk", ProxyOverviewView.class);

        JsonNode stats = GATEWAY.get("/api/v1/proxy/statistics?region=450103", ProxyData.token("clerk")).json();
        assertThat(text("stat-villages")).isEqualTo(stats.path("villages").asText());
        assertThat(text("stat-points")).isEqualTo(stats.path("activePoints").asText());
        assertThat(text("stat-coverage")).endsWith(stats.path("proxyCoverage").asDouble() >= 0.9 ? "（已达 90% 目标）" : "（未达 90% 目标）");
        assertThat(_get(Grid.class, spec -> spec.withId("overview-overdue")).isVisible()).isTrue();
    }

    @Test
    void aClerkRegistersARequestForAResidentAtTheCounter() {
        String pointId = ProxyData.point();
        open("clerk", ProxyServicesView.class);
        @SuppressWarnings("unchecked")
        ComboBox<ProxyClient.Point> point = _get(ComboBox.class, spec -> spec.withId("register-point"));
        point.setValue(point.getListDataView().getItems().filter(p -> p.id().equals(pointId)).findFirst().orElseThrow());
        @SuppressWarnings("unchecked")
        ComboBox<String> item = _get(ComboBox.class, spec -> spec.withId("register-item"));
        item.setValue(item.getListDataView().getItems().findFirst().orElseThrow());
        _get(TextField.class, spec -> spec.withId("register-name")).setValue("农秀兰");
        _get(TextField.class, spec -> spec.withId("register-phone")).setValue("13800771234");

        _click(_get(Button.class, spec -> spec.withId("register-save")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("proxy-message")).getText()).isEqualTo("请先征得委托人同意并勾选。");

        _get(Checkbox.class, spec -> spec.withId("register-consent")).setValue(true);
        _click(_get(Button.class, spec -> spec.withId("register-save")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("proxy-message")).getText()).isEqualTo("已代为登记，请核对材料后受理。");

        JsonNode workbench = GATEWAY.get("/api/v1/proxy/requests/workbench", ProxyData.token("clerk")).json();
        assertThat(workbench.findValuesAsText("residentPhone")).contains("138****1234");
        @SuppressWarnings("unchecked")
        Grid<ProxyRequestSummary> grid = _get(Grid.class, spec -> spec.withId("proxy-grid"));
        List<ProxyRequestSummary> rows = grid.getGenericDataView().getItems().toList();
        assertThat(rows).extracting(ProxyRequestSummary::residentPhone).contains("138****1234");
    }

    private static String text(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }
}
