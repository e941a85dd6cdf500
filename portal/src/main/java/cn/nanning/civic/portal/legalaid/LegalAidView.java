package cn.nanning.civic.portal.legalaid;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.MainLayout;
import cn.nanning.civic.portal.base.PortalShell;
import cn.nanning.civic.portal.base.RequiresRole;
import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.gateway.GatewayException;
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

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/**
 * The lawyer's day (法律援助): today's consultations (mark one completed), and the applications with their decision
 * clocks, overdue ones first and flagged.
 */
@Prototype
@Route(value = "legal-aid", layout = MainLayout.class)
@PageTitle("法律援助 | " + PortalShell.PRODUCT)
@Menu(title = "法律援助", order = 30, icon = "vaadin:scale")
@RequiresRole({Role.LAWYER, Role.ADMIN})
public final class LegalAidView extends VerticalLayout implements BeforeEnterObserver {

    static final ZoneId NANNING = ZoneId.of("Asia/Shanghai");

    private final LegalAidClient client;
    private final SignIn signIn;
    private final Paragraph message = new Paragraph();
    private final Grid<LegalAidClient.Booking> today = new Grid<>(LegalAidClient.Booking.class, false);
    private final Grid<LegalAidClient.Application> applications = new Grid<>(LegalAidClient.Application.class, false);
    private final Button complete = new Button("咨询完成");

    LegalAidView(LegalAidClient client, SignIn signIn) {
        this.client = client;
        this.signIn = signIn;
        setId("legal-aid-day");
        message.setId("legal-aid-message");
        message.setVisible(false);

        today.setId("legal-aid-today");
        today.addColumn(b -> time(b.startsAt()) + "–" + time(b.endsAt())).setHeader("时间").setAutoWidth(true);
        today.addColumn(LegalAidClient.Booking::serviceLabel).setHeader("服务").setAutoWidth(true);
        today.addColumn(LegalAidClient.Booking::modeLabel).setHeader("方式").setAutoWidth(true);
        today.addColumn(b -> b.topic() == null ? "" : b.topic()).setHeader("咨询事项").setFlexGrow(1);
        today.addColumn(LegalAidClient.Booking::statusLabel).setHeader("状态").setAutoWidth(true);
        today.setAllRowsVisible(true);
        today.asSingleSelect().addValueChangeListener(change -> complete.setEnabled(change.getValue() != null
                && "LEGAL_CONSULTATION".equals(change.getValue().service())
                && ("CONFIRMED".equals(change.getValue().status()) || "ATTENDED".equals(change.getValue().status()))));
        complete.setId("legal-aid-complete");
        complete.setEnabled(false);
        complete.addClickListener(click -> completeSelected());

        applications.setId("legal-aid-applications");
        applications.addColumn(LegalAidClient.Application::applicantName).setHeader("申请人").setAutoWidth(true);
        applications.addColumn(LegalAidClient.Application::caseTypeLabel).setHeader("案件类型").setAutoWidth(true);
        applications.addColumn(LegalAidClient.Application::statusLabel).setHeader("状态").setAutoWidth(true);
        applications.addColumn(LegalAidClient.Application::submittedOn).setHeader("受理日期").setAutoWidth(true);
        applications.addColumn(LegalAidView::clock).setHeader("决定/指派期限").setAutoWidth(true);
        applications.addColumn(a -> a.overdue() ? "已逾期" : "").setHeader("提醒").setAutoWidth(true);
        applications.setPartNameGenerator(a -> a.overdue() ? "overdue" : null);

        add(new H2("法律援助 · 今日工作"), message,
                new H3("今日预约"), new Paragraph("选择一条法律咨询预约，咨询结束后点击“咨询完成”；志愿律师的咨询时长将计入志愿服务时长。"),
                today, complete,
                new H3("法律援助申请"), new Paragraph("决定期限为完整申请之日起 7 个工作日（等待补充材料的时间不计），批准后 3 个工作日内指派；逾期的排在最前。"),
                applications);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        reload();
    }

    private void reload() {
        try {
            List<LegalAidClient.Booking> bookings = signIn.withToken(token -> client.agenda(LocalDate.now(NANNING), token));
            today.setItems(bookings);
            List<LegalAidClient.Application> list = signIn.withToken(client::applications);
            applications.setItems(list.stream()
                    .sorted(Comparator.comparing((LegalAidClient.Application a) -> !a.overdue()).thenComparing(LegalAidView::clock))
                    .toList());
            message.setVisible(false);
        } catch (GatewayException e) {
            today.setItems(List.of());
            applications.setItems(List.of());
            showMessage(e.getMessage());
        }
    }

    private void completeSelected() {
        LegalAidClient.Booking booking = today.asSingleSelect().getValue();
        if (booking == null) {
            return;
        }
        try {
            LegalAidClient.Completion done = signIn.withToken(token -> client.complete(booking.id(), token));
            reload();
            showMessage("已登记咨询完成，时长 " + done.minutes() + " 分钟" + (done.volunteerLawyer() ? "，已计入志愿服务时长。" : "。"));
        } catch (GatewayException e) {
            showMessage(e.getMessage());
        }
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

    private static String time(String iso) {
        return OffsetDateTime.parse(iso).atZoneSameInstant(NANNING).toLocalTime().toString();
    }

    private void showMessage(String text) {
        message.setText(text);
        message.setVisible(true);
    }
}
