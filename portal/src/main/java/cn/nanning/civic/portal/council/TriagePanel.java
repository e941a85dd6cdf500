package cn.nanning.civic.portal.council;

import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.gateway.GatewayException;
import cn.nanning.civic.portal.ui.Actions;
import cn.nanning.civic.portal.ui.Outcome;
import cn.nanning.civic.portal.ui.Refusal;
import cn.nanning.civic.portal.ui.Grids;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/** 议题分拣: the council's topics still collecting supports; accept, merge or decline with a public reason, or hide. */
final class TriagePanel extends VerticalLayout {

    private final CouncilClient client;
    private final SignIn signIn;
    private final Supplier<String> council;
    final Outcome outcome = new Outcome("council-triage-outcome");
    final Grid<CouncilClient.Topic> topics = Grids.saying("没有征集中的议题。", new Grid<>(CouncilClient.Topic.class, false));
    private final TextArea reason = new TextArea("公开理由");
    private final ComboBox<CouncilClient.Topic> into = new ComboBox<>("合并到议题");
    private final Button accept;
    private final Button decline;
    private final Button merge;
    private final Button hide;

    TriagePanel(CouncilClient client, SignIn signIn, Supplier<String> council) {
        this.client = client;
        this.signIn = signIn;
        this.council = council;
        setId("council-triage");
        setPadding(false);
        topics.setId("council-topics");
        topics.addColumn(CouncilClient.Topic::title).setHeader("议题").setAutoWidth(true);
        topics.addColumn(CouncilClient.Topic::description).setHeader("内容").setFlexGrow(1);
        topics.addColumn(CouncilClient.Topic::sourceLabel).setHeader("来源").setAutoWidth(true);
        topics.addColumn(CouncilClient.Topic::supports).setHeader("附议人数").setAutoWidth(true);
        topics.addColumn(CouncilClient.Topic::statusLabel).setHeader("状态").setAutoWidth(true);
        topics.addColumn(t -> Texts.time(t.createdAt())).setHeader("提出时间").setAutoWidth(true);
        topics.setAllRowsVisible(true);
        topics.asSingleSelect().addValueChangeListener(change -> selected(change.getValue()));
        reason.setId("council-triage-reason");
        reason.setWidthFull();
        reason.setMaxLength(500);
        reason.setHelperText("不采纳、合并与隐藏须公开说明理由，居民可在公开页面看到。");
        into.setId("council-merge-into");
        into.setItemLabelGenerator(CouncilClient.Topic::title);
        into.setWidth("24em");
        accept = Actions.primary("采纳", "council-accept", outcome,
                () -> act((t, token) -> client.triage(t.id(), "accept", reason.getValue(), token), "议题“%s”已采纳。"));
        decline = Actions.confirmed("不采纳", "council-decline", outcome,
                Actions.Confirmation.destructive("不采纳议题", "不采纳的议题及理由会在公开栏展示，提出人将收到通知。确认不采纳所选议题吗？", "确认不采纳"),
                () -> act((t, token) -> client.triage(t.id(), "decline", reason.getValue(), token), "议题“%s”已标记为不采纳，理由已公开。"));
        merge = Actions.confirmed("合并", "council-merge", outcome,
                Actions.Confirmation.of("合并议题", "合并后所选议题的附议人数并入目标议题，合并不能撤销。确认合并吗？", "确认合并"),
                () -> {
                    if (into.getValue() == null) {
                        throw new Refusal("请选择要合并到的议题。");
                    }
                    return act((t, token) -> client.merge(t.id(), into.getValue().id(), reason.getValue(), token),
                            "议题“%s”已合并，附议人数已并入目标议题。");
                });
        hide = Actions.confirmed("隐藏议题", "council-hide-topic", outcome,
                Actions.Confirmation.destructive("隐藏议题", "隐藏后议题在任何页面都不再显示，公开栏只保留隐藏日期和理由，提出人将收到通知。确认隐藏吗？", "确认隐藏"),
                () -> act((t, token) -> {
                    client.hideTopic(t.id(), reason.getValue(), token);
                    return t;
                }, "议题“%s”已隐藏，提出人将收到通知。"));
        selected(null);
        add(new Paragraph("以下为征集中的议题。选择一个议题，填写公开理由后采纳、合并或不采纳；含不当内容的议题可隐藏。"), topics, reason,
                Actions.row(accept, decline, into, merge, hide), outcome);
    }

    void show() {
        String id = council.get();
        if (id == null) {
            topics.setItems(List.of());
            return;
        }
        try {
            List<CouncilClient.Topic> open = signIn.withToken(t -> client.topics(id, "OPEN", t));
            List<CouncilClient.Topic> accepted = signIn.withToken(t -> client.topics(id, "ACCEPTED", t));
            topics.setItems(open);
            into.setItems(java.util.stream.Stream.concat(open.stream(), accepted.stream()).toList());
        } catch (GatewayException e) {
            topics.setItems(List.of());
            outcome.failed(e.getMessage());
        }
    }

    private void selected(CouncilClient.Topic topic) {
        if (topic != null) {
            outcome.clear();
        }
        boolean chosen = topic != null;
        accept.setEnabled(chosen);
        decline.setEnabled(chosen);
        merge.setEnabled(chosen);
        hide.setEnabled(chosen);
    }

    private String act(BiFunction<CouncilClient.Topic, String, Object> action, String done) {
        CouncilClient.Topic topic = topics.asSingleSelect().getValue();
        if (topic == null) {
            throw new Refusal("请先选择一个议题。");
        }
        signIn.withToken(token -> action.apply(topic, token));
        reason.clear();
        into.clear();
        show();
        return String.format(done, topic.title());
    }
}
