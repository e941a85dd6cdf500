package cn.nanning.civic.portal.council;

import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.gateway.GatewayException;
import cn.nanning.civic.portal.ui.Actions;
import cn.nanning.civic.portal.ui.Outcome;
import cn.nanning.civic.portal.ui.Refusal;
import cn.nanning.civic.portal.ui.Widgets;
import cn.nanning.civic.portal.ui.Grids;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * 四议两公开登记: the council's major matters; for the chosen one its register (every holding of a step, failed ones
 * included) and the form for the next voting step. The services keep the order and the quorum arithmetic.
 */
final class StepRegisterPanel extends VerticalLayout {

    static final Map<String, String> STEPS = Map.of("PROPOSAL", "党组织提议", "COMMITTEES_DISCUSSION", "两委会商议",
            "PARTY_REVIEW", "党员大会审议", "RESIDENTS_RESOLUTION", "村民会议（代表会议）决议");

    private final CouncilClient client;
    private final SignIn signIn;
    private final Supplier<String> council;
    final Grid<CouncilClient.DecisionSummary> decisions = Grids.saying("还没有议事决定。", new Grid<>(CouncilClient.DecisionSummary.class, false));
    final Grid<CouncilClient.Step> register = Grids.saying("还没有登记的步骤。", new Grid<>(CouncilClient.Step.class, false));
    private final ComboBox<CouncilClient.Topic> topic = new ComboBox<>("所依据的已采纳议题（可选）");
    private final Select<String> step = new Select<>();
    private final Paragraph next = new Paragraph();
    final Outcome openOutcome = new Outcome("council-open-outcome");
    final Outcome stepOutcome = new Outcome("council-step-outcome");

    StepRegisterPanel(CouncilClient client, SignIn signIn, Supplier<String> council) {
        this.client = client;
        this.signIn = signIn;
        this.council = council;
        setId("council-steps-panel");
        setPadding(false);
        decisions.setId("council-decisions");
        decisions.addColumn(CouncilClient.DecisionSummary::title).setHeader("事项").setFlexGrow(1);
        decisions.addColumn(CouncilClient.DecisionSummary::statusLabel).setHeader("状态").setAutoWidth(true);
        decisions.addColumn(d -> Texts.orEmpty(d.nextStepLabel())).setHeader("下一步").setAutoWidth(true);
        decisions.addColumn(d -> d.progress() + "%").setHeader("实施进度").setAutoWidth(true);
        decisions.setAllRowsVisible(true);
        decisions.asSingleSelect().addValueChangeListener(change -> showRegister());

        register.setId("council-register");
        register.addColumn(CouncilClient.Step::stepLabel).setHeader("步骤").setAutoWidth(true);
        register.addColumn(CouncilClient.Step::attempt).setHeader("次数").setAutoWidth(true);
        register.addColumn(s -> Texts.time(s.heldAt())).setHeader("时间").setAutoWidth(true);
        register.addColumn(s -> Texts.orEmpty(s.motionSource())).setHeader("动议来源").setAutoWidth(true);
        register.addColumn(s -> Texts.orEmpty(s.expectedAttendance())).setHeader("应到").setAutoWidth(true);
        register.addColumn(s -> Texts.orEmpty(s.actualAttendance())).setHeader("实到").setAutoWidth(true);
        register.addColumn(s -> s.votesFor() == null ? "" : s.votesFor() + " / " + s.votesAgainst() + " / " + s.votesAbstain())
                .setHeader("赞成/反对/弃权").setAutoWidth(true);
        register.addColumn(s -> (failed(s) ? "✗ " : "") + s.outcomeLabel()).setHeader("结果").setAutoWidth(true);
        register.addColumn(s -> Texts.orEmpty(s.explanation() != null ? s.explanation() : s.content())).setHeader("说明").setFlexGrow(1);
        register.addColumn(s -> Texts.orEmpty(s.supervisorsComments())).setHeader("监督意见").setAutoWidth(true);
        register.setAllRowsVisible(true);
        register.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        register.setPartNameGenerator(s -> failed(s) ? "failed" : null);

        TextField title = new TextField("事项名称");
        title.setId("council-decision-title");
        TextArea matter = new TextArea("事项内容");
        matter.setId("council-decision-matter");
        matter.setWidthFull();
        topic.setId("council-decision-topic");
        topic.setItemLabelGenerator(CouncilClient.Topic::title);
        Button open = Actions.primary("发起事项", "council-open-decision", openOutcome, () -> {
            if (title.isEmpty() || matter.isEmpty()) {
                throw new Refusal("请填写事项名称和内容。");
            }
            signIn.withToken(token -> client.openDecision(council.get(), title.getValue(), matter.getValue(),
                    topic.getValue() == null ? null : topic.getValue().id(), token));
            String opened = title.getValue().strip();
            title.clear();
            matter.clear();
            show();
            return "事项“" + opened + "”已发起，请在上表中选择它，按党组织提议、两委会商议、党员大会审议、村民会议（代表会议）决议的顺序登记。";
        });

        next.setId("council-next-step");
        step.setId("council-step");
        step.setLabel("步骤");
        step.setItems("PROPOSAL", "COMMITTEES_DISCUSSION", "PARTY_REVIEW", "RESIDENTS_RESOLUTION");
        step.setItemLabelGenerator(STEPS::get);
        DateTimePicker heldAt = Widgets.dateTimePicker("会议时间");
        heldAt.setId("council-step-held-at");
        TextField motion = new TextField("动议来源");
        motion.setId("council-step-motion");
        IntegerField expected = number("应到人数", "council-step-expected");
        IntegerField actual = number("实到人数", "council-step-actual");
        IntegerField votesFor = number("赞成", "council-step-for");
        IntegerField against = number("反对", "council-step-against");
        IntegerField abstain = number("弃权", "council-step-abstain");
        TextArea supervisors = new TextArea("村务监督委员会意见");
        supervisors.setId("council-step-supervisors");
        supervisors.setWidthFull();
        Button hold = Actions.primary("登记本步骤", "council-register-step", stepOutcome, () -> {
            CouncilClient.DecisionSummary d = decisions.asSingleSelect().getValue();
            if (d == null || step.isEmpty() || heldAt.isEmpty()) {
                throw new Refusal("请选择事项、步骤和会议时间。");
            }
            Map<String, Object> body = new HashMap<>();
            body.put("step", step.getValue());
            body.put("heldAt", heldAt.getValue().atZone(Texts.NANNING).toInstant().toString());
            body.put("motionSource", motion.getValue());
            body.put("expectedAttendance", expected.getValue());
            body.put("actualAttendance", actual.getValue());
            body.put("votesFor", votesFor.getValue());
            body.put("votesAgainst", against.getValue());
            body.put("votesAbstain", abstain.getValue());
            body.put("supervisorsComments", supervisors.getValue());
            CouncilClient.Decision after = signIn.withToken(token -> client.registerStep(d.id(), body, token));
            CouncilClient.Step last = after.register().get(after.register().size() - 1);
            // The next step is another meeting: its figures are not these.
            List.of(expected, actual, votesFor, against, abstain).forEach(IntegerField::clear);
            heldAt.clear();
            motion.clear();
            supervisors.clear();
            show();
            decisions.getGenericDataView().getItems().filter(x -> x.id().equals(d.id())).findFirst().ifPresent(decisions::select);
            return "已登记：" + last.stepLabel() + "，" + last.outcomeLabel() + "。";
        });
        add(new Paragraph("重大事项须依次经过党组织提议、两委会商议、党员大会审议（到会党员不少于三分之二，赞成超过到会半数）、"
                        + "村民会议或村民代表会议决议（按章程），不能跳过；到会人数不足的表决记为无效，须重新召开。"),
                decisions, new H4("发起新事项"), Actions.row(title, topic), matter, Actions.row(open, openOutcome),
                new H4("步骤登记簿"), next, register, Actions.row(step, heldAt, motion),
                Actions.row(expected, actual, votesFor, against, abstain), supervisors, Actions.row(hold, stepOutcome));
    }

