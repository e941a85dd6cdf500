package cn.nanning.civic.e2e.portal;

import cn.nanning.civic.e2e.platform.Api;
import cn.nanning.civic.e2e.platform.Platform;
import cn.nanning.civic.e2e.platform.ProxyData;
import cn.nanning.civic.portal.gateway.ProxyRequestSummary;
import cn.nanning.civic.portal.gateway.Region;
import cn.nanning.civic.portal.proxy.ProxyClient;
import cn.nanning.civic.portal.proxy.ProxyOverviewView;
import cn.nanning.civic.portal.proxy.ProxyServicesView;
import cn.nanning.civic.portal.proxy.ServicePointsView;
import cn.nanning.civic.portal.ui.Outcome;
import cn.nanning.civic.portal.ui.RegionPicker;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
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
        _get(RegionPicker.class, spec -> spec.withId("points-area")).setValue("450103");
        _click(_get(Button.class, spec -> spec.withId("points-show")));
        assertThat(_find(Outcome.class, spec -> spec.withId("points-message"))).as("no error shown")
                .noneMatch(line -> line.kind() == Outcome.Kind.FAILURE);

        _get(TextField.class, spec -> spec.withId("clerk-username")).setValue(username);
        _get(TextField.class, spec -> spec.withId("clerk-name")).setValue("测试代办员");
        _get(RegionPicker.class, spec -> spec.withId("clerk-region")).setValue("450103");
        _get(PasswordField.class, spec -> spec.withId("clerk-password")).setValue("Nanning-Clerk-2025!");
        _click(_get(Button.class, spec -> spec.withId("clerk-save")));
        assertThat(outcome("clerk-outcome")).startsWith("已建立代办员账号“测试代办员”");

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
        assertThat(row.staff()).extracting(ProxyClient.Staff::accountId).contains(created.id());
    }

    @Test
    void aServicePointOpenedWithoutItemsKeepsThePointsPageWorking() {
        String village = secondVillageOf("450103");
        open("admin", ServicePointsView.class);
        // The administrator (city) picks the village by name, level by level; no code is typed.
        RegionPicker picker = _get(RegionPicker.class, spec -> spec.withId("open-village"));
        _click(_get(Button.class, spec -> spec.withId("open-save")));
        assertThat(outcome("open-outcome")).as("a point belongs to a village").isEqualTo("请选择村（社区）。");
        pick("open-village-district", "青秀区");
        pick("open-village-township", regionName(village.substring(0, 9)));
        pick("open-village-village", regionName(village));
        assertThat(picker.getValue()).isEqualTo(village);
        _click(_get(Button.class, spec -> spec.withId("open-save")));
        assertThat(outcome("open-outcome")).matches("已设立“.*”。.*|.*已设有服务点。");

        @SuppressWarnings("unchecked")
        Grid<ProxyClient.Point> grid = _get(Grid.class, spec -> spec.withId("points-grid"));
        _get(RegionPicker.class, spec -> spec.withId("points-area")).setValue("450103");
        _click(_get(Button.class, spec -> spec.withId("points-show")));
        ProxyClient.Point bare = grid.getGenericDataView().getItems().filter(p -> p.regionCode().equals(village)).findFirst().orElseThrow();
        assertThat(bare.itemCodes()).isNotNull();
        assertThat(GridKt._getFormattedRow(grid, grid.getGenericDataView().getItems().toList().indexOf(bare)))
                .as("the grid names the village, no code").contains(regionName(village.substring(0, 6)) + regionName(village.substring(0, 9))
                        + regionName(village)).noneMatch(cell -> cell.contains(village));
        grid.select(bare);
        assertThat(_get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class, spec -> spec.withId("points-detail"))
                .getElement().getTextRecursively()).contains(bare.name());
        // Opening the page again (a reload) still works with the bare point in the area.
        open("admin", ServicePointsView.class);
        assertThat(grid(ServicePointsView.class)).isNotEmpty();
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
        assertThat(outcome("register-outcome")).isEqualTo("请先征得委托人同意并勾选。");

        _get(Checkbox.class, spec -> spec.withId("register-consent")).setValue(true);
        _click(_get(Button.class, spec -> spec.withId("register-save")));
        assertThat(outcome("register-outcome")).startsWith("已为 农秀兰 登记");

        JsonNode workbench = GATEWAY.get("/api/v1/proxy/requests/workbench", ProxyData.token("clerk")).json();
        assertThat(workbench.findValuesAsText("residentPhone")).contains("138****1234");
        @SuppressWarnings("unchecked")
        Grid<ProxyRequestSummary> grid = _get(Grid.class, spec -> spec.withId("proxy-grid"));
        List<ProxyRequestSummary> rows = grid.getGenericDataView().getItems().toList();
        assertThat(rows).extracting(ProxyRequestSummary::residentPhone).contains("138****1234");
    }

    @SuppressWarnings("unchecked")
    private static List<ProxyClient.Point> grid(Class<?> view) {
        return ((Grid<ProxyClient.Point>) _get(Grid.class, spec -> spec.withId("points-grid"))).getGenericDataView().getItems().toList();
    }

    @SuppressWarnings("unchecked")
    private static void pick(String comboId, String name) {
        ComboBox<Region> level = _get(ComboBox.class, spec -> spec.withId(comboId));
        level.setValue(level.getListDataView().getItems().filter(r -> r.name().equals(name)).findFirst().orElseThrow());
    }

    private static String regionName(String code) {
        return GATEWAY.get("/api/v1/regions/" + code, ProxyData.token("admin")).json().path("name").asText();
    }

    private static String secondVillageOf(String district) {
        String token = ProxyData.token("admin");
        String township = GATEWAY.get("/api/v1/regions/" + district + "/children", token).json().get(0).path("code").asText();
        return GATEWAY.get("/api/v1/regions/" + township + "/children", token).json().get(1).path("code").asText();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aClerkRegistersAResidentWithoutAMobileWithoutTypingSomeoneElsesNumberAsTheirs() {
        String pointId = ProxyData.point();
        open("clerk", ProxyServicesView.class);
        ComboBox<ProxyClient.Point> point = _get(ComboBox.class, spec -> spec.withId("register-point"));
        point.setValue(point.getListDataView().getItems().filter(p -> p.id().equals(pointId)).findFirst().orElseThrow());
        ComboBox<String> item = _get(ComboBox.class, spec -> spec.withId("register-item"));
        item.setValue(item.getListDataView().getItems().findFirst().orElseThrow());
        String name = "黄秀英" + UUID.randomUUID().toString().substring(0, 3);
        _get(TextField.class, spec -> spec.withId("register-name")).setValue(name);
        _get(RadioButtonGroup.class, spec -> spec.withId("register-contact-kind")).setValue("NONE");
        assertThat(_find(TextField.class, spec -> spec.withId("register-phone"))).as("no phone field for no phone").isEmpty();
        _get(Checkbox.class, spec -> spec.withId("register-consent")).setValue(true);
        _click(_get(Button.class, spec -> spec.withId("register-save")));
        assertThat(outcome("register-outcome")).startsWith("已为 " + name + " 登记");

        Grid<ProxyRequestSummary> grid = _get(Grid.class, spec -> spec.withId("proxy-grid"));
        ProxyRequestSummary row = grid.getGenericDataView().getItems()
                .filter(r -> "无手机".equals(r.residentPhone()) && r.residentName().startsWith("黄")).reduce((a, b) -> b).orElseThrow();
        assertThat(grid.asSingleSelect().getValue()).as("the new request is selected").isNotNull();
        _click(_get(Button.class, spec -> spec.withId("proxy-reveal-contact")));
        assertThat(_get(Span.class, spec -> spec.withId("proxy-contact")).getText()).startsWith(name).contains("无手机");

        _get(RadioButtonGroup.class, spec -> spec.withId("register-contact-kind")).setValue("RELATIVE");
        _get(TextField.class, spec -> spec.withId("register-name")).setValue(name + "乙");
        _get(TextField.class, spec -> spec.withId("register-phone")).setValue("13800001234");
        _get(Checkbox.class, spec -> spec.withId("register-consent")).setValue(true);
        _click(_get(Button.class, spec -> spec.withId("register-save")));
        assertThat(outcome("register-outcome")).as("the relation is asked for").contains("关系");
        _get(TextField.class, spec -> spec.withId("register-relation")).setValue("女儿");
        _click(_get(Button.class, spec -> spec.withId("register-save")));
        assertThat(outcome("register-outcome")).startsWith("已为 " + name + "乙 登记");
        assertThat(grid.getGenericDataView().getItems().map(ProxyRequestSummary::residentPhone)).contains("138****1234（女儿）");
    }

    private static String text(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }
}
