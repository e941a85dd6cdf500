package cn.nanning.civic.portal.proxy;

import cn.nanning.civic.portal.base.PortalShell;
import cn.nanning.civic.portal.base.PublicView;
import cn.nanning.civic.portal.gateway.GatewayException;
import cn.nanning.civic.portal.ui.PublicFacts;
import cn.nanning.civic.portal.ui.Times;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a 受理回执's QR code opens on a phone, without signing in: the item, how far it has got (each step of the
 * lifecycle with its time), the days promised, and the service point to call — nothing about the resident.
 */
@Prototype
@PublicView
@Route(ReceiptProgressPage.ROUTE)
@PageTitle("代办进度查询 | " + PortalShell.PRODUCT)
public final class ReceiptProgressPage extends VerticalLayout implements HasUrlParameter<String> {

    static final String ROUTE = "proxy/receipts";
    /** The lifecycle a resident follows, in order (a withdrawn request has no receipt). */
    private static final List<String> STEPS = List.of("ACCEPTED", "FORWARDED", "DELIVERED", "ARCHIVED", "FOLLOWED_UP");
    private static final List<String> LABELS = List.of("已受理", "办理中", "已送达", "已归档", "已回访");

    private final ProxyClient client;

    ReceiptProgressPage(ProxyClient client) {
        this.client = client;
        setId("receipt-progress");
        setMaxWidth("640px");
    }

    @Override
    public void setParameter(BeforeEvent event, String receiptNo) {
        removeAll();
        add(new H1("代办进度查询"));
        ProxyClient.ReceiptProgress found;
        try {
            String code = event.getLocation().getQueryParameters().getSingleParameter("code").orElse("");
            found = client.receiptProgress(receiptNo, code);
        } catch (GatewayException e) {
            add(PublicFacts.verdict("receipt-verdict", PublicFacts.Tone.REFUSED, e.getMessage()));
            add(line("回执编号", receiptNo));
            return;
        }
        add(PublicFacts.verdict("receipt-verdict", PublicFacts.Tone.FOUND, found.itemName() + "：" + found.statusLabel()));
        add(line("回执编号", found.receiptNo()), line("受理日期", Times.day(found.acceptedOn())));
        if (found.forwardDue() != null && "ACCEPTED".equals(found.status())) {
            add(line("转办期限", Times.day(found.forwardDue()) + " 前送交承办部门"));
        }
        if (found.expectedBy() != null) {
            add(line("预计办结", Times.day(found.expectedBy()) + " 前"));
        }
        add(new H2("办理进度"), timeline(found));
        add(new H2("服务点"), line("名称", found.point().name()));
        if (found.point().phone() != null && !found.point().phone().isBlank()) {
            add(line("电话", found.point().phone()));
        }
        if (found.point().address() != null && !found.point().address().isBlank()) {
            add(line("地址", found.point().address()));
        }
        add(new Paragraph("本页只显示办理进度，不显示委托人信息；如有疑问请致电服务点。"));
    }

    /** Every step of the lifecycle: the ones reached with their time, the ones ahead marked 待办理. */
    private static OrderedList timeline(ProxyClient.ReceiptProgress found) {
        Set<String> reached = found.steps().stream().map(ProxyClient.ReceiptStep::status).collect(Collectors.toSet());
        OrderedList list = new OrderedList();
        list.setId("receipt-steps");
        for (int i = 0; i < STEPS.size(); i++) {
            String status = STEPS.get(i);
            var step = found.steps().stream().filter(s -> s.status().equals(status)).findFirst();
            ListItem item = new ListItem(LABELS.get(i) + "　" + step.map(s -> Times.minute(s.occurredAt())).orElse("待办理"));
            item.getStyle().set("color", reached.contains(status) ? "var(--lumo-body-text-color)" : "var(--lumo-secondary-text-color)");
            list.add(item);
        }
        return list;
    }

    private static Paragraph line(String label, String value) {
        return PublicFacts.line("receipt-line", label, value);
    }
}
