package cn.nanning.civic.portal.council;

import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.base.PublicAddress;
import cn.nanning.civic.portal.gateway.GatewayException;
import cn.nanning.civic.portal.ui.Actions;
import cn.nanning.civic.portal.ui.Outcome;
import cn.nanning.civic.portal.ui.Refusal;
import cn.nanning.civic.portal.ui.Times;
import cn.nanning.civic.portal.ui.Widgets;
import cn.nanning.civic.portal.ui.Grids;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import java.util.List;
import java.util.function.Supplier;

/**
 * 议事会管理: the charter text and its voting rules, conveners, the elected representatives with their terms, and the
 * public page's address and QR code.
 */
final class CharterPanel extends VerticalLayout {

    private final CouncilClient client;
    private final SignIn signIn;
    private final Supplier<String> council;
    private final Paragraph rules = new Paragraph();
    private final Paragraph conveners = new Paragraph();
    private final TextArea charter = new TextArea("议事会章程");
    final Outcome charterOutcome = new Outcome("council-charter-outcome");
    final Outcome repOutcome = new Outcome("council-rep-outcome");
    final Grid<CouncilClient.Representative> representatives = Grids.saying("还没有登记的代表。", new Grid<>(CouncilClient.Representative.class, false));
    final PublicLink publicLink;
    private CouncilClient.Council current;

    CharterPanel(CouncilClient client, SignIn signIn, Supplier<String> council, PublicAddress addresses) {
        this.client = client;
        this.signIn = signIn;
        this.council = council;
        setId("council-charter-panel");
        setPadding(false);
        rules.setId("council-rules");
        conveners.setId("council-conveners");
        charter.setId("council-charter");
        charter.setWidthFull();
        charter.setMaxLength(20000);
        Button save = Actions.primary("保存章程", "council-save-charter", charterOutcome, this::saveCharter);
        representatives.setId("council-representatives");
        representatives.addColumn(CouncilClient.Representative::name).setHeader("姓名").setAutoWidth(true);
        representatives.addColumn(r -> Texts.orEmpty(r.duty())).setHeader("职务").setAutoWidth(true);
        representatives.addColumn(r -> Times.day(r.termStart()) + " 至 " + Times.day(r.termEnd())).setHeader("任期").setAutoWidth(true);
        representatives.addColumn(r -> r.inTerm() ? "在任" : "不在任期内").setHeader("状态").setAutoWidth(true);
        representatives.setAllRowsVisible(true);
        TextField name = new TextField("代表姓名");
        name.setId("council-rep-name");
        TextField duty = new TextField("职务（可选）");
        duty.setId("council-rep-duty");
        DatePicker start = Widgets.datePicker("任期开始");
        start.setId("council-rep-start");
        DatePicker end = Widgets.datePicker("任期结束");
        end.setId("council-rep-end");
        Button add = Actions.primary("登记代表", "council-add-rep", repOutcome, () -> {
            if (name.isEmpty() || start.isEmpty() || end.isEmpty()) {
                throw new Refusal("请填写代表姓名和任期。");
            }
            String who = name.getValue().strip();
            signIn.withToken(token -> client.addRepresentative(council.get(), who, duty.getValue(),
                    start.getValue().toString(), end.getValue().toString(), token));
            name.clear();
            duty.clear();
            show();
            return "已登记议事代表 " + who + "。";
        });
        publicLink = new PublicLink(addresses);
        add(publicLink, new H4("章程与表决规则"), rules, conveners, charter, Actions.row(save, charterOutcome), new H4("议事代表"), representatives,
                Actions.row(name, duty, start, end), Actions.row(add, repOutcome));
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
            publicLink.show(current.id(), current.name());
        } catch (GatewayException e) {
            representatives.setItems(List.of());
            charterOutcome.failed(e.getMessage());
        }
    }

    private String saveCharter() {
        if (current == null) {
            throw new Refusal("请先选择议事会。");
        }
        CouncilClient.Rules kept = new CouncilClient.Rules(current.resolutionBody(), current.quorum(), current.majority());
        signIn.withToken(token -> client.amendCharter(current.id(), charter.getValue(), kept, token));
        show();
        return "章程已保存，公开栏同步更新。";
    }
}
