package cn.nanning.civic.portal.council;

import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.gateway.GatewayException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** 议事会管理: the charter text and its voting rules, conveners, and the elected representatives with their terms. */
final class CharterPanel extends VerticalLayout {

    private final CouncilClient client;
    private final SignIn signIn;
    private final Supplier<String> council;
    private final Consumer<String> say;
    private final Paragraph rules = new Paragraph();
    private final Paragraph conveners = new Paragraph();
    private final TextArea charter = new TextArea("议事会章程");
    final Grid<CouncilClient.Representative> representatives = new Grid<>(CouncilClient.Representative.class, false);
    private CouncilClient.Council current;

    CharterPanel(CouncilClient client, SignIn signIn, Supplier<String> council, Consumer<String> say) {
        this.client = client;
        this.signIn = signIn;
        this.council = council;
        this.say = say;
        setId("council-charter-panel");
        setPadding(false);
        rules.setId("council-rules");
        conveners.setId("council-conveners");
        charter.setId("council-charter");
        charter.setWidthFull();
        charter.setMaxLength(20000);
        Button save = new Button("保存章程", click -> saveCharter());
        save.setId("council-save-charter");
        representatives.setId("council-representatives");
        representatives.addColumn(CouncilClient.Representative::name).setHeader("姓名").setAutoWidth(true);
        representatives.addColumn(r -> Texts.orEmpty(r.duty())).setHeader("职务").setAutoWidth(true);
        representatives.addColumn(r -> r.termStart() + " 至 " + r.termEnd()).setHeader("任期").setAutoWidth(true);
        representatives.addColumn(r -> r.inTerm() ? "在任" : "不在任期内").setHeader("状态").setAutoWidth(true);
        representatives.setAllRowsVisible(true);
        TextField name = new TextField("代表姓名");
        name.setId("council-rep-name");
        TextField duty = new TextField("职务（可选）");
        duty.setId("council-rep-duty");
        DatePicker start = new DatePicker("任期开始");
        start.setId("council-rep-start");
        DatePicker end = new DatePicker("任期结束");
        end.setId("council-rep-end");
        Button add = new Button("登记代表", click -> {
            if (name.isEmpty() || start.isEmpty() || end.isEmpty()) {
                say.accept("请填写代表姓名和任期。");
                return;
            }
            try {
                signIn.withToken(token -> client.addRepresentative(council.get(), name.getValue(), duty.getValue(),
                        start.getValue().toString(), end.getValue().toString(), token));
                name.clear();
                duty.clear();
                show();
                say.accept("议事代表已登记。");
            } catch (GatewayException e) {
                say.accept(e.getMessage());
            }
        });
        add.setId("council-add-rep");
        add(new H4("章程与表决规则"), rules, conveners, charter, save, new H4("议事代表"), representatives,
                new HorizontalLayout(name, duty, start, end, add));
    }

    void show() {
        String id = council.get();
        if (id == null) {
            return;
        }
        try {
            current = signIn.withToken(token -> client.council(id, token));
            rules.setText("表决规则：" + current.rulesLabel());
            conveners.setText("召集人：" + String.join("、", current.conveners().stream().map(CouncilClient.Convener::displayName).toList()));
            charter.setValue(current.charter());
            representatives.setItems(current.representatives());
        } catch (GatewayException e) {
            representatives.setItems(List.of());
            say.accept(e.getMessage());
        }
    }

    private void saveCharter() {
        if (current == null) {
            return;
        }
        try {
            CouncilClient.Rules kept = new CouncilClient.Rules(current.resolutionBody(), current.quorum(), current.majority());
            signIn.withToken(token -> client.amendCharter(current.id(), charter.getValue(), kept, token));
            show();
            say.accept("章程已保存。");
        } catch (GatewayException e) {
            say.accept(e.getMessage());
        }
    }
}
