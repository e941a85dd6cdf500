package cn.nanning.civic.portal.legalaid;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.MainLayout;
import cn.nanning.civic.portal.base.FormRow;
import cn.nanning.civic.portal.base.PortalShell;
import cn.nanning.civic.portal.base.RequiresRole;
import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.base.StaffSession;
import cn.nanning.civic.portal.booking.AgendaRange;
import cn.nanning.civic.portal.booking.BookingClient;
import cn.nanning.civic.portal.gateway.GatewayException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The lawyer's day (法律援助): the agenda of a day or week (record attendance, mark a consultation completed), and the
 * applications with their decision clocks, overdue ones first and flagged. Administrators also decide applications,
 * ask for missing materials and assign a lawyer here.
 */
@Prototype
@Route(value = "legal-aid", layout = MainLayout.class)
@PageTitle("法律援助 | " + PortalShell.PRODUCT)
@Menu(title = "法律援助", order = 30, icon = "vaadin:scale")
@RequiresRole({Role.LAWYER, Role.ADMIN})
public final class LegalAidView extends VerticalLayout implements BeforeEnterObserver {

    private final LegalAidClient client;
    private final BookingClient bookings;
    private final SignIn signIn;
    private final Paragraph message = new Paragraph();
    private final AgendaRange range;
    private final Grid<BookingClient.Booking> agenda = new Grid<>(BookingClient.Booking.class, false);
    private final Button attended = new Button("已到场");
    private final Button noShow = new Button("未到场");
    private final Button complete = new Button("咨询完成");
    private final Paragraph resident = new Paragraph();
    private final Grid<LegalAidClient.Application> applications = new Grid<>(LegalAidClient.Application.class, false);
    private final VerticalLayout decision = new VerticalLayout();
    private final TextArea reasons = new TextArea("决定理由 / 需补充的材料");
    private final ComboBox<LegalAidClient.Lawyer> lawyer = new ComboBox<>("承办律师");

