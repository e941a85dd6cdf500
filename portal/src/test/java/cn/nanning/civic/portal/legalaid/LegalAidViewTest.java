package cn.nanning.civic.portal.legalaid;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.StaffSession;
import cn.nanning.civic.portal.micronaut.KaribuViewTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class LegalAidViewTest extends KaribuViewTest {

    @Test
    void the_lawyers_day_lists_todays_bookings_and_applications_with_chinese_columns() {
        open();
        assertThat(grid("legal-aid-today").getColumns()).extracting(Grid.Column::getHeaderText)
                .containsExactly("时间", "服务", "方式", "咨询事项", "状态");
        assertThat(grid("legal-aid-applications").getColumns()).extracting(Grid.Column::getHeaderText)
                .containsExactly("申请人", "案件类型", "状态", "受理日期", "决定/指派期限", "提醒");
        Button complete = _get(Button.class, spec -> spec.withId("legal-aid-complete"));
        assertThat(complete.getText()).isEqualTo("咨询完成");
        assertThat(complete.isEnabled()).as("nothing selected yet").isFalse();
    }

    @Test
    void when_the_gateway_is_down_the_day_says_so_in_chinese() {
        open();
        Paragraph message = _get(Paragraph.class, spec -> spec.withId("legal-aid-message"));
        assertThat(message.isVisible()).isTrue();
        assertThat(message.getText()).isEqualTo("暂时无法连接服务平台，请稍后再试。");
    }

    @Test
    void the_clock_column_shows_the_day_that_matters_now() {
        var review = new LegalAidClient.Application("a", "UNDER_REVIEW", "审查中", "黄**", "劳动争议", "2025-09-29", "2025-10-14", false, null, false);
        var paused = new LegalAidClient.Application("b", "SUPPLEMENT_REQUESTED", "待补充材料", "黄**", "劳动争议", "2025-09-29", "2025-10-14", true, null, false);
        var approved = new LegalAidClient.Application("c", "APPROVED", "决定给予法律援助", "黄**", "劳动争议", "2025-09-29", "2025-10-14", false, "2025-10-17", true);
        assertThat(LegalAidView.clock(review)).isEqualTo("决定期限 2025-10-14");
        assertThat(LegalAidView.clock(paused)).isEqualTo("待补充材料（计时暂停）");
        assertThat(LegalAidView.clock(approved)).isEqualTo("指派期限 2025-10-17");
    }

    private static Grid<?> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    private static void open() {
        StaffSession.store(VaadinSession.getCurrent(), new StaffSession("王律师", "450103", Set.of(Role.LAWYER), "a", "r"));
        UI.getCurrent().navigate(LegalAidView.class);
    }
}