    /** A holding that did not carry the step (no quorum or voted down). */
    static boolean failed(CouncilClient.Step s) {
        return "NO_QUORUM".equals(s.outcome()) || "REJECTED".equals(s.outcome());
    }

    private static IntegerField number(String label, String id) {
        IntegerField field = new IntegerField(label);
        field.setId(id);
        field.setMin(0);
        field.setWidth("7em");
        return field;
    }

    void show() {
        String id = council.get();
        if (id == null) {
            return;
        }
        try {
            List<CouncilClient.DecisionSummary> list = signIn.withToken(token -> client.decisions(id, token));
            decisions.setItems(list);
            List<CouncilClient.Topic> accepted = signIn.withToken(token -> client.topics(id, "ACCEPTED", token));
            topic.setItems(accepted);
            register.setItems(List.of());
            next.setText("");
        } catch (GatewayException e) {
            decisions.setItems(List.of());
            openOutcome.failed(e.getMessage());
        }
    }

    private void showRegister() {
        CouncilClient.DecisionSummary d = decisions.asSingleSelect().getValue();
        if (d == null) {
            register.setItems(List.of());
            next.setText("");
            return;
        }
        try {
            CouncilClient.Decision decision = signIn.withToken(token -> client.decision(d.id(), token));
            register.setItems(decision.register());
            next.setText(decision.nextStepLabel() == null ? "该事项" + decision.statusLabel() + "。" : "下一步：" + decision.nextStepLabel());
            if (decision.nextStep() != null && STEPS.containsKey(decision.nextStep())) {
                step.setValue(decision.nextStep());
            }
        } catch (GatewayException e) {
            stepOutcome.failed(e.getMessage());
        }
    }
}
