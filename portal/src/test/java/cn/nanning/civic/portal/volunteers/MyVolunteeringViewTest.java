package cn.nanning.civic.portal.volunteers;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.AccessDeniedView;
import cn.nanning.civic.portal.base.StaffSession;
import cn.nanning.civic.portal.micronaut.KaribuViewTest;
import cn.nanning.civic.portal.ui.Outcome;
import cn.nanning.civic.portal.ui.RegionPicker;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class MyVolunteeringViewTest extends KaribuViewTest {

    @Test
    void the_volunteers_own_screens_have_chinese_labels() {
        open(Role.VOLUNTEER, MyVolunteeringView.class);
        assertThat(headers("my-activities")).containsExactly("活动", "开始时间", "地点", "报名状态");
        assertThat(headers("my-hours")).containsExactly("记录时间", "服务内容", "时长（小时）", "类型");
        assertThat(headers("my-certificates")).containsExactly("证明编号", "累计服务时长（小时）", "出具单位", "出具日期", "状态", "下载");
        // shown only while the portal account is not linked (the gateway answers 404 for "me")
        assertThat(byId(Button.class, "portal-link").getText()).isEqualTo("关联我的志愿者档案");
        assertThat(byId(TextField.class, "portal-link-code").getLabel()).isEqualTo("关联码");
    }

    @Test
    void when_the_gateway_is_down_the_view_says_so_in_chinese() {
        open(Role.VOLUNTEER, MyVolunteeringView.class);
        Outcome message = _get(Outcome.class, spec -> spec.withId("my-volunteering-message"));
        assertThat(message.isVisible()).isTrue();
        assertThat(message.message()).isEqualTo("暂时无法连接服务平台，请稍后再试。");
    }

    @Test
    void linking_without_a_code_asks_for_it() {
        open(Role.VOLUNTEER, MyVolunteeringView.class);
        byId(Button.class, "portal-link").click();
        // The form is hidden here (the gateway is down, so the record's state is unknown); its outcome line still answers.
        assertThat(_get(MyVolunteeringView.class).linkOutcome.message()).isEqualTo("请输入小程序中显示的关联码。");
    }

    @Test
    void organisers_do_not_get_the_volunteers_own_screens() {
        open(Role.ORGANIZER, MyVolunteeringView.class);
        _get(AccessDeniedView.class);
        _assertNone(MyVolunteeringView.class);
    }

    @Test
    void the_admin_search_has_chinese_labels_and_an_explicit_reveal_needing_a_purpose() {
        open(Role.ADMIN, VolunteerSearchView.class);
        assertThat(headers("volunteer-results")).containsExactly("姓名", "身份证号", "手机号", "所在村（社区）", "状态", "注册日期");
        assertThat(_get(TextField.class, spec -> spec.withId("search-id-number")).getHelperText()).contains("4501**********1234");
        assertThat(_get(RegionPicker.class, spec -> spec.withId("search-region")).getValue()).isEqualTo("450103");
        _get(Button.class, spec -> spec.withId("reveal-id-number")).click();
        assertThat(_get(Outcome.class, spec -> spec.withId("reveal-outcome")).message()).isEqualTo("请先在查询结果中选择一名志愿者。");
        _get(Button.class, spec -> spec.withId("search-volunteers")).click();
        assertThat(_get(Outcome.class, spec -> spec.withId("volunteer-search-message")).message()).isEqualTo("暂时无法连接服务平台，请稍后再试。");
    }

    @Test
    void only_admins_get_the_volunteer_search() {
        open(Role.ORGANIZER, VolunteerSearchView.class);
        _get(AccessDeniedView.class);
    }

    /** Finds a component whether or not it is visible at the moment. */
    private static <T extends com.vaadin.flow.component.Component> T byId(Class<T> type, String id) {
        return descendants(UI.getCurrent()).filter(type::isInstance).map(type::cast)
                .filter(c -> c.getId().map(id::equals).orElse(false)).findFirst().orElseThrow();
    }

    private static java.util.stream.Stream<com.vaadin.flow.component.Component> descendants(com.vaadin.flow.component.Component c) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(c), c.getChildren().flatMap(MyVolunteeringViewTest::descendants));
    }

    private static List<String> headers(String id) {
        Grid<?> grid = _get(Grid.class, spec -> spec.withId(id));
        return grid.getColumns().stream().map(Grid.Column::getHeaderText).toList();
    }

    private static void open(Role role, Class<? extends com.vaadin.flow.component.Component> view) {
        StaffSession.store(VaadinSession.getCurrent(), new StaffSession("陆明", "450103", Set.of(role), "a", "r"));
        UI.getCurrent().navigate(view);
    }
}
