package cn.nanning.civic.portal.psychology;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.StaffSession;
import cn.nanning.civic.portal.micronaut.KaribuViewTest;
import cn.nanning.civic.portal.ui.Outcome;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class CounsellingViewTest extends KaribuViewTest {

    @Test
    void the_counsellors_day_puts_the_screening_flag_first_and_hides_notes_until_a_session_is_chosen() {
        open();
        assertThat(grid("counselling-today").getColumns()).extracting(Grid.Column::getHeaderText)
                .containsExactly("筛查提示", "时间", "方式", "状态", "来访者自述");
        // The notes editor stays hidden until the counsellor picks one of their own sessions.
        _assertNone(VerticalLayout.class, spec -> spec.withId("counselling-notes"));
        _assertNone(Button.class, spec -> spec.withId("counselling-note-save"));
        assertThat(_get(Button.class, spec -> spec.withId("counselling-attended")).isEnabled()).isFalse();
        assertThat(_get(Button.class, spec -> spec.withId("counselling-no-show")).getText()).isEqualTo("未到场");
    }

    @Test
    void when_the_gateway_is_down_the_day_says_so_in_chinese() {
        open();
        Outcome message = _get(Outcome.class, spec -> spec.withId("counselling-message"));
        assertThat(message.isVisible()).isTrue();
        assertThat(message.message()).isEqualTo("暂时无法连接服务平台，请稍后再试。");
    }

    private static Grid<?> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    private static void open() {
        StaffSession.store(VaadinSession.getCurrent(), new StaffSession("李咨询师", "450103", Set.of(Role.COUNSELLOR), "a", "r"));
        UI.getCurrent().navigate(CounsellingView.class);
    }
}
