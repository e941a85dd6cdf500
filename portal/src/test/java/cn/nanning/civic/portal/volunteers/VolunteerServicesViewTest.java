package cn.nanning.civic.portal.volunteers;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.StaffSession;
import cn.nanning.civic.portal.micronaut.KaribuViewTest;
import cn.nanning.civic.portal.ui.Outcome;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class VolunteerServicesViewTest extends KaribuViewTest {

    @Test
    void the_organiser_sees_activities_sign_ups_attendance_and_statistics_with_chinese_labels() {
        open(Role.ORGANIZER);
        assertThat(headers("volunteer-activities")).containsExactly("活动", "开始时间", "地点", "已报名 / 名额", "状态");
        assertThat(headers("volunteer-signups")).containsExactly("志愿者", "报名状态", "候补序号", "报名时间");
        assertThat(headers("volunteer-attendance")).containsExactly("志愿者", "签到", "签退", "在岗时长", "是否达标", "时长确认", "志愿服务证明");
        assertThat(headers("volunteer-statistics")).containsExactly("区域", "注册志愿者", "占常住人口", "20% 目标完成度", "近 90 天活跃", "服务时长（小时）",
                "服务站", "平安建设队伍", "巡防队");
        assertThat(_get(Button.class, spec -> spec.withId("volunteer-confirm")).getText()).isEqualTo("确认服务时长");
        assertThat(_get(Button.class, spec -> spec.withId("volunteer-correct")).getText()).isEqualTo("更正时长");
    }

    @Test
    void when_the_gateway_is_down_the_view_says_so_in_chinese() {
        open(Role.ORGANIZER);
        Outcome message = _get(Outcome.class, spec -> spec.withId("volunteers-message"));
        assertThat(message.isVisible()).isTrue();
        assertThat(message.message()).isEqualTo("暂时无法连接服务平台，请稍后再试。");
    }

    @Test
    void correcting_without_a_selected_activity_asks_for_one() {
        open(Role.ORGANIZER);
        _get(Button.class, spec -> spec.withId("volunteer-correct")).click();
        assertThat(_get(Outcome.class, spec -> spec.withId("volunteers-correction-outcome")).message()).isEqualTo("请先选择活动和志愿者。");
    }

    @Test
    void the_certificate_requests_grid_has_chinese_headers_and_says_when_it_is_empty() {
        open(Role.ORGANIZER);
        assertThat(headers("certificate-requests")).containsExactly("志愿者", "申请的证明", "用途", "已确认时长（小时）", "申请时间", "处理");
        Grid<?> requests = _get(Grid.class, spec -> spec.withId("certificate-requests"));
        assertThat(requests.getEmptyStateText()).isEqualTo("目前没有待处理的证明申请。");
        assertThat(requests.getGenericDataView().getItems()).isEmpty();
    }

    @Test
    void an_administrator_sees_the_requests_grid_too() {
        open(Role.ADMIN);
        assertThat(headers("certificate-requests")).contains("申请的证明", "处理");
    }

    @Test
    void issuing_from_an_attendance_row_needs_the_organisation_checked_by_the_binder() {
        open(Role.ORGANIZER);
        com.vaadin.flow.component.textfield.TextField issuer = _get(com.vaadin.flow.component.textfield.TextField.class,
                spec -> spec.withId("certificate-issuer"));
        com.vaadin.flow.component.textfield.TextField contact = _get(com.vaadin.flow.component.textfield.TextField.class,
                spec -> spec.withId("certificate-contact"));
        assertThat(issuer.isRequiredIndicatorVisible()).isTrue();
        assertThat(contact.isRequiredIndicatorVisible()).isTrue();
    }

    private static java.util.List<String> headers(String id) {
        Grid<?> grid = _get(Grid.class, spec -> spec.withId(id));
        return grid.getColumns().stream().map(Grid.Column::getHeaderText).toList();
    }

    private static void open(Role role) {
        StaffSession.store(VaadinSession.getCurrent(), new StaffSession("陆明", "450103", Set.of(role), "a", "r"));
        UI.getCurrent().navigate(VolunteerServicesView.class);
    }
}