    LegalAidView(LegalAidClient client, BookingClient bookings, SignIn signIn) {
        this.client = client;
        this.bookings = bookings;
        this.signIn = signIn;
        this.range = new AgendaRange("legal-aid", this::reloadAgenda);
        setId("legal-aid-day");
        message.setId("legal-aid-message");
        message.setVisible(false);

        agenda.setId("legal-aid-today");
        agenda.addColumn(AgendaRange::when).setHeader("时间").setAutoWidth(true);
        agenda.addColumn(BookingClient.Booking::serviceLabel).setHeader("服务").setAutoWidth(true);
        agenda.addColumn(BookingClient.Booking::modeLabel).setHeader("方式").setAutoWidth(true);
        agenda.addColumn(b -> b.topic() == null ? "" : b.topic()).setHeader("咨询事项").setFlexGrow(1);
        agenda.addColumn(BookingClient.Booking::statusLabel).setHeader("状态").setAutoWidth(true);
        agenda.setAllRowsVisible(true);
        agenda.asSingleSelect().addValueChangeListener(change -> {
            enableBookingActions(change.getValue());
            showResident(change.getValue());
        });
        resident.setId("legal-aid-resident");
        resident.setVisible(false);
        attended.setId("legal-aid-attended");
        noShow.setId("legal-aid-no-show");
        complete.setId("legal-aid-complete");
        enableBookingActions(null);
        attended.addClickListener(click -> onSelectedBooking(b -> signIn.withToken(token -> bookings.attended(b.id(), token)),
                "已登记到场。"));
        noShow.addClickListener(click -> onSelectedBooking(b -> signIn.withToken(token -> bookings.noShow(b.id(), token)),
                "已登记未到场（爽约）。"));
        complete.addClickListener(click -> completeSelected());

        applications.setId("legal-aid-applications");
        applications.addColumn(LegalAidClient.Application::applicantName).setHeader("申请人").setAutoWidth(true);
        applications.addColumn(LegalAidClient.Application::caseTypeLabel).setHeader("案件类型").setAutoWidth(true);
        applications.addColumn(LegalAidClient.Application::statusLabel).setHeader("状态").setAutoWidth(true);
        applications.addColumn(LegalAidClient.Application::submittedOn).setHeader("受理日期").setAutoWidth(true);
        applications.addColumn(LegalAidView::clock).setHeader("决定/指派期限").setAutoWidth(true);
        applications.addColumn(a -> a.assignedLawyerName() == null ? "" : a.assignedLawyerName()).setHeader("承办律师").setAutoWidth(true);
        applications.addColumn(a -> a.overdue() ? "已逾期" : "").setHeader("提醒").setAutoWidth(true);
        applications.setPartNameGenerator(a -> a.overdue() ? "overdue" : null);
        applications.asSingleSelect().addValueChangeListener(change -> decision.setVisible(change.getValue() != null && isAdmin()));

        decision.setId("legal-aid-decision");
        decision.setPadding(false);
        decision.setVisible(false);
        reasons.setId("legal-aid-reasons");
        reasons.setMaxLength(2000);
        reasons.setWidthFull();
        Button approve = new Button("给予法律援助", click -> decide(true));
        approve.setId("legal-aid-approve");
        Button refuse = new Button("不予法律援助", click -> decide(false));
        refuse.setId("legal-aid-refuse");
        Button supplement = new Button("通知补充材料", click -> onSelectedApplication(a ->
                signIn.withToken(token -> client.requestSupplement(a.id(), reasons.getValue().strip(), token)), "已通知申请人补充材料，决定期限暂停计算。"));
        supplement.setId("legal-aid-supplement");
        lawyer.setId("legal-aid-lawyer");
        lawyer.setItemLabelGenerator(l -> l.displayName() + "（" + l.kindLabel() + "）");
        Button assign = new Button("指派", click -> assignSelected());
        assign.setId("legal-aid-assign");
        decision.add(new H3("审查与指派"), reasons, new HorizontalLayout(approve, refuse, supplement), FormRow.of(lawyer, assign));

        add(new H2("法律援助 · 工作台"), message,
                new H3("预约"), new Paragraph("咨询开始后可登记到场或未到场；法律咨询结束后点击“咨询完成”，志愿律师的咨询时长将计入志愿服务时长。"),
                range, agenda, resident, new HorizontalLayout(attended, noShow, complete),
                new H3("法律援助申请"), new Paragraph("决定期限为完整申请之日起 7 个工作日（等待补充材料的时间不计），批准后 3 个工作日内指派；逾期的排在最前。"),
                applications, decision);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        reloadAgenda();
        reloadApplications();
        String area = StaffSession.current().map(StaffSession::regionCode).orElse(null);
        if (isAdmin() && area != null) {
            try {
                List<LegalAidClient.Lawyer> lawyers = signIn.withToken(token -> client.lawyers(area, token));
                lawyer.setItems(lawyers);
            } catch (GatewayException e) {
                showMessage(e.getMessage());
            }
        }
    }

    private void reloadAgenda() {
        try {
            List<BookingClient.Booking> list = signIn.withToken(token -> bookings.agenda(range.from(), range.to(), token));
            agenda.setItems(list);
        } catch (GatewayException e) {
            agenda.setItems(List.of());
            showMessage(e.getMessage());
        }
    }

    private void reloadApplications() {
        try {
            List<LegalAidClient.Application> list = signIn.withToken(client::applications);
            applications.setItems(list.stream()
                    .sorted(Comparator.comparing((LegalAidClient.Application a) -> !a.overdue()).thenComparing(LegalAidView::clock))
                    .toList());
        } catch (GatewayException e) {
            applications.setItems(List.of());
            showMessage(e.getMessage());
        }
    }

