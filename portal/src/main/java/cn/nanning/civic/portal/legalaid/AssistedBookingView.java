package cn.nanning.civic.portal.legalaid;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.MainLayout;
import cn.nanning.civic.portal.base.PortalShell;
import cn.nanning.civic.portal.base.RequiresRole;
import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.base.StaffSession;
import cn.nanning.civic.portal.booking.AgendaRange;
import cn.nanning.civic.portal.booking.BookingClient;
import cn.nanning.civic.portal.gateway.GatewayException;
import cn.nanning.civic.portal.print.PdfDownloads;
import cn.nanning.civic.portal.ui.Actions;
import cn.nanning.civic.portal.ui.Outcome;
import cn.nanning.civic.portal.ui.Refusal;
import cn.nanning.civic.portal.ui.ResidentContactField;
import cn.nanning.civic.portal.ui.Times;
import cn.nanning.civic.portal.ui.Widgets;
import cn.nanning.civic.portal.ui.Grids;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * 代约法律咨询: at a village/community service point, the clerk books a free legal consultation for a resident who
 * has no mini-program — a lawyer of the district, a free slot, the resident's name and phone with their consent —
 * and keeps the list of what they booked (cancel on the resident's request).
 */
@Prototype
@Route(value = "legal-aid/assisted", layout = MainLayout.class)
@PageTitle("代约法律咨询 | " + PortalShell.PRODUCT)
@Menu(title = "代约法律咨询", order = 31, icon = "vaadin:calendar-user")
@RequiresRole({Role.CLERK})
public final class AssistedBookingView extends VerticalLayout implements BeforeEnterObserver {

    private static final Map<String, String> MODES = Map.of("IN_PERSON", "到场咨询", "ONLINE", "线上（视频/电话）");

    private final LegalAidClient client;
    private final BookingClient bookings;
    private final SignIn signIn;
    private final Outcome message = new Outcome("assisted-message");
    private final Outcome slotsOutcome = new Outcome("assisted-slots-outcome");
    private final Outcome bookOutcome = new Outcome("assisted-book-outcome");
    private final Outcome cancelOutcome = new Outcome("assisted-cancel-outcome");
    private final ComboBox<LegalAidClient.Lawyer> lawyer = new ComboBox<>("律师");
    private final DatePicker day = Widgets.datePicker("日期");
    private final ComboBox<LegalAidClient.Slot> slot = new ComboBox<>("时段");
    private final RadioButtonGroup<String> mode = new RadioButtonGroup<>("咨询方式");
    private final TextArea topic = new TextArea("咨询事项");
    private final TextField residentName = new TextField("居民姓名");
    private final ResidentContactField residentContact = new ResidentContactField("assisted");
    private final Checkbox consent = new Checkbox("已向居民说明，并经其同意由服务点代为预约、向律师提供姓名和所留联系电话");
    /** The slip of the booking just made, beside its outcome (replaced by the next booking's). */
    private final com.vaadin.flow.component.html.Div slip = new com.vaadin.flow.component.html.Div();
    /** The slip of the booking selected in the list, to print it again. */
    private final com.vaadin.flow.component.html.Div selectedSlip = new com.vaadin.flow.component.html.Div();
    private final Grid<LegalAidClient.AssistedBooking> booked = Grids.saying("您还没有代居民预约的法律咨询。", new Grid<>(LegalAidClient.AssistedBooking.class, false));

    AssistedBookingView(LegalAidClient client, BookingClient bookings, SignIn signIn) {
        this.client = client;
        this.bookings = bookings;
        this.signIn = signIn;
        setId("assisted-booking");

        lawyer.setId("assisted-lawyer");
        lawyer.setItemLabelGenerator(l -> l.displayName() + "（" + l.kindLabel() + "）");
        lawyer.addValueChangeListener(change -> loadSlots());
        day.setId("assisted-day");
        day.setValue(LocalDate.now(AgendaRange.NANNING));
        day.addValueChangeListener(change -> loadSlots());
        slot.setId("assisted-slot");
        slot.setItemLabelGenerator(s -> clock(s.startsAt()) + "–" + clock(s.endsAt()));
        mode.setId("assisted-mode");
        mode.setItems("IN_PERSON", "ONLINE");
        mode.setItemLabelGenerator(MODES::get);
        mode.setValue("IN_PERSON");
        topic.setId("assisted-topic");
        topic.setMaxLength(500);
        topic.setWidthFull();
        residentName.setId("assisted-name");
        residentName.setMaxLength(50);
        consent.setId("assisted-consent");
        Button book = Actions.primary("提交预约", "assisted-book", bookOutcome, this::book);

        booked.setId("assisted-list");
        booked.addColumn(b -> BookingSlip.reference(b.bookingId())).setHeader("预约编号").setAutoWidth(true);
        booked.addColumn(b -> AgendaRange.when(b.startsAt(), b.endsAt())).setHeader("时间").setAutoWidth(true);
        booked.addColumn(LegalAidClient.AssistedBooking::providerName).setHeader("律师").setAutoWidth(true);
        booked.addColumn(LegalAidClient.AssistedBooking::residentName).setHeader("居民").setAutoWidth(true);
        booked.addColumn(LegalAidClient.AssistedBooking::residentPhone).setHeader("手机号码").setAutoWidth(true);
        booked.addColumn(b -> b.placeName() == null ? "线上" : b.placeName()).setHeader("地点").setFlexGrow(1);
        booked.addColumn(LegalAidClient.AssistedBooking::statusLabel).setHeader("状态").setAutoWidth(true);
        booked.setAllRowsVisible(true);
        booked.asSingleSelect().addValueChangeListener(change -> {
            selectedSlip.removeAll();
            LegalAidClient.AssistedBooking chosen = change.getValue();
            if (chosen != null) {
                LegalAidClient.LawyerPlace place = lawyer.getListDataView().getItems()
                        .filter(l -> l.displayName().equals(chosen.providerName()) && l.place() != null).map(LegalAidClient.Lawyer::place)
                        .filter(p -> p.name().equals(chosen.placeName())).findFirst().orElse(null);
                BookingSlip.Content content = new BookingSlip.Content(chosen.bookingId(), chosen.residentName(), chosen.providerName(),
                        chosen.startsAt(), chosen.endsAt(), chosen.placeName() == null, chosen.placeName(),
                        place == null ? null : place.address());
                selectedSlip.add(PdfDownloads.link("assisted-selected-slip", "打印所选预约的预约单（PDF）",
                        BookingSlip.fileName(content), event -> BookingSlip.write(content)));
            }
        });
        Button cancel = Actions.withReason("取消所选预约", "assisted-cancel", cancelOutcome,
                Actions.Confirmation.destructive("取消预约", "取消后该时段将释放给其他居民，律师会看到取消原因。请在居民要求取消时操作。", "确认取消预约"),
                "取消原因", this::cancelSelected);

        add(new H2("代约法律咨询"), message,
                new Paragraph("为不使用小程序的居民预约免费法律咨询。请核对居民身份，说明预约信息将提供给律师，并在居民同意后提交；预约成功后请把时间、地点告知居民（居民不会收到微信提醒）。"),
                Actions.row(lawyer, day, slot, slotsOutcome), mode, topic, residentName, residentContact, consent,
                Actions.row(book, bookOutcome, slip), new H3("我代约的咨询"), booked, Actions.row(cancel, cancelOutcome, selectedSlip));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String region = StaffSession.current().map(StaffSession::regionCode).orElse(null);
        try {
            if (region != null && region.length() >= 6) {
                // Lawyers of the clerk's district (县区): the public legal service network a village point belongs to.
                List<LegalAidClient.Lawyer> lawyers = signIn.withToken(token -> client.lawyers(region.substring(0, 6), token));
                lawyer.setItems(lawyers);
            }
            reloadBooked();
        } catch (GatewayException e) {
            message.failed(e.getMessage());
        }
    }

    private void loadSlots() {
        slot.clear();
        slotsOutcome.clear();
        if (lawyer.getValue() == null || day.getValue() == null) {
            slot.setItems(List.of());
            return;
        }
        try {
            List<LegalAidClient.Slot> free = signIn.withToken(token -> client.slots(lawyer.getValue().id(), day.getValue(), token));
            slot.setItems(free);
            if (free.isEmpty()) {
                slotsOutcome.note("该律师当天没有可预约的时段，请选择其他日期或律师。");
            }
        } catch (GatewayException e) {
            slot.setItems(List.of());
            slotsOutcome.failed(e.getMessage());
        }
    }

    private String book() {
        if (lawyer.getValue() == null || slot.getValue() == null) {
            throw new Refusal("请选择律师和时段。");
        }
        String name = residentName.getValue().strip();
        LegalAidClient.LawyerPlace place = lawyer.getValue().place();
        boolean online = "ONLINE".equals(mode.getValue());
        slip.removeAll();
        LegalAidClient.AssistedBooking done = signIn.withToken(token -> client.bookForResident(lawyer.getValue().id(),
                slot.getValue().startsAt(), mode.getValue(), topic.getValue().strip(), name, residentContact.phone(),
                residentContact.kind(), residentContact.relation(), consent.getValue(), token));
        topic.clear();
        residentName.clear();
        residentContact.clear();
        consent.clear();
        loadSlots();
        reloadBooked();
        BookingSlip.Content content = new BookingSlip.Content(done.bookingId(), done.residentName(), done.providerName(),
                done.startsAt(), done.endsAt(), online, done.placeName() != null ? done.placeName() : place == null ? null : place.name(),
                place == null ? null : place.address());
        slip.add(PdfDownloads.link("assisted-slip", "打印预约单（PDF）", BookingSlip.fileName(content), event -> BookingSlip.write(content)));
        return "已为 " + name + " 预约 " + done.providerName() + "，" + AgendaRange.when(done.startsAt(), done.endsAt())
                + (done.placeName() != null ? "，地点：" + done.placeName() : "，线上咨询") + "。请把时间和地点告知居民。";
    }

    private String cancelSelected(String reason) {
        LegalAidClient.AssistedBooking selected = booked.asSingleSelect().getValue();
        if (selected == null) {
            throw new Refusal("请先在列表中选择要取消的预约。");
        }
        signIn.withToken(token -> bookings.cancel(selected.bookingId(), reason, token));
        reloadBooked();
        return "已取消 " + AgendaRange.when(selected.startsAt(), selected.endsAt()) + " 的预约。";
    }

    private void reloadBooked() {
        List<LegalAidClient.AssistedBooking> list = signIn.withToken(client::assistedBookings);
        booked.setItems(list);
    }

    private static String clock(String iso) {
        return Times.clock(iso);
    }


}
