package cn.nanning.civic.e2e.portal;

import cn.nanning.civic.e2e.platform.Api;
import cn.nanning.civic.e2e.platform.AppointmentsData;
import cn.nanning.civic.e2e.platform.Platform;
import cn.nanning.civic.e2e.platform.ProxyData;
import cn.nanning.civic.portal.booking.BookingClient;
import cn.nanning.civic.portal.legalaid.AssistedBookingView;
import cn.nanning.civic.portal.legalaid.LegalAidClient;
import cn.nanning.civic.portal.legalaid.LegalAidView;
import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The lawyer's and the administrator's legal-aid screen on real bookings and applications behind the real gateway. */
class LegalAidDayViewTest extends PortalViewTest {

    private static final Api GATEWAY = new Api(Platform.GATEWAY);

    @Test
    void aCitizensConsultationShowsOnTheLawyersDayAndAttendanceWaitsForItsStart() {
        AppointmentsData.Provider lawyer = AppointmentsData.provider("lawyer");
        String citizen = AppointmentsData.citizen();
        String topic = "工资被拖欠怎么办 " + UUID.randomUUID().toString().substring(0, 4);
        JsonNode booking = AppointmentsData.bookConsultation(lawyer, citizen, topic);
        OffsetDateTime starts = OffsetDateTime.parse(booking.path("startsAt").asText());

        open("lawyer", LegalAidView.class);
        _get(DatePicker.class, spec -> spec.withId("legal-aid-date")).setValue(starts.atZoneSameInstant(AppointmentsData.NANNING).toLocalDate());
        @SuppressWarnings("unchecked")
        Grid<BookingClient.Booking> agenda = _get(Grid.class, spec -> spec.withId("legal-aid-today"));
        BookingClient.Booking row = agenda.getGenericDataView().getItems()
                .filter(b -> b.id().equals(booking.path("id").asText())).findFirst().orElseThrow();
        assertThat(row.topic()).isEqualTo(topic);
        assertThat(row.statusLabel()).isNotBlank();

        agenda.select(row);
        Button attended = _get(Button.class, spec -> spec.withId("legal-aid-attended"));
        assertThat(attended.isEnabled()).isTrue();
        _click(attended);
        assertThat(outcome("legal-aid-agenda-outcome"))
                .as("the engine refuses attendance before the start, in Chinese, beside the button").isEqualTo("预约时间尚未开始，不能登记到场情况。");
        assertThat(GATEWAY.get("/api/v1/appointments/bookings/" + row.id(), citizen).json().path("status").asText())
                .isEqualTo("CONFIRMED");
    }

    @Test
    void anAdministratorApprovesAnApplicationAndAssignsTheLawyerWhoThenSeesIt() {
        AppointmentsData.Provider lawyer = AppointmentsData.provider("lawyer");
        String applicant = "覃" + UUID.randomUUID().toString().substring(0, 4);
        String applicationId = AppointmentsData.applyForLegalAid(AppointmentsData.citizen(), applicant).path("id").asText();

        open("admin", LegalAidView.class);
        @SuppressWarnings("unchecked")
        Grid<LegalAidClient.Application> applications = _get(Grid.class, spec -> spec.withId("legal-aid-applications"));
        LegalAidClient.Application row = find(applications, applicationId);
        assertThat(row.applicantName()).as("names are masked").startsWith("覃").isNotEqualTo(applicant);
        applications.select(row);
        // The decider reads the application itself before deciding, and the applicant's contact on request (audited).
        assertThat(_get(Div.class, spec -> spec.withId("legal-aid-application-details")).getElement().getTextRecursively())
                .contains("南宁某装饰工程有限公司").contains("拖欠工资").contains("最低生活保障");
        _click(_get(Button.class, spec -> spec.withId("legal-aid-reveal-contact")));
        assertThat(_get(Span.class, spec -> spec.withId("legal-aid-contact")).getText()).startsWith(applicant).contains("13907719876");

        _click(_get(Button.class, spec -> spec.withId("legal-aid-approve")));
        _click(_get(Button.class, spec -> spec.withId("legal-aid-approve-confirm")));
        assertThat(_get(TextArea.class, spec -> spec.withId("legal-aid-approve-reason")).getErrorMessage())
                .as("a decision needs reasons, asked in the confirmation").isEqualTo("请填写决定理由。");
        _get(TextArea.class, spec -> spec.withId("legal-aid-approve-reason")).setValue("请求支付劳动报酬，经济困难属实。");
        _click(_get(Button.class, spec -> spec.withId("legal-aid-approve-confirm")));
        assertThat(message()).startsWith("已决定给予法律援助");
        assertThat(find(applications, applicationId).status()).isEqualTo("APPROVED");

        @SuppressWarnings("unchecked")
        ComboBox<LegalAidClient.Lawyer> lawyers = _get(ComboBox.class, spec -> spec.withId("legal-aid-lawyer"));
        lawyers.setValue(lawyers.getListDataView().getItems().filter(l -> l.id().equals(lawyer.id())).findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("legal-aid-assign")));
        assertThat(message()).startsWith("已指派 " + lawyer.displayName() + " 承办");
        assertThat(ids(applications)).as("nothing left to do for the administrator").doesNotContain(applicationId);
        @SuppressWarnings("unchecked")
        Grid<LegalAidClient.Application> decided = _get(Grid.class, spec -> spec.withId("legal-aid-decided"));
        assertThat(ids(decided)).as("the assigned case stays listed beside the open ones").contains(applicationId);
        assertThat(_get(VerticalLayout.class, spec -> spec.withId("legal-aid-decision")).getElement().getTextRecursively())
                .as("the panel stays on the case").contains("已指派");
        JsonNode stored = GATEWAY.get("/api/v1/appointments/legal-aid/applications/" + applicationId, ProxyData.token("admin")).json();
        assertThat(stored.path("status").asText()).isEqualTo("ASSIGNED");
        assertThat(stored.path("assignedLawyerName").asText()).isEqualTo(lawyer.displayName());

