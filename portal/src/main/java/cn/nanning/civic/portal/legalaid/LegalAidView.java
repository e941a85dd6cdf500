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
import cn.nanning.civic.portal.ui.Actions;
import cn.nanning.civic.portal.ui.Outcome;
import cn.nanning.civic.portal.ui.Refusal;
import cn.nanning.civic.portal.ui.Times;
import cn.nanning.civic.portal.ui.Grids;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
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
    private final Outcome message = new Outcome("legal-aid-message");
    private final AgendaRange range;
    private final VerticalLayout agendaSection = new VerticalLayout();
    private final Grid<BookingClient.Booking> agenda = Grids.saying("所选日期没有预约。", new Grid<>(BookingClient.Booking.class, false));
    private final Outcome agendaOutcome = new Outcome("legal-aid-agenda-outcome");
    private final Button attended;
    private final Button noShow;
    private final Button complete;
    private final Paragraph resident = new Paragraph();
    private final Grid<LegalAidClient.Application> applications = Grids.saying("没有待处理的法律援助申请。", new Grid<>(LegalAidClient.Application.class, false));
    private final ApplicationPanel decision;
    private final Grid<LegalAidClient.Application> decided = Grids.saying("还没有已决定或已指派的申请。", new Grid<>(LegalAidClient.Application.class, false));
    private final VerticalLayout decidedSection = new VerticalLayout();
    /** While the lists reload after a step, the open application stays open (it may have left the list). */
    private boolean reloading;

    LegalAidView(LegalAidClient client, BookingClient bookings, SignIn signIn) {
        this.client = client;
        this.bookings = bookings;
        this.signIn = signIn;
        this.range = new AgendaRange("legal-aid", this::reloadAgenda);
        this.decision = new ApplicationPanel(client, signIn, id -> reloadApplications());
        setId("legal-aid-day");

        agenda.setId("legal-aid-today");
        agenda.addColumn(AgendaRange::when).setHeader("时间").setAutoWidth(true);
        agenda.addColumn(BookingClient.Booking::serviceLabel).setHeader("服务").setAutoWidth(true);
        agenda.addColumn(BookingClient.Booking::modeLabel).setHeader("方式").setAutoWidth(true);
        agenda.addColumn(b -> b.topic() == null ? "" : b.topic()).setHeader("咨询事项").setFlexGrow(1);
        agenda.addColumn(BookingClient.Booking::statusLabel).setHeader("状态").setAutoWidth(true);
        agenda.setAllRowsVisible(true);
        agenda.asSingleSelect().addValueChangeListener(change -> {
            agendaOutcome.clear();
            enableBookingActions(change.getValue());
            showResident(change.getValue());
        });
        resident.setId("legal-aid-resident");
        resident.setVisible(false);
        attended = Actions.button("已到场", "legal-aid-attended", agendaOutcome, () -> onSelectedBooking(b ->
                signIn.withToken(token -> bookings.attended(b.id(), token)), "已登记到场。"));
        noShow = Actions.button("未到场", "legal-aid-no-show", agendaOutcome, () -> onSelectedBooking(b ->
                signIn.withToken(token -> bookings.noShow(b.id(), token)), "已登记未到场（爽约）。"));
        complete = Actions.primary("咨询完成", "legal-aid-complete", agendaOutcome, this::completeSelected);
        enableBookingActions(null);
        agendaSection.setPadding(false);
        agendaSection.add(new H3("预约"), new Paragraph("咨询开始后可登记到场或未到场；法律咨询结束后点击“咨询完成”，志愿律师的咨询时长将计入志愿服务时长。"),
                range, agenda, resident, Actions.row(attended, noShow, complete, agendaOutcome));

        applications.setId("legal-aid-applications");
        applications.addColumn(LegalAidClient.Application::applicantName).setHeader("申请人").setAutoWidth(true);
        applications.addColumn(LegalAidClient.Application::caseTypeLabel).setHeader("案件类型").setAutoWidth(true);
        applications.addColumn(LegalAidClient.Application::statusLabel).setHeader("状态").setAutoWidth(true);
        applications.addColumn(a -> Times.day(a.submittedOn())).setHeader("受理日期").setAutoWidth(true);
        applications.addColumn(LegalAidView::clock).setHeader("决定/指派期限").setAutoWidth(true);
        applications.addColumn(a -> a.assignedLawyerName() == null ? "" : a.assignedLawyerName()).setHeader("承办律师").setAutoWidth(true);
        applications.addColumn(a -> a.overdue() ? "⚠ 已逾期" : "").setHeader("提醒").setAutoWidth(true);
        applications.setPartNameGenerator(a -> a.overdue() ? "overdue" : null);
        applications.setAllRowsVisible(true);
        applications.asSingleSelect().addValueChangeListener(change -> {
            if (!reloading && (change.getValue() != null || change.isFromClient())) {
                decided.deselectAll();
                decision.show(change.getValue());
            }
        });
        decided.setId("legal-aid-decided");
        decided.addColumn(LegalAidClient.Application::applicantName).setHeader("申请人").setAutoWidth(true);
        decided.addColumn(LegalAidClient.Application::caseTypeLabel).setHeader("案件类型").setAutoWidth(true);
        decided.addColumn(LegalAidClient.Application::statusLabel).setHeader("结果").setAutoWidth(true);
        decided.addColumn(a -> Times.day(a.decidedOn())).setHeader("决定日期").setAutoWidth(true);
        decided.addColumn(a -> a.assignedLawyerName() == null ? "" : a.assignedLawyerName()).setHeader("承办律师").setFlexGrow(1);
        decided.setAllRowsVisible(true);
        decided.asSingleSelect().addValueChangeListener(change -> {
            if (!reloading && change.getValue() != null) {
                applications.deselectAll();
                decision.show(change.getValue());
            }
        });
        decidedSection.setPadding(false);
        decidedSection.add(new H3("已办结的申请"), new Paragraph("已决定不予援助或已指派律师的申请（最近 200 件），可随时查看申请内容与决定。"), decided);

        add(new H2("法律援助 · 工作台"), message, agendaSection,
                new H3("法律援助申请"), new Paragraph("决定期限为完整申请之日起 7 个工作日（等待补充材料的时间不计），批准后 3 个工作日内指派；逾期的排在最前。"),
                applications, decision, decidedSection);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // The agenda is a provider's own; an administrator decides applications and has no agenda here.
        boolean lawyer = StaffSession.current().map(s -> s.roles().contains(Role.LAWYER)).orElse(false);
        agendaSection.setVisible(lawyer);
        if (lawyer) {
            reloadAgenda();
        }
        reloadApplications();
        decidedSection.setVisible(ApplicationPanel.isAdmin());
        String area = StaffSession.current().map(StaffSession::regionCode).orElse(null);
        if (ApplicationPanel.isAdmin() && area != null) {
            try {
                List<LegalAidClient.Lawyer> lawyers = signIn.withToken(token -> client.lawyers(area, token));
                decision.lawyers(lawyers);
            } catch (GatewayException e) {
                message.failed(e.getMessage());
            }
        }
    }

    private void reloadAgenda() {
        try {
            List<BookingClient.Booking> list = signIn.withToken(token -> bookings.agenda(range.from(), range.to(), token));
            agenda.setItems(list);
        } catch (GatewayException e) {
            agenda.setItems(List.of());
            message.failed(e.getMessage());
        }
    }

    private void reloadApplications() {
        try {
            List<LegalAidClient.Application> list = signIn.withToken(client::applications);
            String open = decision.shownId();
            reloading = true;
            try {
                applications.setItems(list.stream()
                        .sorted(Comparator.comparing((LegalAidClient.Application a) -> !a.overdue()).thenComparing(LegalAidView::clock))
                        .toList());
                list.stream().filter(a -> a.id().equals(open)).findFirst().ifPresent(applications::select);
                if (ApplicationPanel.isAdmin()) {
                    List<LegalAidClient.Application> done = signIn.withToken(client::decided);
                    decided.setItems(done);
                    done.stream().filter(a -> a.id().equals(open)).findFirst().ifPresent(decided::select);
                }
            } finally {
                reloading = false;
            }
        } catch (GatewayException e) {
            applications.setItems(List.of());
            message.failed(e.getMessage());
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
            // The clerk recorded the resident's consent to give the lawyer their name and number: shown in full, audited.
            LegalAidClient.ResidentContact who = signIn.withToken(token -> client.residentContact(booking.id(), token));
            String phone = who.phone() == null ? "无手机，请按约定时间等候居民到场"
                    : "电话 " + who.phone() + ("RELATIVE".equals(who.contactKind()) ? "（" + who.contactRelation() + "的电话）" : "");
            resident.setText("服务点代约：" + who.residentName() + "，" + phone + "（居民不会收到微信提醒；本次查看已记录）");
            resident.setVisible(true);
        } catch (GatewayException e) {
            agendaOutcome.failed(e.getMessage());
        }
    }

    private String onSelectedBooking(Function<BookingClient.Booking, ?> action, String done) {
        BookingClient.Booking booking = agenda.asSingleSelect().getValue();
        if (booking == null) {
            throw new Refusal("请先在上表中选择一个预约。");
        }
        action.apply(booking);
        reloadAgenda();
        return done;
    }

    private String completeSelected() {
        BookingClient.Booking booking = agenda.asSingleSelect().getValue();
        if (booking == null) {
            throw new Refusal("请先在上表中选择一个预约。");
        }
        LegalAidClient.Completion done = signIn.withToken(token -> client.complete(booking.id(), token));
        reloadAgenda();
        return "已登记咨询完成，时长 " + done.minutes() + " 分钟" + (done.volunteerLawyer() ? "，已计入志愿服务时长。" : "。");
    }

    /** The day that matters now: the assignment day once approved, otherwise the decision day. */
    static String clock(LegalAidClient.Application a) {
        if ("APPROVED".equals(a.status()) && a.assignmentDue() != null) {
            return "指派期限 " + Times.day(a.assignmentDue());
        }
        if ("UNDER_REVIEW".equals(a.status()) || "SUPPLEMENT_REQUESTED".equals(a.status())) {
            return a.clockPaused() ? "待补充材料（计时暂停）" : "决定期限 " + Times.day(a.decisionDue());
        }
        return "";
    }
}
