package cn.nanning.civic.portal.proxy;

import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.gateway.GatewayClient;
import cn.nanning.civic.portal.gateway.GatewayException;
import cn.nanning.civic.portal.gateway.ProxyRequestSummary;
import cn.nanning.civic.portal.ui.Actions;
import cn.nanning.civic.portal.ui.Outcome;
import cn.nanning.civic.portal.ui.Refusal;
import cn.nanning.civic.portal.ui.Times;
import cn.nanning.civic.portal.ui.Widgets;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One proxy request on the clerk's workbench: what it is, its timeline, the scanned materials and the next step
 * (受理 with the checklist, 送交, 送达, 归档). Each step's outcome appears beside the next step's button, and the panel
 * stays open on the request after it moved on.
 */
final class ProxyRequestPanel extends VerticalLayout {

    private final GatewayClient gateway;
    private final ProxyClient proxy;
    private final SignIn signIn;
    /** Told the request's id after it changed, so the queue can refresh. */
    private final Consumer<String> changed;
    final Outcome outcome = new Outcome("proxy-detail-outcome");
    /** Beside the upload; kept across redraws so "材料已上传" stays in view. */
    final Outcome uploadOutcome = new Outcome("proxy-upload-outcome");
    private ProxyRequestSummary shown;

    ProxyRequestPanel(GatewayClient gateway, ProxyClient proxy, SignIn signIn, Consumer<String> changed) {
        this.gateway = gateway;
        this.proxy = proxy;
        this.signIn = signIn;
        this.changed = changed;
        setId("proxy-detail");
        setPadding(false);
        addClassName("detail-panel");
    }

    /** Shows a request chosen in the queue (null hides the panel). */
    void show(ProxyRequestSummary selected) {
        outcome.clear();
        uploadOutcome.clear();
        if (selected == null) {
            shown = null;
            removeAll();
            return;
        }
        render(selected.id());
    }

    String shownId() {
        return shown == null ? null : shown.id();
    }

    /** Loads the request afresh and draws it; a failure to load is said in the panel. */
    private void render(String requestId) {
        removeAll();
        try {
            shown = signIn.withToken(token -> gateway.proxyRequest(requestId, token));
        } catch (GatewayException e) {
            shown = null;
            outcome.failed(e.getMessage());
            add(outcome);
            return;
        }
        ProxyRequestSummary request = shown;
        add(new H3(request.itemName() + "（" + request.statusLabel() + "）"));
        add(new Paragraph("委托人：" + request.residentName() + "　联系电话：" + request.residentPhone()
                + (request.receiptNo() != null ? "　回执编号：" + request.receiptNo() : "")
                + (request.forwardDue() != null ? "　转办期限：" + Times.day(request.forwardDue()) : "")));
        add(contactRow(request));
        UnorderedList timeline = new UnorderedList();
        timeline.setId("proxy-timeline");
        request.timeline().forEach(step -> timeline.add(new ListItem(Times.minute(step.occurredAt()) + "　" + step.statusLabel()
                + (step.note() != null && !step.note().isBlank() ? "：" + step.note() : ""))));
        add(new H4("办理过程"), timeline, materials(request));
        add(nextStep(request));
    }