    private void enableBookingActions(BookingClient.Booking booking) {
        attended.setEnabled(booking != null && booking.awaitingAttendance());
        noShow.setEnabled(booking != null && booking.awaitingAttendance());
        complete.setEnabled(booking != null && "LEGAL_CONSULTATION".equals(booking.service())
                && ("CONFIRMED".equals(booking.status()) || "ATTENDED".equals(booking.status())));
    }

    /** A resident booked at a village service point has no mini-program: show who to expect and how to reach them. */
    private void showResident(BookingClient.Booking booking) {
        resident.setVisible(false);
        if (booking == null || !booking.bookedAtCounter()) {
            return;
        }
        try {
            LegalAidClient.AssistedBooking who = signIn.withToken(token -> client.assistedBooking(booking.id(), token));
            resident.setText("服务点代约：" + who.residentName() + "，手机 " + who.residentPhone() + "（居民不会收到微信提醒）");
            resident.setVisible(true);
        } catch (GatewayException e) {
            showMessage(e.getMessage());
        }
    }

    private void onSelectedBooking(Function<BookingClient.Booking, ?> action, String done) {
        BookingClient.Booking booking = agenda.asSingleSelect().getValue();
        if (booking == null) {
            return;
        }
        try {
            action.apply(booking);
            reloadAgenda();
            showMessage(done);
        } catch (GatewayException e) {
            showMessage(e.getMessage());
        }
    }

    private void completeSelected() {
        BookingClient.Booking booking = agenda.asSingleSelect().getValue();
        if (booking == null) {
            return;
        }
        try {
            LegalAidClient.Completion done = signIn.withToken(token -> client.complete(booking.id(), token));
            reloadAgenda();
            showMessage("已登记咨询完成，时长 " + done.minutes() + " 分钟" + (done.volunteerLawyer() ? "，已计入志愿服务时长。" : "。"));
        } catch (GatewayException e) {
            showMessage(e.getMessage());
        }
    }

    private void decide(boolean approve) {
        if (reasons.getValue().isBlank()) {
            showMessage("请填写决定理由。");
            return;
        }
        onSelectedApplication(a -> signIn.withToken(token -> client.decide(a.id(), approve, reasons.getValue().strip(), token)),
                approve ? "已决定给予法律援助，请在 3 个工作日内指派律师。" : "已决定不予法律援助，申请人将收到决定及理由。");
    }

    private void assignSelected() {
        LegalAidClient.Lawyer chosen = lawyer.getValue();
        if (chosen == null) {
            showMessage("请选择承办律师。");
            return;
        }
        onSelectedApplication(a -> signIn.withToken(token -> client.assign(a.id(), chosen.id(), token)),
                "已指派 " + chosen.displayName() + " 承办。");
    }

    private void onSelectedApplication(Function<LegalAidClient.Application, ?> action, String done) {
        LegalAidClient.Application application = applications.asSingleSelect().getValue();
        if (application == null) {
            return;
        }
        try {
            action.apply(application);
            reasons.clear();
            reloadApplications();
            decision.setVisible(false);
            showMessage(done);
        } catch (GatewayException e) {
            showMessage(e.getMessage());
        }
    }

    private static boolean isAdmin() {
        return StaffSession.current().map(s -> s.roles().contains(Role.ADMIN)).orElse(false);
    }

    /** The day that matters now: the assignment day once approved, otherwise the decision day. */
    static String clock(LegalAidClient.Application a) {
        if ("APPROVED".equals(a.status()) && a.assignmentDue() != null) {
            return "指派期限 " + a.assignmentDue();
        }
        if ("UNDER_REVIEW".equals(a.status()) || "SUPPLEMENT_REQUESTED".equals(a.status())) {
            return a.clockPaused() ? "待补充材料（计时暂停）" : "决定期限 " + a.decisionDue();
        }
        return "";
    }

    private void showMessage(String text) {
        message.setText(text);
        message.setVisible(true);
    }
}
