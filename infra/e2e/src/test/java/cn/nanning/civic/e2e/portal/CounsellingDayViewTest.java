package cn.nanning.civic.e2e.portal;

import cn.nanning.civic.e2e.platform.Api;
import cn.nanning.civic.e2e.platform.AppointmentsData;
import cn.nanning.civic.e2e.platform.Platform;
import cn.nanning.civic.portal.booking.BookingClient;
import cn.nanning.civic.portal.psychology.CounsellingClient;
import cn.nanning.civic.portal.psychology.CounsellingView;
import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The counsellor's day on real psychology bookings behind the real gateway. */
class CounsellingDayViewTest extends PortalViewTest {

    private static final Api GATEWAY = new Api(Platform.GATEWAY);

    @Test
    void anUrgentScreeningComesFirstAndTheCounsellorsNoteStaysOutOfTheCitizensReach() {
        AppointmentsData.Provider counsellor = AppointmentsData.provider("counsellor");
        String citizen = AppointmentsData.citizen();
        JsonNode answer = AppointmentsData.bookPsychology(counsellor, citizen, 1);
        assertThat(answer.path("crisisHotline").path("number").asText()).as("the hotline is shown at once").isNotBlank();
        JsonNode booking = answer.path("booking");
        String bookingId = booking.path("id").asText();
        OffsetDateTime starts = OffsetDateTime.parse(booking.path("startsAt").asText());

        open("counsellor", CounsellingView.class);
        _get(DatePicker.class, spec -> spec.withId("counselling-date")).setValue(starts.atZoneSameInstant(AppointmentsData.NANNING).toLocalDate());
        @SuppressWarnings("unchecked")
        Grid<BookingClient.Booking> day = _get(Grid.class, spec -> spec.withId("counselling-today"));
        List<BookingClient.Booking> rows = day.getGenericDataView().getItems().toList();
        BookingClient.Booking row = rows.stream().filter(b -> b.id().equals(bookingId)).findFirst().orElseThrow();
        assertThat(row.urgent()).as("PHQ-9 item 9 answered 1 marks the booking urgent").isTrue();
        assertThat(rows.indexOf(row)).as("urgent sessions come first")
                .isLessThanOrEqualTo((int) rows.stream().filter(BookingClient.Booking::urgent).count() - 1);

        day.select(row);
        // An urgent client's identity and contact are shown at once, to call them first; the read is audited.
        assertThat(_get(Div.class, spec -> spec.withId("counselling-client-facts")).getElement().getTextRecursively())
                .contains("陆小燕").contains("13977118899").contains("PHQ-9");
        assertThat(outcome("counselling-client-outcome")).contains("本次查看已记录");
        String text = "来访者诉说近期失眠、情绪低落，已评估风险并约定复诊 " + UUID.randomUUID().toString().substring(0, 4);
        _get(TextArea.class, spec -> spec.withId("counselling-note-text")).setValue(text);
        _click(_get(Button.class, spec -> spec.withId("counselling-note-save")));
        assertThat(outcome("counselling-note-outcome")).isEqualTo("咨询记录已保存。");
        @SuppressWarnings("unchecked")
        Grid<CounsellingClient.Note> notes = _get(Grid.class, spec -> spec.withId("counselling-note-list"));
        assertThat(notes.getGenericDataView().getItems().map(CounsellingClient.Note::text)).contains(text);

        Api.Response citizenReads = GATEWAY.get("/api/v1/appointments/psychology/bookings/" + bookingId + "/notes", citizen);
        assertThat(citizenReads.status()).as("citizens never see counselling notes").isIn(403, 404);
        assertThat(citizenReads.body()).doesNotContain(text);
    }
}