        open("lawyer", LegalAidView.class);
        @SuppressWarnings("unchecked")
        Grid<LegalAidClient.Application> assigned = _get(Grid.class, spec -> spec.withId("legal-aid-applications"));
        assertThat(ids(assigned)).contains(applicationId);
    }

    @Test
    void aClerkBooksForAResidentAtTheCounterAndTheLawyerSeesWhoToExpect() {
        AppointmentsData.Provider lawyer = AppointmentsData.provider("lawyer");
        OffsetDateTime starts = AppointmentsData.firstSlotLater(lawyer, ProxyData.token("clerk"));
        String suffix = UUID.randomUUID().toString().substring(0, 4);
        String phone = "139" + String.format("%08d", Math.floorMod(suffix.hashCode(), 100_000_000));

        open("clerk", AssistedBookingView.class);
        @SuppressWarnings("unchecked")
        ComboBox<LegalAidClient.Lawyer> lawyers = _get(ComboBox.class, spec -> spec.withId("assisted-lawyer"));
        lawyers.setValue(lawyers.getListDataView().getItems().filter(l -> l.id().equals(lawyer.id())).findFirst().orElseThrow());
        _get(DatePicker.class, spec -> spec.withId("assisted-day")).setValue(starts.atZoneSameInstant(AppointmentsData.NANNING).toLocalDate());
        @SuppressWarnings("unchecked")
        ComboBox<LegalAidClient.Slot> slots = _get(ComboBox.class, spec -> spec.withId("assisted-slot"));
        slots.setValue(slots.getListDataView().getItems()
                .filter(slot -> OffsetDateTime.parse(slot.startsAt()).isEqual(starts)).findFirst().orElseThrow());
        _get(TextArea.class, spec -> spec.withId("assisted-topic")).setValue("宅基地边界与邻居有争议");
        _get(TextField.class, spec -> spec.withId("assisted-name")).setValue("韦" + suffix);
        _get(TextField.class, spec -> spec.withId("assisted-phone")).setValue(phone);

        _click(_get(Button.class, spec -> spec.withId("assisted-book")));
        assertThat(outcome("assisted-book-outcome")).as("no booking without the resident's consent").contains("同意");
        _get(Checkbox.class, spec -> spec.withId("assisted-consent")).setValue(true);
        _click(_get(Button.class, spec -> spec.withId("assisted-book")));
        assertThat(outcome("assisted-book-outcome")).startsWith("已为 韦" + suffix + " 预约");
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("assisted-slip")).getText())
                .as("the slip to print comes with the booking").isEqualTo("打印预约单（PDF）");
        @SuppressWarnings("unchecked")
        Grid<LegalAidClient.AssistedBooking> booked = _get(Grid.class, spec -> spec.withId("assisted-list"));
        LegalAidClient.AssistedBooking row = booked.getGenericDataView().getItems()
                .filter(b -> OffsetDateTime.parse(b.startsAt()).isEqual(starts) && b.providerName().equals(lawyer.displayName()))
                .findFirst().orElseThrow();
        assertThat(row.residentName()).startsWith("韦").doesNotContain(suffix);
        assertThat(row.residentPhone()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        booked.select(row);
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("assisted-selected-slip")).getText())
                .as("a booking chosen in the list can have its slip printed again").isEqualTo("打印所选预约的预约单（PDF）");

        open("lawyer", LegalAidView.class);
        _get(DatePicker.class, spec -> spec.withId("legal-aid-date")).setValue(starts.atZoneSameInstant(AppointmentsData.NANNING).toLocalDate());
        @SuppressWarnings("unchecked")
        Grid<BookingClient.Booking> agenda = _get(Grid.class, spec -> spec.withId("legal-aid-today"));
        agenda.select(agenda.getGenericDataView().getItems().filter(b -> b.id().equals(row.bookingId())).findFirst().orElseThrow());
        assertThat(_get(Paragraph.class, spec -> spec.withId("legal-aid-resident")).getText())
                .as("the resident consented to give the lawyer their name and number: shown in full to the lawyer")
                .startsWith("服务点代约：韦" + suffix).contains(phone);
    }

    private static LegalAidClient.Application find(Grid<LegalAidClient.Application> grid, String id) {
        return grid.getGenericDataView().getItems().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<String> ids(Grid<LegalAidClient.Application> grid) {
        return grid.getGenericDataView().getItems().map(LegalAidClient.Application::id).toList();
    }

    /** Said beside the decision buttons. */
    private static String message() {
        return outcome("legal-aid-decision-outcome");
    }
}
