package cn.nanning.civic.portal.catalogue;

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

class CatalogueViewTest extends KaribuViewTest {


    @Test
    void the_catalogue_lists_items_with_chinese_columns() {
        open(Role.ADMIN);
        Grid<?> grid = _get(Grid.class, spec -> spec.withId("catalogue-grid"));
        assertThat(grid.getColumns()).extracting(Grid.Column::getHeaderText)
                .containsExactly("编码", "事项名称", "实施部门", "代办", "承诺时限");
    }

    @Test
    void when_the_gateway_is_down_the_catalogue_says_so_in_chinese() {
        open(Role.ADMIN);
        Outcome message = _get(Outcome.class, spec -> spec.withId("catalogue-message"));
        assertThat(message.isVisible()).isTrue();
        assertThat(message.message()).isEqualTo("暂时无法连接服务平台，请稍后再试。");
    }

    private static void open(Role role) {
        StaffSession.store(VaadinSession.getCurrent(), new StaffSession("陆明", "450103001001", Set.of(role), "a", "r"));
        UI.getCurrent().navigate(CatalogueView.class);
    }
}
