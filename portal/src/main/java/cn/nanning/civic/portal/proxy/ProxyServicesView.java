package cn.nanning.civic.portal.proxy;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.MainLayout;
import cn.nanning.civic.portal.base.PortalShell;
import cn.nanning.civic.portal.base.RequiresRole;
import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.gateway.CatalogueEntry;
import cn.nanning.civic.portal.gateway.GatewayClient;
import cn.nanning.civic.portal.gateway.GatewayException;
import cn.nanning.civic.portal.gateway.ProxyRequestSummary;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import cn.nanning.civic.portal.base.StaffSession;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.grid.Grid;
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
import io.micronaut.context.annotation.Prototype;

import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The clerk's workbench for proxy services (代办服务): open requests of their point (a supervisor sees the whole
 * township), overdue first; a request's checklist and timeline; the next lifecycle step.
 */
@Prototype
@Route(value = "proxy", layout = MainLayout.class)
@PageTitle("代办服务 | " + PortalShell.PRODUCT)
@Menu(title = "代办服务", order = 20, icon = "vaadin:clipboard-check")
@RequiresRole({Role.CLERK, Role.ADMIN})
public final class ProxyServicesView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final GatewayClient gateway;
    private final ProxyClient proxy;
    private final SignIn signIn;
    private final Select<String> statusFilter = new Select<>();
    private List<ProxyRequestSummary> open = List.of();
    private final Paragraph message = new Paragraph();
    private final Grid<ProxyRequestSummary> grid = new Grid<>(ProxyRequestSummary.class, false);
    private final VerticalLayout detail = new VerticalLayout();

    ProxyServicesView(GatewayClient gateway, ProxyClient proxy, SignIn signIn) {
        this.gateway = gateway;
        this.proxy = proxy;
        this.signIn = signIn;
        setId("proxy-workbench");
        message.setId("proxy-message");
        message.setVisible(false);
        grid.setId("proxy-grid");
        grid.addColumn(r -> r.receiptNo() != null ? r.receiptNo() : "（待受理）").setHeader("回执编号").setAutoWidth(true);
        grid.addColumn(ProxyRequestSummary::itemName).setHeader("服务事项").setFlexGrow(1);
        grid.addColumn(r -> r.residentName() + " " + r.residentPhone()).setHeader("委托人").setAutoWidth(true);
        grid.addColumn(ProxyRequestSummary::statusLabel).setHeader("状态").setAutoWidth(true);
        grid.addColumn(r -> r.forwardDue() != null ? r.forwardDue().toString() : "").setHeader("转办期限").setAutoWidth(true);
        grid.addColumn(r -> r.overdue() ? "已逾期" : "").setHeader("提醒").setAutoWidth(true);
        grid.setPartNameGenerator(r -> r.overdue() ? "overdue" : null);
        grid.asSingleSelect().addValueChangeListener(change -> showDetail(change.getValue()));
        detail.setId("proxy-detail");
        detail.setPadding(false);
        statusFilter.setId("proxy-status-filter");
        statusFilter.setLabel("状态");
        statusFilter.setItems("", "AUTHORISED", "ACCEPTED", "FORWARDED", "DELIVERED");
        statusFilter.setItemLabelGenerator(status -> status.isEmpty() ? "全部" : ProxyOverviewView.statusLabel(status));
        statusFilter.setValue("");
        statusFilter.addValueChangeListener(change -> showQueue());
        add(new H2("代办服务工作台"), new Paragraph("按逾期优先、转办期限先后排列；选择一行查看材料清单与办理过程。"),
                statusFilter, message, grid, detail, registrationForm());
    }

    /** Registration at the counter or on the phone for a resident who does not use the mini-program. */
    private VerticalLayout registrationForm() {
        ComboBox<ProxyClient.Point> point = new ComboBox<>("服务点");
        point.setId("register-point");
        point.setItemLabelGenerator(ProxyClient.Point::name);
        ComboBox<String> item = new ComboBox<>("服务事项");
        item.setId("register-item");
        point.addValueChangeListener(change -> item.setItems(change.getValue() == null ? List.of() : change.getValue().itemCodes()));
        TextField name = new TextField("委托人姓名");
        name.setId("register-name");
        TextField phone = new TextField("委托人手机号码");
        phone.setId("register-phone");
        RadioButtonGroup<String> channel = new RadioButtonGroup<>("委托方式");
        channel.setId("register-channel");
        channel.setItems("IN_PERSON", "PHONE");
        channel.setItemLabelGenerator(c -> "PHONE".equals(c) ? "电话委托" : "当面委托");
        channel.setValue("IN_PERSON");
        Checkbox consent = new Checkbox("委托人已同意由服务点代为办理，并同意为办理所需处理其个人信息");
        consent.setId("register-consent");
        Button register = new Button("代为登记", click -> {
            if (point.getValue() == null || item.getValue() == null) {
                showMessage("请选择服务点和服务事项。");
                return;
            }
            if (!consent.getValue()) {
                showMessage("请先征得委托人同意并勾选。");
                return;
            }
            try {
                signIn.withToken(token -> proxy.registerForResident(point.getValue().id(), item.getValue(),
                        name.getValue().strip(), phone.getValue().strip(), channel.getValue(), token));
                name.clear();
                phone.clear();
                consent.clear();
                reload();
                showMessage("已代为登记，请核对材料后受理。");
            } catch (GatewayException e) {
                showMessage(e.getMessage());
            }
        });
        register.setId("register-save");
        try {
            String area = StaffSession.current().map(StaffSession::regionCode).orElse("4501");
            List<ProxyClient.Point> points = signIn.withToken(token -> proxy.points(area, token));
            point.setItems(points);
            Map<String, String> names = signIn.withToken(gateway::catalogue).stream()
                    .collect(java.util.stream.Collectors.toMap(CatalogueEntry::code, CatalogueEntry::name, (a, b) -> a));
            item.setItemLabelGenerator(code -> names.getOrDefault(code, code));
        } catch (GatewayException | IllegalStateException e) {
            point.setItems(List.of());
        }
        HorizontalLayout who = new HorizontalLayout(point, item, name, phone);
        who.setWrap(true);
        VerticalLayout form = new VerticalLayout(new H3("代居民登记委托"), who, channel, consent, register);
        form.setId("proxy-register");
        form.setPadding(false);
        return form;
    }

    private void showMessage(String text) {
        message.setText(text);
        message.setVisible(true);
    }

    private void showQueue() {
        String wanted = statusFilter.getValue();
        grid.setItems(wanted == null || wanted.isEmpty() ? open
                : open.stream().filter(r -> r.status().equals(wanted)).toList());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        reload();
    }

    private void reload() {
        try {
            open = signIn.withToken(gateway::proxyWorkbench);
            showQueue();
            message.setText("当前没有待办的代办事项。");
            message.setVisible(open.isEmpty());
        } catch (GatewayException e) {
            open = List.of();
            grid.setItems(open);
            message.setText(e.getMessage());
            message.setVisible(true);
        }
        detail.removeAll();
    }

    private void showDetail(ProxyRequestSummary selected) {
        detail.removeAll();
        if (selected == null) {
            return;
        }
        ProxyRequestSummary request;
        try {
            request = signIn.withToken(token -> gateway.proxyRequest(selected.id(), token));
        } catch (GatewayException e) {
            message.setText(e.getMessage());
            message.setVisible(true);
            return;
        }
        detail.add(new H3(request.itemName() + "（" + request.statusLabel() + "）"));
        if (request.timeline() != null) {
            request.timeline().forEach(step -> detail.add(new Paragraph(
                    TIME.format(step.occurredAt()) + "  " + step.statusLabel() + (step.note() != null ? "：" + step.note() : ""))));
        }
        detail.add(materials(request));
        switch (request.status()) {
            case "AUTHORISED" -> {
                CheckboxGroup<String> checklist = new CheckboxGroup<>("材料清单（请逐项核对）");
                checklist.setId("proxy-checklist");
                List<String> names = request.materials() == null ? List.of()
                        : request.materials().stream().map(ProxyRequestSummary.Material::name).toList();
                checklist.setItems(names);
                Button accept = new Button("受理并出具回执", click -> step(request, "accept", Map.of("materials", List.copyOf(checklist.getValue()))));
                accept.setId("proxy-accept");
                detail.add(checklist, accept);
            }
            case "ACCEPTED" -> {
                TextField office = new TextField("承办部门");
                office.setId("proxy-office");
                TextField note = new TextField("备注");
                Button forward = new Button("送交办理", click -> step(request, "forward", Map.of("office", office.getValue(), "note", note.getValue())));
                forward.setId("proxy-forward");
                detail.add(new HorizontalLayout(office, note), forward);
            }
            case "FORWARDED" -> {
                TextField note = new TextField("办理结果");
                Button deliver = new Button("结果已送达", click -> step(request, "deliver", Map.of("note", note.getValue())));
                deliver.setId("proxy-deliver");
                detail.add(note, deliver);
            }
            case "DELIVERED" -> {
                Button archive = new Button("归档", click -> step(request, "archive", Map.of()));
                archive.setId("proxy-archive");
                detail.add(archive);
            }
            default -> detail.add(new Paragraph("该事项等待居民回访评价。"));
        }
    }

    /**
     * Scanned materials of a request: download links (the bytes come through the gateway with the clerk's token,
     * never from a public URL) and an upload whose content the services check.
     */
    private VerticalLayout materials(ProxyRequestSummary request) {
        VerticalLayout box = new VerticalLayout();
        box.setId("proxy-materials");
        box.setPadding(false);
        box.add(new H4("已上传材料"));
        List<ProxyClient.Material> files;
        try {
            files = signIn.withToken(token -> proxy.materials(request.id(), token));
        } catch (GatewayException e) {
            box.add(new Paragraph(e.getMessage()));
            return box;
        }
        if (files.isEmpty()) {
            box.add(new Paragraph("尚未上传材料。"));
        }
        for (ProxyClient.Material file : files) {
            Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
                // Downloads run outside the UI lock; the token (and its refresh) lives in the locked session.
                byte[][] bytes = new byte[1][];
                event.getSession().accessSynchronously(() ->
                        bytes[0] = signIn.withToken(token -> proxy.downloadMaterial(request.id(), file.id(), token)));
                return new DownloadResponse(new ByteArrayInputStream(bytes[0]), file.displayName(), file.contentType(), bytes[0].length);
            }), file.displayName() + "（" + Math.max(1, file.sizeBytes() / 1024) + " KB）");
            link.setId("material-" + file.id());
            link.getElement().setAttribute("download", true);
            box.add(link);
        }
        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> ui.access(() -> {
            try {
                signIn.withToken(token -> proxy.uploadMaterial(request.id(), metadata.fileName(), bytes, token));
                showMessage("材料已上传。");
                showDetail(request);
            } catch (GatewayException e) {
                showMessage(e.getMessage());
            }
        })));
        upload.setId("proxy-upload");
        upload.setAcceptedFileTypes("image/jpeg", "image/png", "application/pdf", ".jpg", ".jpeg", ".png", ".pdf");
        upload.setMaxFileSize(10 * 1024 * 1024);
        upload.setDropLabel(new Span("上传材料扫描件（JPG、PNG 或 PDF，不超过 10 MB）"));
        // The browser reports the finished upload through this listener's round trip, which also brings the new list.
        upload.addSucceededListener(event -> upload.clearFileList());
        upload.addFileRejectedListener(event -> showMessage("文件不符合要求：仅接受 JPG、PNG 或 PDF，且不超过 10 MB。"));
        box.add(upload);
        return box;
    }

    private void step(ProxyRequestSummary request, String action, Map<String, Object> body) {
        try {
            signIn.withToken(token -> gateway.proxyStep(request.id(), action, body, token));
            reload();
        } catch (GatewayException e) {
            message.setText(e.getMessage());
            message.setVisible(true);
        }
    }
}
