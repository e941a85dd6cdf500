package cn.nanning.civic.portal.proxy;

import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.base.StaffSession;
import cn.nanning.civic.portal.gateway.CatalogueEntry;
import cn.nanning.civic.portal.gateway.GatewayClient;
import cn.nanning.civic.portal.gateway.GatewayException;
import cn.nanning.civic.portal.gateway.ProxyRequestSummary;
import cn.nanning.civic.portal.ui.Actions;
import cn.nanning.civic.portal.ui.Outcome;
import cn.nanning.civic.portal.ui.Refusal;
import cn.nanning.civic.portal.ui.ResidentContactField;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** 代居民登记委托: a clerk records a request for a resident at the counter or on the phone, with their consent. */
final class ProxyRegistrationForm extends VerticalLayout {

    private final GatewayClient gateway;
    private final ProxyClient proxy;
    private final SignIn signIn;
    private final Consumer<ProxyRequestSummary> registered;
    final ComboBox<ProxyClient.Point> point = new ComboBox<>("服务点");
    final ComboBox<String> item = new ComboBox<>("服务事项");
    final TextField name = new TextField("委托人姓名");
    final ResidentContactField contact = new ResidentContactField("register");
    final RadioButtonGroup<String> channel = new RadioButtonGroup<>("委托方式");
    final Checkbox consent = new Checkbox("委托人已同意由服务点代为办理，并同意为办理所需处理其个人信息（包括所留联系电话）");
    final Outcome outcome = new Outcome("register-outcome");
    private Map<String, CatalogueEntry> catalogue = Map.of();

    ProxyRegistrationForm(GatewayClient gateway, ProxyClient proxy, SignIn signIn, Consumer<ProxyRequestSummary> registered) {
        this.gateway = gateway;
        this.proxy = proxy;
        this.signIn = signIn;
        this.registered = registered;
        setId("proxy-register");
        setPadding(false);
        point.setId("register-point");
        point.setItemLabelGenerator(ProxyClient.Point::name);
        point.setWidth("18em");
        item.setId("register-item");
        item.setWidth("22em");
        item.setItemLabelGenerator(code -> catalogue.containsKey(code) ? catalogue.get(code).name() : code);
        // Only items a point may proxy: one that must be handled in person is not offered at the counter.
        point.addValueChangeListener(change -> item.setItems(change.getValue() == null ? List.of()
                : change.getValue().itemCodes().stream().filter(code -> !catalogue.containsKey(code) || catalogue.get(code).proxyAllowed())
                .toList()));
        name.setId("register-name");
        name.setMaxLength(50);
        channel.setId("register-channel");
        channel.setItems("IN_PERSON", "PHONE");
        channel.setItemLabelGenerator(c -> "PHONE".equals(c) ? "电话委托" : "当面委托");
        channel.setValue("IN_PERSON");
        consent.setId("register-consent");
        Button register = Actions.primary("代为登记", "register-save", outcome, this::register);
        HorizontalLayout what = new HorizontalLayout(point, item);
        what.setWrap(true);
        add(new H3("代居民登记委托"), what, name, contact, channel, consent, Actions.row(register, outcome));
    }

    /** Loads the points of the clerk's area and the catalogue's names; a failure is said beside the button. */
    void load() {
        try {
            String area = StaffSession.current().map(StaffSession::regionCode).orElse("4501");
            List<ProxyClient.Point> points = signIn.withToken(token -> proxy.points(area, token));
            point.setItems(points);
            catalogue = signIn.withToken(gateway::catalogue).stream()
                    .collect(Collectors.toMap(CatalogueEntry::code, entry -> entry, (a, b) -> a));
        } catch (GatewayException e) {
            point.setItems(List.of());
            outcome.failed(e.getMessage());
        }
    }

    private String register() {
        if (point.getValue() == null || item.getValue() == null) {
            throw new Refusal("请选择服务点和服务事项。");
        }
        if (!consent.getValue()) {
            throw new Refusal("请先征得委托人同意并勾选。");
        }
        String resident = name.getValue().strip();
        ProxyRequestSummary created = signIn.withToken(token -> proxy.registerForResident(point.getValue().id(), item.getValue(),
                resident, contact.phone(), contact.kind(), contact.relation(), channel.getValue(), token));
        name.clear();
        contact.clear();
        consent.clear();
        registered.accept(created);
        return "已为 " + resident + " 登记“" + created.itemName() + "”，请核对材料后受理（已在上方列表中选中）。";
    }
}
