package cn.nanning.civic.portal.council;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.MainLayout;
import cn.nanning.civic.portal.base.PortalShell;
import cn.nanning.civic.portal.base.RequiresRole;
import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.gateway.GatewayException;
import cn.nanning.civic.portal.ui.Actions;
import cn.nanning.civic.portal.ui.Outcome;
import cn.nanning.civic.portal.ui.Refusal;
import cn.nanning.civic.portal.ui.Grids;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;

import java.util.List;
import java.util.stream.Collectors;

/**
 * 议事审核: the council's moderation queue — topics and opinions waiting for review (WeChat asked for it, or there was
 * no openid to check with) and topics and opinions residents reported. Publish (a reported item: keep it), or hide with
 * a reason the author is told.
 */
@Prototype
@Route(value = "council/moderation", layout = MainLayout.class)
@PageTitle("议事审核 | " + PortalShell.PRODUCT)
@Menu(title = "议事审核", order = 51, icon = "vaadin:check-square-o")
@RequiresRole({Role.CONVENER, Role.ADMIN})
public final class ModerationView extends VerticalLayout implements BeforeEnterObserver {

    private final CouncilClient client;
    private final SignIn signIn;
    private final Outcome message = new Outcome("moderation-message");
    private final Outcome outcome = new Outcome("moderation-outcome");
    private final CouncilPicker picker = new CouncilPicker("moderation-council");
    final Grid<CouncilClient.QueueItem> queue = Grids.saying("没有待审核的内容。", new Grid<>(CouncilClient.QueueItem.class, false));
    private final Button approve;
    private final Button hide;

    ModerationView(CouncilClient client, SignIn signIn) {
        this.client = client;
        this.signIn = signIn;
        setId("council-moderation");
        queue.setId("moderation-queue");
        queue.addColumn(CouncilClient.QueueItem::kindLabel).setHeader("类型").setAutoWidth(true);
        queue.addColumn(CouncilClient.QueueItem::topicTitle).setHeader("议题").setAutoWidth(true);
        queue.addColumn(CouncilClient.QueueItem::content).setHeader("内容").setFlexGrow(1);
        queue.addColumn(CouncilClient.QueueItem::statusLabel).setHeader("状态").setAutoWidth(true);
        queue.addColumn(ModerationView::why).setHeader("送审原因").setAutoWidth(true);
        queue.addColumn(q -> q.reports().stream().map(CouncilClient.Report::reason).collect(Collectors.joining("；")))
                .setHeader("举报理由").setAutoWidth(true);
        queue.addColumn(q -> Texts.time(q.createdAt())).setHeader("提交时间").setAutoWidth(true);
        queue.setAllRowsVisible(true);
        approve = Actions.primary("通过并公开", "moderation-approve", outcome, () -> decide(true, ""));
        hide = Actions.withReason("隐藏", "moderation-hide", outcome,
                Actions.Confirmation.destructive("隐藏内容", "隐藏后该内容在任何页面都不再显示，作者将收到通知和理由。", "确认隐藏"),
                "隐藏理由", reason -> decide(false, reason));
        queue.asSingleSelect().addValueChangeListener(change -> {
            approve.setEnabled(change.getValue() != null);
            hide.setEnabled(change.getValue() != null);
            if (change.getValue() != null) {
                outcome.clear();
                approve.setText("VISIBLE".equals(change.getValue().status()) ? "保留公开" : "通过并公开");
            }
        });
        approve.setEnabled(false);
        hide.setEnabled(false);
        picker.addValueChangeListener(change -> reload());
        add(new H2("议事审核"), new Paragraph("待审核的议题和意见，以及被居民举报的议题和意见。通过后公开（被举报的保留公开）；"
                + "隐藏须说明理由，作者将收到通知，隐藏的内容在任何页面都不再显示。"), message, picker, queue, Actions.row(approve, hide, outcome));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        picker.load(client, signIn, message, null);
    }

    private void reload() {
        String id = picker.councilId();
        if (id == null) {
            queue.setItems(List.of());
            return;
        }
        try {
            List<CouncilClient.QueueItem> items = signIn.withToken(token -> client.moderationQueue(id, token));
            queue.setItems(items);
            if (items.isEmpty()) {
                message.note("审核队列为空，没有待审核或被举报的内容。");
            } else {
                message.clear();
            }
        } catch (GatewayException e) {
            queue.setItems(List.of());
            message.failed(e.getMessage());
        }
    }

    private String decide(boolean publish, String reason) {
        CouncilClient.QueueItem item = queue.asSingleSelect().getValue();
        if (item == null) {
            throw new Refusal("请先在列表中选择一项内容。");
        }
        signIn.withToken(token -> {
            client.moderate(item, publish, reason, token);
            return item;
        });
        reload();
        return !publish ? "已隐藏，作者将收到通知和理由。"
                : "VISIBLE".equals(item.status()) ? "已保留公开，相关举报已处理。" : "已通过并公开，作者将收到通知。";
    }

    /** Why an item is in the queue: a published item is there because residents reported it. */
    static String why(CouncilClient.QueueItem item) {
        return "VISIBLE".equals(item.status()) && !item.reports().isEmpty() ? "居民举报" : checkLabel(item.checkResult());
    }

    /** Why an item is in the queue, for people. */
    static String checkLabel(String checkResult) {
        if (checkResult == null) {
            return "居民举报";
        }
        if (checkResult.startsWith("no-openid")) {
            return "无法由微信检测（代录入或旧版登录），需人工审核";
        }
        if (checkResult.startsWith("wechat-unavailable")) {
            return "微信内容安全接口暂不可用";
        }
        if (checkResult.startsWith("wechat:review")) {
            return "微信内容安全建议人工复核";
        }
        return "wechat:pass".equals(checkResult) ? "居民举报" : "需人工审核";
    }
}
