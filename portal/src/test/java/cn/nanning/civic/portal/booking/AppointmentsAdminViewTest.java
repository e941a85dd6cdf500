package cn.nanning.civic.portal.booking;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.StaffSession;
import cn.nanning.civic.portal.micronaut.KaribuViewTest;
import cn.nanning.civic.portal.ui.Outcome;
import cn.nanning.civic.portal.ui.RegionPicker;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class AppointmentsAdminViewTest extends KaribuViewTest {

    @Test
    void the_directory_lists_places_providers_and_overdue_applications_with_chinese_columns() {
        open();
        assertThat(grid("appointments-places").getColumns()).extracting(Grid.Column::getHeaderText)
                .containsExactly("地点", "类型", "区划", "地址", "电话", "地图坐标");
        assertThat(grid("appointments-providers").getColumns()).extracting(Grid.Column::getHeaderText)
                .containsExactly("姓名", "类型", "服务地点", "时段", "每周排班");
        assertThat(grid("appointments-overdue").getColumns()).extracting(Grid.Column::getHeaderText)
                .containsExactly("申请人", "案件类型", "状态", "受理日期", "期限");
        assertThat(_get(RegionPicker.class, spec -> spec.withId("appointments-place-region")).getValue())
                .as("new places default to the administrator's area").isEqualTo("450103");
        _assertNone(VerticalLayout.class, spec -> spec.withId("appointments-plan"));
    }

    @Test
    void an_incomplete_form_is_answered_in_chinese_without_calling_the_gateway() {
        open();
        _click(_get(Button.class, spec -> spec.withId("appointments-provider-add")));
        assertThat(_get(Outcome.class, spec -> spec.withId("appointments-provider-outcome")).message())
                .isEqualTo("请选择工作人员账号、服务人员类型和服务地点，并填写时段与提前预约时间。");
    }

    @Test
    void a_weekly_plan_reads_as_weekdays_and_times() {
        assertThat(AppointmentsAdminView.planSummary(List.of(
                new DirectoryClient.Window(3, "14:00", "17:00"), new DirectoryClient.Window(1, "09:00", "12:00"))))
                .isEqualTo("周一 09:00–12:00；周三 14:00–17:00");
        assertThat(AppointmentsAdminView.planSummary(List.of())).isEqualTo("未排班");
    }

    private static Grid<?> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    private static void open() {
        StaffSession.store(VaadinSession.getCurrent(), new StaffSession("区管理员", "450103", Set.of(Role.ADMIN), "a", "r"));
        UI.getCurrent().navigate(AppointmentsAdminView.class);
    }
}
