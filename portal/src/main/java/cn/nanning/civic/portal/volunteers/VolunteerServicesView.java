package cn.nanning.civic.portal.volunteers;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.MainLayout;
import cn.nanning.civic.portal.base.PortalShell;
import cn.nanning.civic.portal.base.RequiresRole;
import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.base.StaffSession;
import cn.nanning.civic.portal.gateway.GatewayException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Volunteer services for organisers and admins (志愿服务): their activities with sign-ups and attendance, confirming
 * hours and correcting them with a reason, and the area's statistics against the 20% registration target.
 */
@Prototype
@Route(value = "volunteers", layout = MainLayout.class)
@PageTitle("志愿服务 | " + PortalShell.PRODUCT)
@Menu(title = "志愿服务", order = 10, icon = "vaadin:heart")
@RequiresRole({Role.ORGANIZER, Role.ADMIN})
public final class VolunteerServicesView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final VolunteersClient client;
    private final SignIn signIn;
    private final Paragraph message = new Paragraph();
    private final Grid<VolunteersClient.Activity> activities = new Grid<>(VolunteersClient.Activity.class, false);
    private final Grid<VolunteersClient.Signup> signups = new Grid<>(VolunteersClient.Signup.class, false);
    private final Grid<VolunteersClient.Attendance> attendance = new Grid<>(VolunteersClient.Attendance.class, false);
    private final ComboBox<VolunteersClient.Attendance> who = new ComboBox<>("志愿者");
    private final IntegerField minutes = new IntegerField("更正后时长（分钟）");
    private final TextField reason = new TextField("更正原因");
    private final TextField region = new TextField("区划代码");
    private final Paragraph summary = new Paragraph();
    private final Grid<VolunteersClient.Figures> statistics = new Grid<>(VolunteersClient.Figures.class, false);
    private VolunteersClient.Activity selected;

    VolunteerServicesView(VolunteersClient client, SignIn signIn) {
        this.client = client;
        this.signIn = signIn;
        setId("volunteers");
        message.setId("volunteers-message");
        message.setVisible(false);

        activities.setId("volunteer-activities");
        activities.addColumn(VolunteersClient.Activity::title).setHeader("活动").setFlexGrow(1);
        activities.addColumn(a -> WHEN.format(a.startsAt())).setHeader("开始时间").setAutoWidth(true);
        activities.addColumn(VolunteersClient.Activity::place).setHeader("地点").setAutoWidth(true);
        activities.addColumn(a -> a.confirmed() + " / " + a.capacity()).setHeader("已报名 / 名额").setAutoWidth(true);
        activities.addColumn(a -> "CANCELLED".equals(a.status()) ? "已取消" : "已发布").setHeader("状态").setAutoWidth(true);
        activities.setAllRowsVisible(true);
        activities.asSingleSelect().addValueChangeListener(e -> select(e.getValue()));

        signups.setId("volunteer-signups");
        signups.addColumn(s -> s.volunteerName() != null ? s.volunteerName() : "").setHeader("志愿者").setAutoWidth(true);
        signups.addColumn(VolunteersClient.Signup::statusLabel).setHeader("报名状态").setAutoWidth(true);
        signups.addColumn(s -> s.waitlistNo() != null ? String.valueOf(s.waitlistNo()) : "").setHeader("候补序号").setAutoWidth(true);
        signups.addColumn(s -> WHEN.format(s.signedUpAt())).setHeader("报名时间").setAutoWidth(true);
        signups.setAllRowsVisible(true);

        attendance.setId("volunteer-attendance");
        attendance.addColumn(a -> a.volunteerName() != null ? a.volunteerName() : "").setHeader("志愿者").setAutoWidth(true);
        attendance.addColumn(a -> WHEN.format(a.checkInAt())).setHeader("签到").setAutoWidth(true);
        attendance.addColumn(a -> a.checkOutAt() != null ? WHEN.format(a.checkOutAt()) : "未签退").setHeader("签退").setAutoWidth(true);
        attendance.addColumn(a -> a.attendedMinutes() != null ? a.attendedMinutes() + " 分钟" : "").setHeader("在岗时长").setAutoWidth(true);
        attendance.addColumn(a -> a.qualifies() == null ? "" : a.qualifies() ? "达标" : "未达 " + a.requiredMinutes() + " 分钟")
                .setHeader("是否达标").setAutoWidth(true);
        attendance.addColumn(a -> a.confirmed() ? "已确认" : "待确认").setHeader("时长确认").setAutoWidth(true);
        attendance.setAllRowsVisible(true);

        Button confirm = new Button("确认服务时长", click -> confirmHours());
        confirm.setId("volunteer-confirm");
        who.setId("correction-volunteer");
        who.setItemLabelGenerator(a -> a.volunteerName() != null ? a.volunteerName() : a.volunteerId().toString());
        minutes.setId("correction-minutes");
        minutes.setMin(0);
        reason.setId("correction-reason");
        reason.setMaxLength(200);
        Button correct = new Button("更正时长", click -> correctHours());
        correct.setId("volunteer-correct");
        HorizontalLayout correction = new HorizontalLayout(who, minutes, reason, correct);
        correction.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        region.setId("statistics-region");
        region.setHelperText("6 位为县区，9 位为乡镇（街道），12 位为村（社区）");
        Button show = new Button("查询统计", click -> showStatistics());
        show.setId("statistics-show");
        HorizontalLayout query = new HorizontalLayout(region, show);
        query.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        summary.setId("statistics-summary");
        statistics.setId("volunteer-statistics");
        statistics.addColumn(VolunteersClient.Figures::name).setHeader("区域").setAutoWidth(true);
        statistics.addColumn(VolunteersClient.Figures::registered).setHeader("注册志愿者").setAutoWidth(true);
        statistics.addColumn(f -> share(f.registeredShare())).setHeader("占常住人口").setAutoWidth(true);
        statistics.addColumn(f -> f.targetProgress() == null ? "—"
                : String.format(Locale.ROOT, "%.1f%%（目标 %d 人）", f.targetProgress().doubleValue() * 100, f.targetVolunteers()))
                .setHeader("20% 目标完成度").setAutoWidth(true);
        statistics.addColumn(VolunteersClient.Figures::active90d).setHeader("近 90 天活跃").setAutoWidth(true);
        statistics.addColumn(f -> f.confirmedHours().toPlainString()).setHeader("服务时长（小时）").setAutoWidth(true);
        statistics.addColumn(VolunteersClient.Figures::stations).setHeader("服务站").setAutoWidth(true);
        statistics.addColumn(VolunteersClient.Figures::pingAnTeams).setHeader("平安建设队伍").setAutoWidth(true);
        statistics.addColumn(VolunteersClient.Figures::patrolTeams).setHeader("巡防队").setAutoWidth(true);
        statistics.setAllRowsVisible(true);

        add(new H2("志愿服务"), message, new H3("我组织的活动"), activities, new H3("报名名单"), signups,
                new H3("签到与服务时长"), attendance, confirm, correction, new H3("区域统计"), query, summary, statistics);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        region.setValue(StaffSession.current().map(StaffSession::regionCode).orElse("450100"));
        showActivities();
        showStatistics();
    }

    private void showActivities() {
        try {
            List<VolunteersClient.Activity> mine = signIn.withToken(client::organised);
            activities.setItems(mine);
        } catch (GatewayException e) {
            activities.setItems(List.of());
            fail(e);
        }
    }

    private void select(VolunteersClient.Activity activity) {
        selected = activity;
        if (activity == null) {
            signups.setItems(List.of());
            attendance.setItems(List.of());
            who.setItems(List.of());
            return;
        }
        try {
            List<VolunteersClient.Signup> roster = signIn.withToken(token -> client.signups(activity.id(), token));
            signups.setItems(roster);
            List<VolunteersClient.Attendance> present = signIn.withToken(token -> client.attendance(activity.id(), token));
            attendance.setItems(present);
            who.setItems(present);
        } catch (GatewayException e) {
            fail(e);
        }
    }

    private void confirmHours() {
        if (selected == null) {
            say("请先在上方选择一个活动。");
            return;
        }
        try {
            int n = signIn.withToken(token -> client.confirm(selected.id(), token)).size();
            say(n == 0 ? "没有新的达标签到记录需要确认。" : "已确认 " + n + " 名志愿者的服务时长。");
            select(selected);
        } catch (GatewayException e) {
            fail(e);
        }
    }

    private void correctHours() {
        if (selected == null || who.getValue() == null) {
            say("请先选择活动和志愿者。");
            return;
        }
        if (minutes.getValue() == null || reason.getValue().isBlank()) {
            say("请填写更正后的时长和更正原因。");
            return;
        }
        try {
            signIn.withToken(token -> client.correct(selected.id(), who.getValue().volunteerId(), minutes.getValue(), reason.getValue().strip(), token));
            say("已更正服务时长，并记录了更正原因。");
            reason.clear();
            select(selected);
        } catch (GatewayException e) {
            fail(e);
        }
    }

    private void showStatistics() {
        try {
            VolunteersClient.RegionStatistics s = signIn.withToken(token -> client.statistics(region.getValue().strip(), token));
            VolunteersClient.Figures t = s.total();
            summary.setText(String.format(Locale.ROOT, "%s：注册志愿者 %d 人（占常住人口 %s，目标 20%%），近 90 天活跃 %d 人，服务时长 %s 小时；"
                            + "服务站 %d 个，覆盖 %d / %d 个乡镇（街道）；平安建设队伍 %d 支，巡防队 %d 支。", t.name(), t.registered(),
                    share(t.registeredShare()), t.active90d(), t.confirmedHours().toPlainString(), t.stations(), t.townshipsWithStation(),
                    t.townships(), t.pingAnTeams(), t.patrolTeams()));
            statistics.setItems(s.children());
        } catch (GatewayException e) {
            summary.setText("");
            statistics.setItems(List.of());
            fail(e);
        }
    }

    private static String share(BigDecimal share) {
        return share == null ? "人口数据未导入" : String.format(Locale.ROOT, "%.1f%%", share.doubleValue() * 100);
    }

    private void say(String text) {
        message.setText(text);
        message.setVisible(true);
    }

    private void fail(GatewayException e) {
        say(e.getMessage());
    }
}
