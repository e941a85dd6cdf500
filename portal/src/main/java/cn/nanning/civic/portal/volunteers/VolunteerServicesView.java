package cn.nanning.civic.portal.volunteers;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.MainLayout;
import cn.nanning.civic.portal.base.PortalShell;
import cn.nanning.civic.portal.base.RegionDirectory;
import cn.nanning.civic.portal.base.RequiresRole;
import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.base.StaffSession;
import cn.nanning.civic.portal.gateway.GatewayException;
import cn.nanning.civic.portal.ui.Actions;
import cn.nanning.civic.portal.ui.Outcome;
import cn.nanning.civic.portal.ui.Refusal;
import cn.nanning.civic.portal.ui.RegionPicker;
import cn.nanning.civic.portal.ui.Times;
import cn.nanning.civic.portal.ui.Grids;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.BinderValidationStatus;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Volunteer services for organisers and admins (志愿服务): their activities with sign-ups and attendance, confirming
 * hours and correcting them with a reason, certificates (issued from an attendance row, or on a volunteer's request from
 * the grid of the area's open requests, or declined with a reason), and the area's statistics against the 20%
 * registration target.
 */
@Prototype
@Route(value = "volunteers", layout = MainLayout.class)
@PageTitle("志愿服务 | " + PortalShell.PRODUCT)
@Menu(title = "志愿服务", order = 10, icon = "vaadin:heart")
@RequiresRole({Role.ORGANIZER, Role.ADMIN})
public final class VolunteerServicesView extends VerticalLayout implements BeforeEnterObserver {


    private final VolunteersClient client;
    private final SignIn signIn;
    private final Outcome message = new Outcome("volunteers-message");
    private final Outcome hoursOutcome = new Outcome("volunteers-hours-outcome");
    private final Outcome correctionOutcome = new Outcome("volunteers-correction-outcome");
    private final Outcome statisticsOutcome = new Outcome("statistics-outcome");
    private final Grid<VolunteersClient.Activity> activities = Grids.saying("您还没有组织的活动。", new Grid<>(VolunteersClient.Activity.class, false));
    private final Grid<VolunteersClient.Signup> signups = Grids.saying("请先选择一个活动；所选活动还没有人报名。", new Grid<>(VolunteersClient.Signup.class, false));
    private final Grid<VolunteersClient.RosterEntry> contacts = Grids.saying("选择活动并点击上方按钮后显示报名者的姓名和电话。", new Grid<>(VolunteersClient.RosterEntry.class, false));
    private final Outcome contactsOutcome = new Outcome("volunteers-contacts-outcome");
    private final Grid<VolunteersClient.Attendance> attendance = Grids.saying("请先选择一个活动；所选活动还没有签到记录。", new Grid<>(VolunteersClient.Attendance.class, false));
    private final ComboBox<VolunteersClient.Attendance> who = new ComboBox<>("志愿者");
    private final IntegerField minutes = new IntegerField("更正后时长（分钟）");
    private final TextField reason = new TextField("更正原因");
    private final RegionPicker region;
    private final Paragraph summary = new Paragraph();
    private final Grid<VolunteersClient.Figures> statistics = Grids.saying("没有统计数据。", new Grid<>(VolunteersClient.Figures.class, false));
    private VolunteersClient.Activity selected;
    private final ActivityForm form;
    private final Outcome activityOutcome = new Outcome("activity-outcome");
    private final Button editActivity;
    private final Button cancelActivity;
    private final com.vaadin.flow.component.html.Anchor checkIn = new com.vaadin.flow.component.html.Anchor();
    private final TextField issuer = new TextField("出具证明的组织");
    private final TextField issuerContact = new TextField("组织联系电话");
    private final Outcome certificateOutcome = new Outcome("certificate-outcome");
    private final Binder<IssuerDetails> issuerBinder = new Binder<>(IssuerDetails.class);
    private final Grid<VolunteersClient.CertificateRequest> requests = Grids.saying("目前没有待处理的证明申请。",
            new Grid<>(VolunteersClient.CertificateRequest.class, false));
    private final Outcome requestsOutcome = new Outcome("certificate-requests-outcome");
    private final Paragraph requestsSummary = new Paragraph();
    /** The certificate just issued, to print and hand over on the spot. */
    private final com.vaadin.flow.component.html.Anchor certificatePdf = new com.vaadin.flow.component.html.Anchor();

    VolunteerServicesView(VolunteersClient client, SignIn signIn, RegionDirectory regions) {
        this.client = client;
        this.signIn = signIn;
        this.region = new RegionPicker(regions, "统计区域", RegionPicker.Depth.ANY);
        this.form = new ActivityForm(client, signIn, regions, saved -> {
            showActivities();
            activities.getGenericDataView().getItems().filter(a -> a.id().equals(saved.id())).findFirst().ifPresent(activities::select);
        });
        editActivity = Actions.button("修改所选活动", "activity-edit", activityOutcome, () -> {
            if (selected == null) {
                throw new Refusal("请先在上表中选择一个活动。");
            }
            form.edit(selected);
            return "已在下方表单中打开“" + selected.title() + "”，修改后点击“保存修改”。";
        });
        cancelActivity = Actions.withReason("取消所选活动", "activity-cancel", activityOutcome,
                Actions.Confirmation.destructive("取消活动", "取消后已报名的志愿者都会收到通知，活动不能恢复。确认取消所选活动吗？", "确认取消活动"),
                "取消原因（会告知报名的志愿者）", reason -> {
                    if (selected == null) {
                        throw new Refusal("请先在上表中选择一个活动。");
                    }
                    VolunteersClient.Activity done = signIn.withToken(token -> client.cancel(selected.id(), reason, token));
                    showActivities();
                    return "已取消“" + done.title() + "”，已通知报名的志愿者。";
                });
        checkIn.setId("activity-check-in");
        checkIn.setText("打开现场签到码（二维码）");
        checkIn.setTarget("_blank");
        checkIn.setVisible(false);
        issuer.setId("certificate-issuer");
        issuer.setMaxLength(60);
        issuer.setWidth("16em");
        issuerContact.setId("certificate-contact");
        certificatePdf.setId("certificate-pdf");
        certificatePdf.getElement().setAttribute("download", true);
        certificatePdf.setVisible(false);
        issuerContact.setMaxLength(40);
        issuerBinder.forField(issuer).asRequired("请先填写出具证明的组织名称。").bind(IssuerDetails::getName, IssuerDetails::setName);
        issuerBinder.forField(issuerContact).asRequired("请先填写出具组织的联系电话。").bind(IssuerDetails::getContact, IssuerDetails::setContact);
        issuerBinder.setBean(new IssuerDetails());
        setId("volunteers");

        requests.setId("certificate-requests");
        requests.addColumn(r -> r.volunteerName() != null ? r.volunteerName() : "").setHeader("志愿者").setAutoWidth(true);
        requests.addColumn(VolunteersClient.CertificateRequest::kindLabel).setHeader("申请的证明").setAutoWidth(true);
        requests.addColumn(r -> r.purpose() != null ? r.purpose() : "未填写").setHeader("用途").setFlexGrow(1);
        requests.addColumn(r -> r.confirmedHours() == null ? "" : r.confirmedHours().toPlainString()).setHeader("已确认时长（小时）").setAutoWidth(true);
        requests.addColumn(r -> Times.minute(r.requestedAt())).setHeader("申请时间").setAutoWidth(true);
        requests.addComponentColumn(this::requestActions).setHeader("处理").setKey("decide").setAutoWidth(true);
        requests.setAllRowsVisible(true);
        requestsSummary.setId("certificate-requests-summary");

        activities.setId("volunteer-activities");
        activities.addColumn(VolunteersClient.Activity::title).setHeader("活动").setFlexGrow(1);
        activities.addColumn(a -> Times.minute(a.startsAt())).setHeader("开始时间").setAutoWidth(true);
        activities.addColumn(VolunteersClient.Activity::place).setHeader("地点").setAutoWidth(true);
        activities.addColumn(a -> a.confirmed() + " / " + a.capacity()).setHeader("已报名 / 名额").setAutoWidth(true);
        activities.addColumn(a -> "CANCELLED".equals(a.status()) ? "已取消" : "已发布").setHeader("状态").setAutoWidth(true);
        activities.setPartNameGenerator(a -> "CANCELLED".equals(a.status()) ? "cancelled" : null);
        activities.setAllRowsVisible(true);
        activities.asSingleSelect().addValueChangeListener(e -> select(e.getValue()));

        signups.setId("volunteer-signups");
        signups.addColumn(s -> s.volunteerName() != null ? s.volunteerName() : "").setHeader("志愿者").setAutoWidth(true);
        signups.addColumn(VolunteersClient.Signup::statusLabel).setHeader("报名状态").setAutoWidth(true);
        signups.addColumn(s -> s.waitlistNo() != null ? String.valueOf(s.waitlistNo()) : "").setHeader("候补序号").setAutoWidth(true);
        signups.addColumn(s -> Times.minute(s.signedUpAt())).setHeader("报名时间").setAutoWidth(true);
        signups.setAllRowsVisible(true);

        contacts.setId("volunteer-roster-contacts");
        contacts.addColumn(VolunteersClient.RosterEntry::name).setHeader("姓名").setAutoWidth(true);
        contacts.addColumn(VolunteersClient.RosterEntry::phone).setHeader("手机号码").setAutoWidth(true);
        contacts.addColumn(VolunteersClient.RosterEntry::statusLabel).setHeader("报名状态").setFlexGrow(1);
        contacts.setAllRowsVisible(true);
        contacts.setVisible(false);

        attendance.setId("volunteer-attendance");
        attendance.addColumn(a -> a.volunteerName() != null ? a.volunteerName() : "").setHeader("志愿者").setAutoWidth(true);
        attendance.addColumn(a -> Times.minute(a.checkInAt())).setHeader("签到").setAutoWidth(true);
        attendance.addColumn(a -> a.checkOutAt() != null ? Times.minute(a.checkOutAt()) : "未签退").setHeader("签退").setAutoWidth(true);
        attendance.addColumn(a -> a.attendedMinutes() != null ? a.attendedMinutes() + " 分钟" : "").setHeader("在岗时长").setAutoWidth(true);
        attendance.addColumn(a -> a.qualifies() == null ? "" : a.qualifies() ? "达标" : "未达 " + a.requiredMinutes() + " 分钟")
                .setHeader("是否达标").setAutoWidth(true);
        attendance.addColumn(a -> a.confirmed() ? "已确认" : "待确认").setHeader("时长确认").setAutoWidth(true);
        attendance.addComponentColumn(this::certificateButton).setHeader("志愿服务证明").setAutoWidth(true);
        attendance.setAllRowsVisible(true);

        Button confirm = Actions.confirmed("确认服务时长", "volunteer-confirm", hoursOutcome,
                Actions.Confirmation.of("确认服务时长", "将为所选活动中所有已签退且达到最低时长的志愿者确认服务时长，"
                        + "确认后计入其志愿服务记录（之后如有错误只能逐人更正并说明原因）。确认吗？", "确认"),
                this::confirmHours);
        who.setId("correction-volunteer");
        who.setItemLabelGenerator(a -> a.volunteerName() != null ? a.volunteerName() : "（未具名志愿者）");
        minutes.setId("correction-minutes");
        minutes.setMin(0);
        reason.setId("correction-reason");
        reason.setMaxLength(200);
        Button correct = Actions.button("更正时长", "volunteer-correct", correctionOutcome, this::correctHours);
        HorizontalLayout correction = Actions.row(who, minutes, reason, correct, correctionOutcome);

        region.setId("statistics-region");
        Button show = Actions.button("查询统计", "statistics-show", statisticsOutcome, () -> {
            showStatistics();
            return null;
        });
        HorizontalLayout query = Actions.row(region, show, statisticsOutcome);
        summary.setId("statistics-summary");
        statistics.setId("volunteer-statistics");
        statistics.addColumn(VolunteersClient.Figures::name).setHeader("区域").setAutoWidth(true);
        statistics.addColumn(VolunteersClient.Figures::registered).setHeader("注册志愿者").setAutoWidth(true);
        statistics.addColumn(f -> share(f.registeredShare())).setHeader("占常住人口").setAutoWidth(true);
        statistics.addColumn(f -> f.targetProgress() == null ? "—"
                : String.format(Locale.ROOT, "%.1f%%（目标 %d 人）", f.targetProgress().doubleValue() * 100, f.targetVolunteers()))
                .setHeader("20% 目标完成度").setAutoWidth(true);
        statistics.addColumn(VolunteersClient.Figures::active90d).setHeader("近 90 天活跃").setAutoWidth(true);
        statistics.addColumn(f -> hours(f.confirmedHours())).setHeader("服务时长（小时）").setAutoWidth(true);
        statistics.addColumn(VolunteersClient.Figures::stations).setHeader("服务站").setAutoWidth(true);
        statistics.addColumn(VolunteersClient.Figures::pingAnTeams).setHeader("平安建设队伍").setAutoWidth(true);
        statistics.addColumn(VolunteersClient.Figures::patrolTeams).setHeader("巡防队").setAutoWidth(true);
        statistics.setAllRowsVisible(true);

        add(new H2("志愿服务"), message, new H3("我组织的活动"), activities, Actions.row(editActivity, cancelActivity, checkIn, activityOutcome), new H3("报名名单"), signups,
                Actions.row(Actions.button("显示姓名和电话（用于联系志愿者，查看留痕）", "volunteer-show-contacts", contactsOutcome,
                        this::showContacts), contactsOutcome), contacts,
                new H3("签到与服务时长"), attendance, Actions.row(confirm, hoursOutcome), correction,
                Actions.row(issuer, issuerContact, certificateOutcome, certificatePdf),
                new H3("志愿者的证明申请"), requestsSummary, requests, Actions.row(requestsOutcome),
                form, new H3("区域统计"), query, summary, statistics);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        region.startAtOwnArea();
        // Publishing is the organiser's; an administrator oversees the area's activities.
        boolean organiser = StaffSession.current().map(s -> s.roles().contains(Role.ORGANIZER)).orElse(false);
        form.setVisible(organiser);
        if (organiser) {
            form.startNew();
        }
        showActivities();
        showRequests();
        showStatistics();
    }

    /** The open certificate requests of the area's volunteers, the oldest first. */
    private void showRequests() {
        try {
            var page = signIn.withToken(client::openCertificateRequests);
            requests.setItems(page.items());
            requestsSummary.setText(page.total() == 0 ? "志愿者在小程序中申请证明后，会显示在这里。"
                    : "共 " + page.total() + " 份待处理的申请" + (page.total() > page.items().size() ? "，先显示最早的 " + page.items().size() + " 份" : "")
                    + "；出具时使用上方填写的组织名称和联系电话，处理结果会通知志愿者。");
        } catch (GatewayException e) {
            requests.setItems(List.of());
            requestsSummary.setText("");
            fail(e);
        }
    }

    /** 出具 (with the organisation above) or 不予出具 (with a reason the volunteer reads) for one request. */
    private HorizontalLayout requestActions(VolunteersClient.CertificateRequest row) {
        String who = row.volunteerName() == null ? "该志愿者" : row.volunteerName();
        int index = requests.getListDataView().getItems().toList().indexOf(row);
        Button issue = Actions.button("出具证明", "request-issue-" + index, requestsOutcome, () -> {
            IssuerDetails details = issuerDetails();
            VolunteersClient.CertificateRequest done = signIn.withToken(token -> client.issueRequested(row.id(), details.getName(),
                    details.getContact(), token));
            showRequests();
            if (done.certificateNumber() != null) {
                offerPdf(done.certificateNumber());
            }
            return "已按申请为 " + who + " 出具" + done.kindLabel() + (done.certificateNumber() != null ? "，编号 " + done.certificateNumber() : "")
                    + "；已通知志愿者。";
        });
        Button decline = Actions.withReason("不予出具", "request-decline-" + index, requestsOutcome,
                Actions.Confirmation.destructive("不予出具证明", "将告知 " + who + " 本次申请未出具证明及原因。确认吗？", "确认不予出具"),
                "不予出具的原因（会告知志愿者）", reason -> {
                    signIn.withToken(token -> client.declineRequested(row.id(), reason, token));
                    showRequests();
                    return "已告知 " + who + " 本次申请未出具及原因。";
                });
        issue.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_SMALL);
        decline.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_SMALL);
        return new HorizontalLayout(issue, decline);
    }

    /** The organisation's name and phone from the fields above, checked by the binder. */
    private IssuerDetails issuerDetails() {
        BinderValidationStatus<IssuerDetails> status = issuerBinder.validate();
        if (!status.isOk()) {
            throw new Refusal(status.getValidationErrors().stream().findFirst().map(ValidationResult::getErrorMessage)
                    .orElse("请先填写出具证明的组织名称和联系电话。"));
        }
        return issuerBinder.getBean();
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
        if (activity == null || selected == null || !activity.id().equals(selected.id())) {
            hoursOutcome.clear();
            correctionOutcome.clear();
            certificateOutcome.clear();
            certificatePdf.setVisible(false);
        }
        selected = activity;
        checkIn.setVisible(activity != null && !"CANCELLED".equals(activity.status()));
        if (activity != null) {
            checkIn.setHref("volunteers/check-in/" + activity.id());
        }
        contacts.setVisible(false);
        contacts.setItems(List.of());
        contactsOutcome.clear();
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

    /** Issues the certificate of a volunteer's confirmed hours, in the organisation's name given above. */
    private Button certificateButton(VolunteersClient.Attendance row) {
        Button issue = new Button("出具证明", click -> certificateOutcome.run(() -> {
            IssuerDetails details = issuerDetails();
            VolunteersClient.Certificate issued = signIn.withToken(token -> client.issueCertificate(row.volunteerId(),
                    details.getName(), details.getContact(), token));
            offerPdf(issued.number());
            return "已为 " + (row.volunteerName() == null ? "该志愿者" : row.volunteerName()) + " 出具志愿服务证明，编号 "
                    + issued.number() + "，累计 " + issued.totalHours().toPlainString() + " 小时；志愿者可在小程序和门户下载。";
        }));
        issue.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_SMALL);
        issue.setEnabled(row.confirmed());
        return issue;
    }

    /** The issued certificate's PDF (the issuing organiser may read it), fetched with the organiser's token when clicked. */
    private void offerPdf(String number) {
        certificatePdf.setHref(com.vaadin.flow.server.streams.DownloadHandler.fromInputStream(event -> {
            // Downloads run outside the UI lock; the token (and its refresh) lives in the locked session.
            byte[][] bytes = new byte[1][];
            event.getSession().accessSynchronously(() -> bytes[0] = signIn.withToken(token -> client.certificatePdf(number, token)));
            return new com.vaadin.flow.server.streams.DownloadResponse(new java.io.ByteArrayInputStream(bytes[0]),
                    "志愿服务证明-" + number + ".pdf", "application/pdf", bytes[0].length);
        }));
        certificatePdf.setText("下载证明 " + number + "（PDF）");
        certificatePdf.setVisible(true);
    }

    private String showContacts() {
        if (selected == null) {
            throw new Refusal("请先在上方选择一个活动。");
        }
        List<VolunteersClient.RosterEntry> entries = signIn.withToken(token -> client.rosterContacts(selected.id(), token));
        contacts.setItems(entries);
        contacts.setVisible(true);
        return entries.isEmpty() ? "该活动还没有有效的报名。" : "已显示 " + entries.size() + " 名志愿者的联系方式，本次查看已记录。";
    }

    private String confirmHours() {
        if (selected == null) {
            throw new Refusal("请先在上方选择一个活动。");
        }
        int n = signIn.withToken(token -> client.confirm(selected.id(), token)).size();
        select(selected);
        return n == 0 ? "没有新的达标签到记录需要确认。" : "已确认 " + n + " 名志愿者的服务时长。";
    }

    private String correctHours() {
        if (selected == null || who.getValue() == null) {
            throw new Refusal("请先选择活动和志愿者。");
        }
        if (minutes.getValue() == null || reason.getValue().isBlank()) {
            throw new Refusal("请填写更正后的时长和更正原因。");
        }
        signIn.withToken(token -> client.correct(selected.id(), who.getValue().volunteerId(), minutes.getValue(), reason.getValue().strip(), token));
        reason.clear();
        select(selected);
        return "已更正服务时长，并记录了更正原因。";
    }

    private void showStatistics() {
        try {
            VolunteersClient.RegionStatistics s = signIn.withToken(token -> client.statistics(region.chosen(), token));
            VolunteersClient.Figures t = s.total();
            if (t == null) {
                summary.setText("该区域暂无志愿服务统计。");
                statistics.setItems(List.of());
                return;
            }
            summary.setText(String.format(Locale.ROOT, "%s：注册志愿者 %d 人（占常住人口 %s，目标 20%%），近 90 天活跃 %d 人，服务时长 %s 小时；"
                            + "服务站 %d 个，覆盖 %d / %d 个乡镇（街道）；平安建设队伍 %d 支，巡防队 %d 支。", t.name(), t.registered(),
                    share(t.registeredShare()), t.active90d(), hours(t.confirmedHours()), t.stations(), t.townshipsWithStation(),
                    t.townships(), t.pingAnTeams(), t.patrolTeams()));
            statistics.setItems(s.children());
        } catch (GatewayException e) {
            summary.setText("");
            statistics.setItems(List.of());
            statisticsOutcome.failed(e.getMessage());
        }
    }

    private static String hours(BigDecimal hours) {
        return hours == null ? "0" : hours.toPlainString();
    }

    private static String share(BigDecimal share) {
        return share == null ? "人口数据未导入" : String.format(Locale.ROOT, "%.1f%%", share.doubleValue() * 100);
    }

    private void fail(GatewayException e) {
        message.failed(e.getMessage());
    }
}
