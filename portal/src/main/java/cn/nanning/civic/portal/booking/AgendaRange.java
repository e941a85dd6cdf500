package cn.nanning.civic.portal.booking;

import cn.nanning.civic.portal.ui.Widgets;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import cn.nanning.civic.portal.ui.Times;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Which part of the agenda a provider looks at: a day (today by default) or the week starting on it. Changing either
 * runs the given reload.
 */
public final class AgendaRange extends HorizontalLayout {

    public static final ZoneId NANNING = ZoneId.of("Asia/Shanghai");

    private final DatePicker day = Widgets.datePicker("日期");
    private final Checkbox week = new Checkbox("显示 7 天");

    public AgendaRange(String idPrefix, Runnable reload) {
        day.setId(idPrefix + "-date");
        day.setValue(LocalDate.now(NANNING));
        week.setId(idPrefix + "-week");
        day.addValueChangeListener(change -> {
            if (change.getValue() == null) {
                day.setValue(LocalDate.now(NANNING));
            } else {
                reload.run();
            }
        });
        week.addValueChangeListener(change -> reload.run());
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(day, week);
    }

    public LocalDate from() {
        return day.getValue() == null ? LocalDate.now(NANNING) : day.getValue();
    }

    public LocalDate to() {
        return week.getValue() ? from().plusDays(6) : from();
    }

    /** "11月27日 周五 09:00–09:30" in Nanning time. */
    public static String when(BookingClient.Booking booking) {
        return when(booking.startsAt(), booking.endsAt());
    }

    /** The same for any ISO start and end; empty when the start is missing. */
    public static String when(String startsAt, String endsAt) {
        return Times.slot(startsAt, endsAt);
    }
}
