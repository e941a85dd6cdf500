package cn.nanning.civic.portal.legalaid;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.StaffSession;
import cn.nanning.civic.portal.micronaut.KaribuViewTest;
import cn.nanning.civic.portal.ui.Outcome;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class AssistedBookingViewTest extends KaribuViewTest {

    @Test
    void the_counter_booking_form_asks_for_consent_and_lists_what_the_clerk_booked_in_chinese() {
        open();
        assertThat(_get(Checkbox.class, spec -> spec.withId("assisted-consent")).getLabel()).contains("同意");
        assertThat(_get(Checkbox.class, spec -> spec.withId("assisted-consent")).getValue()).as("never pre-ticked").isFalse();
        Grid<?> list = _get(Grid.class, spec -> spec.withId("assisted-list"));
        assertThat(list.getColumns()).extracting(Grid.Column::getHeaderText)
                .containsExactly("预约编号", "时间", "律师", "居民", "手机号码", "地点", "状态");
    }

    @Test
    void booking_without_a_lawyer_and_slot_is_answered_in_chinese() {
        open();
        _click(_get(Button.class, spec -> spec.withId("assisted-book")));
        assertThat(_get(Outcome.class, spec -> spec.withId("assisted-book-outcome")).message()).isEqualTo("请选择律师和时段。");
    }

    private static void open() {
        StaffSession.store(VaadinSession.getCurrent(), new StaffSession("青秀区代办员", "450103001001", Set.of(Role.CLERK), "a", "r"));
        UI.getCurrent().navigate(AssistedBookingView.class);
    }
}
