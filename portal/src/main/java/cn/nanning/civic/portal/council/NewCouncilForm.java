package cn.nanning.civic.portal.council;

import cn.nanning.civic.portal.base.RegionDirectory;
import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.ui.Actions;
import cn.nanning.civic.portal.ui.Outcome;
import cn.nanning.civic.portal.ui.Refusal;
import cn.nanning.civic.portal.ui.RegionPicker;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.BinderValidationStatus;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.data.binder.Setter;

import java.util.function.Consumer;

/**
 * 设立议事会: a convener (or administrator) sets up the council of a village in their area — the village by name, the
 * council's name, the charter and the voting rules it sets. The services refuse a second council for a village and a
 * village outside the caller's area, in Chinese, shown beside the button.
 */
final class NewCouncilForm extends VerticalLayout {

    private final CouncilClient client;
    private final SignIn signIn;
    private final RegionDirectory regions;
    private final Consumer<CouncilClient.Council> created;
    private final Binder<CouncilDraft> binder = new Binder<>(CouncilDraft.class);
    final RegionPicker village;
    final TextField name = new TextField("议事会名称");
    final Outcome outcome = new Outcome("council-new-outcome");
    /** The name the form suggested last; a name the convener typed is never overwritten. */
    private String suggestedName = "";

    NewCouncilForm(CouncilClient client, SignIn signIn, RegionDirectory regions, Consumer<CouncilClient.Council> created) {
        this.client = client;
        this.signIn = signIn;
        this.regions = regions;
        this.created = created;
        setId("council-new-form");
        setPadding(false);
        village = new RegionPicker(regions, "所在村（社区）", RegionPicker.Depth.VILLAGE);
        village.setId("council-new-village");
        village.addValueChangeListener(change -> suggestName(change.getValue()));
        name.setId("council-new-name");
        name.setMaxLength(60);
        name.setWidth("24em");
        TextArea charter = new TextArea("议事会章程");
        charter.setId("council-new-charter");
        charter.setMaxLength(20000);
        charter.setWidthFull();
        charter.setHelperText("已填入章程范本，请按本村（社区）经村民代表会议通过的章程修改。");
        Select<CouncilDraft.Body> body = new Select<>();
        body.setLabel("决议机构");
        body.setId("council-new-body");
        body.setItems(CouncilDraft.Body.values());
        body.setItemLabelGenerator(b -> b.label);
        Select<CouncilDraft.Comparison> quorumComparison = comparison("council-new-quorum-comparison", "到会人数");
        IntegerField quorumNumerator = part("council-new-quorum-numerator", "分子");
        IntegerField quorumDenominator = part("council-new-quorum-denominator", "分母");
        Select<CouncilDraft.Comparison> majorityComparison = comparison("council-new-majority-comparison", "同意人数");
        IntegerField majorityNumerator = part("council-new-majority-numerator", "分子");
        IntegerField majorityDenominator = part("council-new-majority-denominator", "分母");
        body.addValueChangeListener(change -> {
            // Choosing the body fills in the law's rules for it; the convener adjusts them to the charter afterwards.
            if (change.isFromClient() && change.getValue() != null) {
                CouncilDraft.Body b = change.getValue();
                quorumComparison.setValue(CouncilDraft.Comparison.valueOf(b.quorum.comparison()));
                quorumNumerator.setValue(b.quorum.numerator());
                quorumDenominator.setValue(b.quorum.denominator());
                majorityComparison.setValue(CouncilDraft.Comparison.valueOf(b.majority.comparison()));
                majorityNumerator.setValue(b.majority.numerator());
                majorityDenominator.setValue(b.majority.denominator());
            }
        });

        binder.forField(village).asRequired("请选择村（社区）。")
                .withValidator(code -> code != null && code.length() == 12, "议事会须设在村（社区），请选择到村（社区）。")
                .bind(CouncilDraft::getRegionCode, CouncilDraft::setRegionCode);
        binder.forField(name).asRequired("请填写议事会名称。").bind(CouncilDraft::getName, CouncilDraft::setName);
        binder.forField(charter).asRequired("请填写议事会章程。").bind(CouncilDraft::getCharter, CouncilDraft::setCharter);
        binder.forField(body).asRequired("请选择决议机构。").bind(CouncilDraft::getBody, CouncilDraft::setBody);
        binder.forField(quorumComparison).asRequired("请选择到会人数的比较方式。")
                .bind(CouncilDraft::getQuorumComparison, CouncilDraft::setQuorumComparison);
        bindFraction(quorumNumerator, quorumDenominator, "到会人数", CouncilDraft::getQuorumNumerator, CouncilDraft::setQuorumNumerator,
                CouncilDraft::getQuorumDenominator, CouncilDraft::setQuorumDenominator);
        binder.forField(majorityComparison).asRequired("请选择表决通过的比较方式。")
                .bind(CouncilDraft::getMajorityComparison, CouncilDraft::setMajorityComparison);
        bindFraction(majorityNumerator, majorityDenominator, "表决通过", CouncilDraft::getMajorityNumerator,
                CouncilDraft::setMajorityNumerator, CouncilDraft::getMajorityDenominator, CouncilDraft::setMajorityDenominator);

        Button save = Actions.primary("设立议事会", "council-new-save", outcome, this::save);
        add(new H3("设立老友议事会"), village, name, charter, body,
                Actions.row(new Span("到会人数要求："), quorumComparison, new Span("应到人数的"), quorumNumerator, new Span("/"), quorumDenominator),
                Actions.row(new Span("表决通过要求："), majorityComparison, new Span("到会人数的"), majorityNumerator, new Span("/"), majorityDenominator),
                Actions.row(save, outcome));
    }

