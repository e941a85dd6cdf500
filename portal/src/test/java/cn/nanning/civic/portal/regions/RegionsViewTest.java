package cn.nanning.civic.portal.regions;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.StaffSession;
import cn.nanning.civic.portal.micronaut.KaribuViewTest;
import cn.nanning.civic.portal.ui.Outcome;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class RegionsViewTest extends KaribuViewTest {


    @Test
    void every_signed_in_role_may_open_the_region_lookup_with_chinese_columns() {
        open(new StaffSession("韦芳", "450102001", Set.of(Role.COUNSELLOR), "a", "r"));
        Grid<?> grid = _get(Grid.class, spec -> spec.withId("region-grid"));
        assertThat(grid.getColumns()).extracting(column -> column.getHeaderText())
                .containsExactly("名称", "级别", "区划代码");
        assertThat(text("region-scope")).as("the gateway is down here: the name is unknown, no code is shown").startsWith("当前区划：未知区划");
    }

    @Test
    void when_the_gateway_is_down_the_lookup_says_so_in_chinese_and_lists_nothing() {
        open(new StaffSession("韦芳", "450102001", Set.of(Role.CLERK), "a", "r"));
        assertThat(text("region-message")).isEqualTo("暂时无法连接服务平台，请稍后再试。");
        assertThat(_size(_get(Grid.class, spec -> spec.withId("region-grid")))).isZero();
    }

    @Test
    void a_staff_member_without_a_region_is_told_the_lookup_needs_one() {
        open(new StaffSession("韦芳", null, Set.of(Role.ADMIN), "a", "r"));
        assertThat(text("region-scope")).isEqualTo("您的账号未设置所属区划，无法查询下级区划。");
    }

    private static void open(StaffSession staff) {
        StaffSession.store(VaadinSession.getCurrent(), staff);
        UI.getCurrent().navigate(RegionsView.class);
    }

    private static String text(String id) {
        com.vaadin.flow.component.Component shown = _get(com.vaadin.flow.component.Component.class, spec -> spec.withId(id));
        assertThat(shown.isVisible()).as("%s visible", id).isTrue();
        return shown instanceof Outcome outcome ? outcome.message() : shown.getElement().getText();
    }
}