    private VerticalLayout nextStep(ProxyRequestSummary request) {
        VerticalLayout step = new VerticalLayout();
        step.setId("proxy-next-step");
        step.setPadding(false);
        switch (request.status()) {
            case "AUTHORISED" -> {
                CheckboxGroup<String> checklist = new CheckboxGroup<>("材料清单（请逐项核对原件后勾选）");
                checklist.setId("proxy-checklist");
                checklist.setItems(request.materials().stream().map(ProxyRequestSummary.Material::name).toList());
                Button accept = Actions.primary("受理并出具回执", "proxy-accept", outcome, () -> {
                    ProxyRequestSummary accepted = act(request, "accept", Map.of("materials", List.copyOf(checklist.getValue())));
                    return "已受理，回执编号 " + accepted.receiptNo()
                            + (accepted.forwardDue() != null ? "，请在 " + Times.day(accepted.forwardDue()) + " 前送交办理。" : "。");
                });
                step.add(checklist, Actions.row(accept, outcome));
            }
            case "ACCEPTED" -> {
                TextField office = new TextField("承办部门");
                office.setId("proxy-office");
                office.setWidth("16em");
                TextField note = new TextField("备注（可选）");
                note.setId("proxy-forward-note");
                Button forward = Actions.primary("送交办理", "proxy-forward", outcome, () -> {
                    if (office.getValue().isBlank()) {
                        throw new Refusal("请填写承办部门。");
                    }
                    act(request, "forward", Map.of("office", office.getValue().strip(), "note", note.getValue().strip()));
                    return "已送交" + office.getValue().strip() + "办理。";
                });
                step.add(Actions.row(office, note, forward, outcome));
            }
            case "FORWARDED" -> {
                TextField note = new TextField("办理结果");
                note.setId("proxy-deliver-note");
                note.setWidth("24em");
                Button deliver = Actions.primary("结果已送达", "proxy-deliver", outcome, () -> {
                    act(request, "deliver", Map.of("note", note.getValue().strip()));
                    return "已记录结果送达居民。";
                });
                step.add(Actions.row(note, deliver, outcome));
            }
            case "DELIVERED" -> {
                Button archive = Actions.confirmed("归档", "proxy-archive", outcome,
                        Actions.Confirmation.of("确认归档", "归档后该事项的办理过程不能再修改，只能进行回访。确认“"
                                + request.itemName() + "”（委托人 " + request.residentName() + "）已办结并归档吗？", "确认归档"),
                        () -> {
                            act(request, "archive", Map.of());
                            return "已归档，可进行回访。";
                        });
                step.add(Actions.row(archive, outcome));
            }
            case "WITHDRAWN" -> step.add(Actions.row(new Paragraph("居民已撤回该事项，无需再办理。"), outcome));
            default -> step.add(Actions.row(new Paragraph("该事项已办结，等待居民回访评价。"), outcome));
        }
        return step;
    }

    /** The resident in full, on request: lists stay masked, this read is audited by the services. */
    private com.vaadin.flow.component.Component contactRow(ProxyRequestSummary request) {
        Outcome revealed = new Outcome("proxy-contact-outcome");
        Span shown = new Span();
        shown.setId("proxy-contact");
        Button reveal = Actions.button("显示完整姓名和电话", "proxy-reveal-contact", revealed, () -> {
            ProxyClient.ResidentContact c = signIn.withToken(token -> proxy.contact(request.id(), token));
            shown.setText(c.residentName() + "　" + (c.phone() == null ? "无手机（办理结果当面告知）"
                    : c.phone() + ("RELATIVE".equals(c.contactKind()) ? "（" + c.contactRelation() + "的电话）" : "")));
            return "本次查看已记录。";
        });
        reveal.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
        return Actions.row(reveal, shown, revealed);
    }

    /** Moves the request on, tells the queue, and redraws the panel on the request's new state. */
    private ProxyRequestSummary act(ProxyRequestSummary request, String action, Map<String, Object> body) {
        ProxyRequestSummary after = signIn.withToken(token -> gateway.proxyStep(request.id(), action, body, token));
        uploadOutcome.clear();
        changed.accept(request.id());
        render(request.id());
        return after;
    }

    /**
     * Scanned materials: download links (bytes come through the gateway with the clerk's token, never from a public
     * URL) and an upload whose content the services check.
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
        Upload upload = Widgets.upload(UploadHandler.inMemory((metadata, bytes) -> ui.access(() -> uploadOutcome.run(() -> {
            signIn.withToken(token -> proxy.uploadMaterial(request.id(), metadata.fileName(), bytes, token));
            render(request.id());
            return "材料已上传：" + metadata.fileName();
        }))), "上传材料扫描件（JPG、PNG 或 PDF，不超过 10 MB）");
        upload.setId("proxy-upload");
        upload.setAcceptedFileTypes("image/jpeg", "image/png", "application/pdf", ".jpg", ".jpeg", ".png", ".pdf");
        upload.setMaxFileSize(10 * 1024 * 1024);
        // The browser reports the finished upload through this listener's round trip, which also brings the new list.
        upload.addSucceededListener(event -> upload.clearFileList());
        upload.addFileRejectedListener(event -> uploadOutcome.failed("文件不符合要求：仅接受 JPG、PNG 或 PDF，且不超过 10 MB。"));
        box.add(Actions.row(upload, uploadOutcome));
        return box;
    }
}