    /** A blank form in the convener's own area, with the charter template and the law's default rules. */
    void startNew() {
        outcome.clear();
        suggestedName = "";
        CouncilDraft fresh = new CouncilDraft();
        village.startAtOwnArea();
        fresh.setRegionCode(village.getValue());
        binder.readBean(fresh);
        suggestName(village.getValue());
    }

    private void suggestName(String code) {
        if (code == null || code.length() != 12) {
            return;
        }
        String current = name.getValue();
        if (current.isBlank() || current.equals(suggestedName)) {
            suggestedName = regions.name(code) + "老友议事会";
            name.setValue(suggestedName);
        }
    }

    private String save() {
        CouncilDraft draft = new CouncilDraft();
        BinderValidationStatus<CouncilDraft> status = binder.validate();
        if (!status.isOk() || !binder.writeBeanIfValid(draft)) {
            throw new Refusal(status.getValidationErrors().stream().findFirst().map(ValidationResult::getErrorMessage)
                    .orElse("请检查标红的项目。"));
        }
        CouncilClient.Council council = signIn.withToken(token -> client.create(draft.getRegionCode(), draft.getName(),
                draft.getCharter(), draft.rules(), token));
        created.accept(council);
        return "已设立“" + council.name() + "”。公开栏网址和二维码在“议事会”页签。";
    }

    private void bindFraction(IntegerField numerator, IntegerField denominator, String what,
                              ValueProvider<CouncilDraft, Integer> getNumerator, Setter<CouncilDraft, Integer> setNumerator,
                              ValueProvider<CouncilDraft, Integer> getDenominator, Setter<CouncilDraft, Integer> setDenominator) {
        binder.forField(numerator).asRequired("请填写" + what + "比例的分子。")
                .withValidator(n -> n >= 1 && n <= 100, what + "比例的分子应在 1 到 100 之间。")
                .withValidator((n, context) -> denominator.getValue() == null || n <= denominator.getValue()
                        ? ValidationResult.ok() : ValidationResult.error(what + "比例不能超过 1（分子不能大于分母）。"))
                .bind(getNumerator, setNumerator);
        binder.forField(denominator).asRequired("请填写" + what + "比例的分母。")
                .withValidator(n -> n >= 1 && n <= 100, what + "比例的分母应在 1 到 100 之间。")
                .bind(getDenominator, setDenominator);
    }

    private static Select<CouncilDraft.Comparison> comparison(String id, String label) {
        Select<CouncilDraft.Comparison> select = new Select<>();
        select.setId(id);
        select.setAriaLabel(label);
        select.setItems(CouncilDraft.Comparison.values());
        select.setItemLabelGenerator(c -> c.label);
        select.setWidth("7em");
        return select;
    }

    private static IntegerField part(String id, String label) {
        IntegerField field = new IntegerField();
        field.setId(id);
        field.setAriaLabel(label);
        field.setMin(1);
        field.setMax(100);
        field.setWidth("5em");
        return field;
    }
}
