package cn.nanning.civic.portal.proxy;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.StaffSession;
import cn.nanning.civic.portal.micronaut.KaribuViewTest;
import cn.nanning.civic.portal.ui.Outcome;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class ProxyServicesViewTest extends KaribuViewTest {


    @Test
    void the_clerk_workbench_lists_requests_with_chinese_columns() {
        open(Role.CLERK);
        Grid<?> grid = _get(Grid.class, spec -> spec.withId("proxy-grid"));
        assertThat(grid.getColumns()).extracting(Grid.Column::getHeaderText)
                .containsExactly("回执编号", "服务事项", "委托人", "状态", "转办期限", "提醒");
    }

    @Test
    void when_the_gateway_is_down_the_workbench_says_so_in_chinese() {
        open(Role.CLERK);
        Outcome message = _get(Outcome.class, spec -> spec.withId("proxy-message"));
        assertThat(message.isVisible()).isTrue();
        assertThat(message.message()).isEqualTo("暂时无法连接服务平台，请稍后再试。");
    }

    private static void open(Role role) {
        StaffSession.store(VaadinSession.getCurrent(), new StaffSession("陆明", "450103001001", Set.of(role), "a", "r"));
        UI.getCurrent().navigate(ProxyServicesView.class);
    }
}
