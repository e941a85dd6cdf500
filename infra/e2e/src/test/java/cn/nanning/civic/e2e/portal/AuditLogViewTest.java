package cn.nanning.civic.e2e.portal;

import cn.nanning.civic.e2e.platform.Api;
import cn.nanning.civic.e2e.platform.Platform;
import cn.nanning.civic.e2e.platform.ProxyData;
import cn.nanning.civic.portal.audit.AuditClient;
import cn.nanning.civic.portal.audit.AuditLogView;
import cn.nanning.civic.portal.base.StaffSession;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The auditor finds sign-ins and business actions in the portal, from the real audit trails. */
class AuditLogViewTest extends PortalViewTest {

    @Test
    void anAuditorFindsAFailedSignInByItsRequestIdAndAnAdministratorsAssignment() {
        String requestId = "e2e-audit-" + UUID.randomUUID();
        Api.Response refused = new Api(Platform.GATEWAY).post("/api/v1/auth/staff/login",
                Map.of("username", "clerk", "password", "wrong-password-123"), null, Map.of("X-Request-Id", requestId));
        assertThat(refused.status()).isEqualTo(401);
        ProxyData.point();

        open("auditor", AuditLogView.class);
        _get(TextField.class, spec -> spec.withId("audit-request")).setValue(requestId);
        _click(_get(Button.class, spec -> spec.withId("audit-search")));
        List<AuditClient.Row> signIns = rows();
        assertThat(signIns).singleElement().satisfies(row -> {
            assertThat(row.action()).isEqualTo("SIGN_IN");
            assertThat(row.outcome()).isEqualTo("FAILURE");
        });

        @SuppressWarnings("unchecked")
        Select<AuditClient.Trail> trail = _get(Select.class, spec -> spec.withId("audit-trail"));
        trail.setValue(AuditClient.Trail.SERVICES);
        _get(TextField.class, spec -> spec.withId("audit-request")).clear();
        @SuppressWarnings("unchecked")
        ComboBox<String> action = _get(ComboBox.class, spec -> spec.withId("audit-action"));
        assertThat(action.getListDataView().getItems().map(code -> action.getItemLabelGenerator().apply(code)))
                .as("operations are chosen by their Chinese names").contains("安排服务点人员", "设立服务点")
                .allSatisfy(label -> assertThat(label).doesNotContainPattern("[A-Za-z]"));
        action.setValue("proxy.point.assign");
        _click(_get(Button.class, spec -> spec.withId("audit-search")));
        assertThat(rows()).isNotEmpty().allSatisfy(row -> assertThat(row.action()).isEqualTo("proxy.point.assign"));

        // The auditor reads people by name and role, operations and results in Chinese, times in Nanning time.
        @SuppressWarnings("unchecked")
        Grid<AuditClient.Row> grid = _get(Grid.class, spec -> spec.withId("audit-grid"));
        List<String> first = GridKt._getFormattedRow(grid, 0);
        assertThat(first).contains("系统管理员（管理员）", "安排服务点人员", "服务点", "成功");
        assertThat(first.get(0)).matches("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}");
        assertThat(String.join(" ", first)).doesNotContain(rows().get(0).actor()).doesNotContain("proxy.point");
    }

    @Test
    void anAuditorReadsTheNamesBehindManyAccountIdsAtOnce() {
        // A busy day's page of 200 records names well over 50 different people; their ids do not fit one request line.
        StaffSession auditor = signIn("auditor");
        String admin = portal.getBean(AuditClient.class)
                .search(AuditClient.Trail.SERVICES, null, "proxy.point.assign", null, null, null, auditor.accessToken()).stream()
                .map(AuditClient.Row::actor).findFirst().orElseGet(() -> {
                    ProxyData.point();
                    return portal.getBean(AuditClient.class).search(AuditClient.Trail.SERVICES, null, "proxy.point.assign", null,
                            null, null, auditor.accessToken()).get(0).actor();
                });
        List<String> ids = new ArrayList<>(Stream.generate(() -> UUID.randomUUID().toString()).limit(149).toList());
        ids.add(admin);

        List<AuditClient.Person> people = portal.getBean(AuditClient.class).people(ids, auditor.accessToken());

        assertThat(people).extracting(AuditClient.Person::id).containsExactly(admin);
    }

    @SuppressWarnings("unchecked")
    private static List<AuditClient.Row> rows() {
        Grid<AuditClient.Row> grid = _get(Grid.class, spec -> spec.withId("audit-grid"));
        return grid.getGenericDataView().getItems().toList();
    }
}
