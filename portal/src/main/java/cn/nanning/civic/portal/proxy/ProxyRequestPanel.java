package cn.nanning.civic.portal.proxy;

import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.gateway.GatewayClient;
import cn.nanning.civic.portal.gateway.GatewayException;
import cn.nanning.civic.portal.gateway.ProxyRequestSummary;
import cn.nanning.civic.portal.print.PdfDownloads;
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
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
    /** Beside 转介; kept across redraws so the referral's confirmation stays in view. */
    final Outcome referOutcome = new Outcome("proxy-refer-outcome");
    private final ReceiptSlip receipts;
    private ProxyRequestSummary shown;
    /**
     * The Idempotency-Key of the next referral: the same while the panel shows the request (a retry after no answer
     * makes no second referral), a new one once the panel is redrawn after a referral went through.
     */
    private String referralKey;

    ProxyRequestPanel(GatewayClient gateway, ProxyClient proxy, ReceiptSlip receipts, SignIn signIn, Consumer<String> changed) {
        this.gateway = gateway;
        this.receipts = receipts;
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
        referOutcome.clear();
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
        referralKey = UUID.randomUUID().toString();
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
        if (request.receiptNo() != null) {
            add(receiptRow(request));
        }
        UnorderedList timeline = new UnorderedList();
        timeline.setId("proxy-timeline");
        request.timeline().forEach(step -> timeline.add(new ListItem(Times.minute(step.occurredAt()) + "　" + step.statusLabel()
                + "（" + step.actorName() + "）" + (step.note() != null && !step.note().isBlank() ? "：" + step.note() : ""))));
        add(new H4("办理过程"), timeline, materials(request));
        add(nextStep(request));
        if (!"WITHDRAWN".equals(request.status())) {
            add(referral(request));
        }
    }

    /** The 受理回执 as a PDF, written afresh from the request's current state when the link is clicked. */
    private com.vaadin.flow.component.Component receiptRow(ProxyRequestSummary request) {
        Anchor link = PdfDownloads.link("proxy-receipt-pdf", "打印受理回执（PDF）", ReceiptSlip.fileName(request), event -> {
            // Downloads run outside the UI lock; the token (and its refresh) lives in the locked session.
            ProxyRequestSummary[] fresh = new ProxyRequestSummary[1];
            event.getSession().accessSynchronously(() ->
                    fresh[0] = signIn.withToken(token -> gateway.proxyRequest(request.id(), token)));
            return receipts.write(fresh[0], receipts.progressUrl(event.getRequest(), fresh[0]));
        });
        Span hint = new Span("回执上的二维码可供居民查看办理进度，不显示居民姓名和电话。");
        hint.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        return Actions.row(link, hint);
    }

    /** 转介 to legal aid or mediation: where to, and why (asked in the confirmation dialog); shown in the timeline after. */
    private VerticalLayout referral(ProxyRequestSummary request) {
        VerticalLayout box = new VerticalLayout();
        box.setId("proxy-referral");
        box.setPadding(false);
        RadioButtonGroup<String> target = new RadioButtonGroup<>("转介至");
        target.setId("proxy-refer-target");
        target.setItems("LEGAL_AID", "MEDIATION");
        target.setItemLabelGenerator(ProxyRequestPanel::referralTarget);
        target.setValue("LEGAL_AID");
        Button refer = Actions.withReason("转介", "proxy-refer", referOutcome,
                Actions.Confirmation.of("确认转介", "将把“" + request.itemName() + "”（委托人 " + request.residentName()
                        + "）转介给所选机构，对方接收和办结的进展会记入办理过程。转介不会转交已上传的材料。", "确认转介"),
                "转介原因", reason -> {
                    String to = target.getValue();
                    if (to == null) {
                        throw new Refusal("请选择转介至法律援助还是人民调解。");
                    }
                    signIn.withToken(token -> proxy.refer(request.id(), to, reason, referralKey, token));
                    changed.accept(request.id());
                    render(request.id());
                    return "已转介至" + referralTarget(to) + "，对方接收后的进展会记入办理过程。";
                });
        box.add(new H4("转介法律援助或人民调解"), Actions.row(target, refer, referOutcome));
        return box;
    }

    static String referralTarget(String target) {
        return "MEDIATION".equals(target) ? "人民调解" : "法律援助";
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
                step.add(Actions.row(archive, outcome), hint("归档后即可记录回访。"));
            }
            case "ARCHIVED" -> step.add(followUpForm(request));
            case "FOLLOWED_UP" -> step.add(recordedFollowUp(request), Actions.row(outcome));
            case "WITHDRAWN" -> step.add(Actions.row(new Paragraph("居民已撤回该事项，无需再办理。"), outcome));
            default -> step.add(Actions.row(new Paragraph("该事项已办结，等待居民回访评价。"), outcome));
        }
        return step;
    }

    /** The satisfaction words, from 5 (best) down to 1. */
    static String satisfactionLabel(int score) {
        return switch (score) {
            case 5 -> "非常满意";
            case 4 -> "满意";
            case 3 -> "一般";
            case 2 -> "不满意";
            default -> "很不满意";
        };
    }

    /** 回访: how satisfied the resident is (in words) and what they said, recorded by the clerk. */
    private VerticalLayout followUpForm(ProxyRequestSummary request) {
        RadioButtonGroup<Integer> satisfaction = new RadioButtonGroup<>("居民满意度");
        satisfaction.setId("proxy-satisfaction");
        satisfaction.setItems(5, 4, 3, 2, 1);
        satisfaction.setItemLabelGenerator(ProxyRequestPanel::satisfactionLabel);
        TextArea comment = new TextArea("居民意见（可选）");
        comment.setId("proxy-follow-up-comment");
        comment.setMaxLength(500);
        comment.setWidth("32em");
        Button record = Actions.primary("记录回访", "proxy-follow-up", outcome, () -> {
            Integer score = satisfaction.getValue();
            if (score == null) {
                throw new Refusal("请选择居民的满意度。");
            }
            signIn.withToken(token -> proxy.followUp(request.id(), score, comment.getValue(), token));
            uploadOutcome.clear();
            changed.accept(request.id());
            render(request.id());
            return "已记录回访：" + satisfactionLabel(score) + "。";
        });
        VerticalLayout form = new VerticalLayout(new H4("回访"), satisfaction, comment, Actions.row(record, outcome));
        form.setPadding(false);
        form.setId("proxy-follow-up-form");
        return form;
    }

    /** The 回访 as recorded: the satisfaction in words and the resident's comment (kept in the timeline's last step). */
    private VerticalLayout recordedFollowUp(ProxyRequestSummary request) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.setId("proxy-follow-up-recorded");
        box.add(new H4("回访结果"));
        Paragraph score = new Paragraph("满意度：" + (request.satisfaction() == null ? "未记录"
                : satisfactionLabel(request.satisfaction()) + "（" + request.satisfaction() + " 分）"));
        score.setId("proxy-follow-up-score");
        box.add(score);
        box.setSpacing(false);
        request.timeline().stream().filter(step -> "FOLLOWED_UP".equals(step.status())).reduce((a, b) -> b).ifPresent(step -> {
            box.add(new Paragraph("回访时间：" + Times.minute(step.occurredAt())));
            String note = step.note() == null ? "" : step.note();
            int colon = note.indexOf('：');
            if (colon >= 0 && colon < note.length() - 1) {
                Paragraph said = new Paragraph("居民意见：" + note.substring(colon + 1));
                said.setId("proxy-follow-up-comment-recorded");
                box.add(said);
            }
        });
        return box;
    }

    private static Paragraph hint(String text) {
        Paragraph p = new Paragraph(text);
        p.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
        return p;
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
     * The materials checklist with what was uploaded for each line (opened through the gateway with the clerk's token,
     * never from a public URL), then uploads tied to no line, and an upload whose content the services check.
     */
    private VerticalLayout materials(ProxyRequestSummary request) {
        VerticalLayout box = new VerticalLayout();
        box.setId("proxy-materials");
        box.setPadding(false);
        box.add(new H4("材料清单与已上传材料"));
        List<ProxyClient.Material> files;
        try {
            files = signIn.withToken(token -> proxy.materials(request.id(), token));
        } catch (GatewayException e) {
            box.add(new Paragraph(e.getMessage()));
            return box;
        }
        List<ChecklistLine> lines = ChecklistLine.of(request.materials(), files);
        if (!lines.isEmpty()) {
            UnorderedList list = new UnorderedList();
            list.setId("proxy-checklist-uploads");
            for (int i = 0; i < lines.size(); i++) {
                ChecklistLine line = lines.get(i);
                ListItem item = new ListItem();
                item.setId("proxy-line-" + i);
                Span state = new Span(line.state());
                state.getElement().getThemeList().add(line.files().isEmpty() ? "badge contrast" : "badge success");
                state.addClassName(line.files().isEmpty() ? "line-missing" : "line-uploaded");
                item.add(new Span(line.name() + "　"), state);
                for (ProxyClient.Material file : line.files()) {
                    item.add(new Span("　"), materialLink(request, file));
                }
                list.add(item);
            }
            box.add(list);
        }
        List<ProxyClient.Material> loose = ChecklistLine.loose(request.materials(), files);
        if (!loose.isEmpty()) {
            box.add(new Paragraph(lines.isEmpty() ? "已上传材料：" : "其他材料（未对应清单）："));
            loose.forEach(file -> box.add(materialLink(request, file)));
        } else if (files.isEmpty()) {
            box.add(new Paragraph(lines.isEmpty() ? "尚未上传材料。" : "居民尚未上传材料，受理时请核对原件。"));
        }
        UI ui = UI.getCurrent();
        // The clerk may say which checklist line a scan is for; without a choice it is kept as another material.
        Select<String> forLine = new Select<>();
        forLine.setId("proxy-upload-line");
        forLine.setLabel("对应清单项（可不选）");
        forLine.setEmptySelectionAllowed(true);
        forLine.setEmptySelectionCaption("其他材料（不对应清单）");
        forLine.setItems(request.materials().stream().map(ProxyRequestSummary.Material::name).toList());
        forLine.setWidth("18em");
        forLine.setVisible(!request.materials().isEmpty());
        Upload upload = Widgets.upload(UploadHandler.inMemory((metadata, bytes) -> ui.access(() -> uploadOutcome.run(() -> {
            String line = forLine.getValue();
            signIn.withToken(token -> proxy.uploadMaterial(request.id(), line, metadata.fileName(), bytes, token));
            render(request.id());
            return "材料已上传：" + metadata.fileName() + (line != null ? "（" + line + "）" : "");
        }))), "上传材料扫描件（JPG、PNG 或 PDF，不超过 10 MB）");
        upload.setId("proxy-upload");
        upload.setAcceptedFileTypes("image/jpeg", "image/png", "application/pdf", ".jpg", ".jpeg", ".png", ".pdf");
        upload.setMaxFileSize(10 * 1024 * 1024);
        // The browser reports the finished upload through this listener's round trip, which also brings the new list.
        upload.addSucceededListener(event -> upload.clearFileList());
        upload.addFileRejectedListener(event -> uploadOutcome.failed("文件不符合要求：仅接受 JPG、PNG 或 PDF，且不超过 10 MB。"));
        box.add(Actions.row(forLine, upload, uploadOutcome));
        return box;
    }

    /** A download link to one upload; the bytes come through the gateway with the clerk's token. */
    private Anchor materialLink(ProxyRequestSummary request, ProxyClient.Material file) {
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            // Downloads run outside the UI lock; the token (and its refresh) lives in the locked session.
            byte[][] bytes = new byte[1][];
            event.getSession().accessSynchronously(() ->
                    bytes[0] = signIn.withToken(token -> proxy.downloadMaterial(request.id(), file.id(), token)));
            return new DownloadResponse(new ByteArrayInputStream(bytes[0]), file.displayName(), file.contentType(), bytes[0].length);
        }), file.displayName() + "（" + Math.max(1, file.sizeBytes() / 1024) + " KB）");
        link.setId("material-" + file.id());
        link.getElement().setAttribute("download", true);
        return link;
    }
}
