package cn.nanning.civic.portal.volunteers;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.MainLayout;
import cn.nanning.civic.portal.base.PortalShell;
import cn.nanning.civic.portal.base.RequiresRole;
import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.gateway.GatewayException;
import cn.nanning.civic.portal.ui.Actions;
import cn.nanning.civic.portal.ui.Outcome;
import cn.nanning.civic.portal.ui.Refusal;
import cn.nanning.civic.portal.ui.Times;
import cn.nanning.civic.portal.ui.Grids;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.micronaut.context.annotation.Prototype;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A volunteer's own screens (我的志愿服务): profile with ID number and phone masked, activities signed up for, confirmed
 * hours with star level, and certificates to download. Volunteers reach the portal with a portal account (role
 * VOLUNTEER, created by their area's administrator) that they link to their record once, with a one-time code from
 * the mini-program where they registered; until then the view asks for that code.
 */
@Prototype
@Route(value = "volunteers/me", layout = MainLayout.class)
@PageTitle("我的志愿服务 | " + PortalShell.PRODUCT)
@Menu(title = "我的志愿服务", order = 11, icon = "vaadin:user-card")
@RequiresRole(Role.VOLUNTEER)
public final class MyVolunteeringView extends VerticalLayout implements BeforeEnterObserver {


    private final VolunteersClient client;
    private final SignIn signIn;
    private final Outcome message = new Outcome("my-volunteering-message");
    final Outcome linkOutcome = new Outcome("portal-link-outcome");
    private final VerticalLayout link = new VerticalLayout();
    private final TextField code = new TextField("关联码");
    private final VerticalLayout content = new VerticalLayout();
    private final Div profile = new Div();
    private final Grid<Row> activities = Grids.saying("您还没有报名活动。", new Grid<>(Row.class, false));
    private final Paragraph hoursSummary = new Paragraph();
    private final Grid<VolunteersClient.MyLedgerEntry> ledger = Grids.saying("还没有服务时长记录。", new Grid<>(VolunteersClient.MyLedgerEntry.class, false));
    private final Grid<VolunteersClient.Certificate> certificates = Grids.saying("还没有志愿服务证明。", new Grid<>(VolunteersClient.Certificate.class, false));

    /** One sign-up with its activity's title, time and place. */
    record Row(UUID activityId, String title, String startsAt, String place, String status) {
    }

    MyVolunteeringView(VolunteersClient client, SignIn signIn) {
        this.client = client;
        this.signIn = signIn;
        setId("my-volunteering");

        code.setId("portal-link-code");
        code.setMaxLength(12);
        code.setHelperText("在微信小程序“我的志愿者档案”中获取，10 分钟内有效，只能使用一次");
        Button linkButton = Actions.primary("关联我的志愿者档案", "portal-link", linkOutcome, this::linkRecord);
        HorizontalLayout linkRow = Actions.row(code, linkButton, linkOutcome);
        link.setId("portal-link-form");
        link.setPadding(false);
        link.add(new Paragraph("您的门户账号尚未关联志愿者档案。请在微信小程序中获取关联码，并在下方输入。"), linkRow);
        link.setVisible(false);

        profile.setId("my-profile");
        activities.setId("my-activities");
        activities.addColumn(Row::title).setHeader("活动").setFlexGrow(1);
        activities.addColumn(Row::startsAt).setHeader("开始时间").setAutoWidth(true);
        activities.addColumn(Row::place).setHeader("地点").setAutoWidth(true);
        activities.addColumn(Row::status).setHeader("报名状态").setAutoWidth(true);
        activities.setAllRowsVisible(true);

        hoursSummary.setId("my-hours-summary");
        ledger.setId("my-hours");
        ledger.addColumn(e -> Times.minute(e.recordedAt())).setHeader("记录时间").setAutoWidth(true);
        ledger.addColumn(e -> e.activityTitle() != null ? e.activityTitle() : "").setHeader("服务内容").setFlexGrow(1);
        ledger.addColumn(e -> hours(e.minutes())).setHeader("时长（小时）").setAutoWidth(true);
        ledger.addColumn(e -> "CORRECTION".equals(e.kind()) ? "更正：" + (e.reason() == null ? "" : e.reason()) : "确认")
                .setHeader("类型").setAutoWidth(true);
        ledger.setAllRowsVisible(true);

        certificates.setId("my-certificates");
        certificates.addColumn(VolunteersClient.Certificate::number).setHeader("证明编号").setAutoWidth(true);
        certificates.addColumn(c -> c.totalHours() == null ? "" : c.totalHours().toPlainString()).setHeader("累计服务时长（小时）").setAutoWidth(true);
        certificates.addColumn(VolunteersClient.Certificate::issuer).setHeader("出具单位").setAutoWidth(true);
        certificates.addColumn(c -> Times.day(c.issuedOn())).setHeader("出具日期").setAutoWidth(true);
        certificates.addColumn(VolunteersClient.Certificate::statusLabel).setHeader("状态").setAutoWidth(true);
        certificates.addComponentColumn(this::download).setHeader("下载").setKey("download").setAutoWidth(true);
        certificates.setAllRowsVisible(true);

        content.setPadding(false);
        content.add(new H3("我的资料"), profile, new H3("我的活动"), activities, new H3("我的服务时长"), hoursSummary, ledger,
                new H3("我的志愿服务证明"), certificates);
        add(new H2("我的志愿服务"), message, link, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show();
    }

    private void show() {
        VolunteersClient.Profile me;
        try {
            me = signIn.withToken(client::me);
        } catch (GatewayException e) {
            boolean unlinked = e.status() == 404;
            link.setVisible(unlinked);
            content.setVisible(!unlinked);
            if (unlinked) {
                message.clear();
            } else {
                message.failed(e.getMessage());
            }
            return;
        }
        link.setVisible(false);
        content.setVisible(true);
        showProfile(me);
        try {
            showActivities();
            showHours();
            certificates.setItems(signIn.withToken(client::myCertificates));
        } catch (GatewayException e) {
            message.failed(e.getMessage());
        }
    }

    private void showProfile(VolunteersClient.Profile me) {
        profile.removeAll();
        List<String> lines = new ArrayList<>();
        lines.add("姓名：" + (me.realName() != null ? me.realName() : "（已撤回同意）"));
        lines.add("身份证号：" + (me.idNumber() != null ? me.idNumber() : "—"));
        lines.add("手机号：" + (me.phone() != null ? me.phone() : "—"));
        lines.add("所在村（社区）：" + (me.homeRegion() == null ? "—" : me.homeRegion()));
        lines.add("技能：" + (me.skills().isEmpty() ? "—" : String.join("、", me.skills())));
        lines.add("档案状态：" + me.statusLabel());
        for (int i = 0; i < lines.size(); i++) {
            Paragraph line = new Paragraph(lines.get(i));
            line.setId("my-profile-" + i);
            profile.add(line);
        }
    }

    private void showActivities() {
        List<VolunteersClient.MySignup> signups = signIn.withToken(client::mySignups);
        Map<UUID, VolunteersClient.ActivityDetail> details = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (VolunteersClient.MySignup s : signups) {
            VolunteersClient.ActivityDetail a = details.computeIfAbsent(s.activityId(),
                    id -> signIn.withToken(token -> client.activity(id, token)));
            String status = s.statusLabel() + (s.waitlistNo() != null ? "（候补第 " + s.waitlistNo() + " 位）" : "");
            rows.add(new Row(a.id(), a.title(), Times.minute(a.startsAt()), a.place(), status));
        }
        activities.setItems(rows);
    }

    private void showHours() {
        VolunteersClient.MyHours h = signIn.withToken(client::myHours);
        StringBuilder text = new StringBuilder("已确认服务时长 ").append((h.confirmedHours() == null ? "0" : h.confirmedHours().toPlainString())).append(" 小时，")
                .append(h.starLabel() == null ? "" : h.starLabel());
        if (h.starsUnderNotice() > h.stars()) {
            text.append("（").append(h.starsUnderNotice()).append(" 星级正在公示）");
        }
        if (h.nextStarAtHours() != null) {
            text.append("；达到 ").append(h.nextStarAtHours()).append(" 小时可升一星");
        }
        if (h.unconfirmedMinutes() > 0) {
            text.append("；另有 ").append(hours((int) h.unconfirmedMinutes())).append(" 小时为个人申报，未经组织确认，不计入时长");
        }
        hoursSummary.setText(text.append("。").toString());
        ledger.setItems(h.ledger());
    }

    private Anchor download(VolunteersClient.Certificate certificate) {
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            // Downloads run outside the UI lock; the token (and its refresh) lives in the locked session.
            byte[][] bytes = new byte[1][];
            event.getSession().accessSynchronously(() ->
                    bytes[0] = signIn.withToken(token -> client.certificatePdf(certificate.number(), token)));
            return new DownloadResponse(new ByteArrayInputStream(bytes[0]), "志愿服务证明-" + certificate.number() + ".pdf",
                    "application/pdf", bytes[0].length);
        }), "下载 PDF");
        anchor.setId("certificate-" + certificate.number());
        anchor.getElement().setAttribute("download", true);
        return anchor;
    }

    private String linkRecord() {
        String value = code.getValue().strip();
        if (value.isEmpty()) {
            throw new Refusal("请输入小程序中显示的关联码。");
        }
        signIn.withToken(token -> client.link(value, token));
        code.clear();
        show();
        message.succeeded("已关联您的志愿者档案。");
        return null;
    }

    private static String hours(int minutes) {
        return java.math.BigDecimal.valueOf(minutes).divide(java.math.BigDecimal.valueOf(60), 1, java.math.RoundingMode.DOWN).toPlainString();
    }

}
