package cn.nanning.civic.portal.legalaid;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.StaffSession;
import cn.nanning.civic.portal.booking.AgendaRange;
import cn.nanning.civic.portal.micronaut.KaribuViewTest;
import cn.nanning.civic.portal.ui.Outcome;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class LegalAidViewTest extends KaribuViewTest {

    @Test
    void the_lawyers_day_lists_todays_bookings_and_applications_with_chinese_columns() {
        open();
        assertThat(grid("legal-aid-today").getColumns()).extracting(Grid.Column::getHeaderText)
                .containsExactly("时间", "服务", "方式", "咨询事项", "状态");
        assertThat(grid("legal-aid-applications").getColumns()).extracting(Grid.Column::getHeaderText)
                .containsExactly("申请人", "案件类型", "状态", "受理日期", "决定/指派期限", "承办律师", "提醒");
        Button complete = _get(Button.class, spec -> spec.withId("legal-aid-complete"));
        assertThat(complete.getText()).isEqualTo("咨询完成");
        assertThat(complete.isEnabled()).as("nothing selected yet").isFalse();
        assertThat(_get(Button.class, spec -> spec.withId("legal-aid-attended")).getText()).isEqualTo("已到场");
        assertThat(_get(Button.class, spec -> spec.withId("legal-aid-no-show")).getText()).isEqualTo("未到场");
        assertThat(_get(DatePicker.class, spec -> spec.withId("legal-aid-date")).getValue())
                .as("the agenda opens on today in Nanning").isEqualTo(LocalDate.now(AgendaRange.NANNING));
        // Deciding is for administrators: a lawyer never sees the decision panel.
        _assertNone(VerticalLayout.class, spec -> spec.withId("legal-aid-decision"));
    }

    @Test
    void when_the_gateway_is_down_the_day_says_so_in_chinese() {
        open();
        Outcome message = _get(Outcome.class, spec -> spec.withId("legal-aid-message"));
        assertThat(message.isVisible()).isTrue();
        assertThat(message.message()).isEqualTo("暂时无法连接服务平台，请稍后再试。");
    }

    @Test
    void the_clock_column_shows_the_day_that_matters_now() {
        var review = new LegalAidClient.Application("a", "UNDER_REVIEW", "审查中", "黄**", "劳动争议", "2025-09-29", "2025-10-14", false, null, false, null, null);
        var paused = new LegalAidClient.Application("b", "SUPPLEMENT_REQUESTED", "待补充材料", "黄**", "劳动争议", "2025-09-29", "2025-10-14", true, null, false, null, null);
        var approved = new LegalAidClient.Application("c", "APPROVED", "决定给予法律援助", "黄**", "劳动争议", "2025-09-29", "2025-10-14", false, "2025-10-17", true, null, "王律师");
        assertThat(LegalAidView.clock(review)).isEqualTo("决定期限 2025年10月14日");
        assertThat(LegalAidView.clock(paused)).isEqualTo("待补充材料（计时暂停）");
        assertThat(LegalAidView.clock(approved)).isEqualTo("指派期限 2025年10月17日");
    }

    private static Grid<?> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    private static void open() {
        StaffSession.store(VaadinSession.getCurrent(), new StaffSession("王律师", "450103", Set.of(Role.LAWYER), "a", "r"));
        UI.getCurrent().navigate(LegalAidView.class);
    }
}
