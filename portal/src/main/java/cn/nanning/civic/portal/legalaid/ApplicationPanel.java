package cn.nanning.civic.portal.legalaid;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.base.StaffSession;
import cn.nanning.civic.portal.gateway.GatewayException;
import cn.nanning.civic.portal.ui.Actions;
import cn.nanning.civic.portal.ui.Outcome;
import cn.nanning.civic.portal.ui.Refusal;
import cn.nanning.civic.portal.ui.Times;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * One legal-aid application, opened from the lists: for the deciding administrator the decision (给予 / 不予, each
 * confirmed with its reasons), a request for missing materials, and the assignment of a lawyer. The panel stays on the
 * application after each step and says the outcome beside the buttons.
 */
final class ApplicationPanel extends VerticalLayout {

    private final LegalAidClient client;
    private final SignIn signIn;
    private final Consumer<String> changed;
    final Outcome outcome = new Outcome("legal-aid-decision-outcome");
    final ComboBox<LegalAidClient.Lawyer> lawyer = new ComboBox<>("承办律师");
    private List<LegalAidClient.Lawyer> lawyers = List.of();
    private String shownId;

    ApplicationPanel(LegalAidClient client, SignIn signIn, Consumer<String> changed) {
        this.client = client;
        this.signIn = signIn;
        this.changed = changed;
        setId("legal-aid-decision");
        setPadding(false);
        addClassName("detail-panel");
        setVisible(false);
        lawyer.setId("legal-aid-lawyer");
        lawyer.setItemLabelGenerator(l -> l.displayName() + "（" + l.kindLabel() + "）");
        lawyer.setWidth("18em");
    }

    String shownId() {
        return shownId;
    }

    void lawyers(List<LegalAidClient.Lawyer> available) {
        lawyers = available;
        lawyer.setItems(available);
    }

    /** Opens an application chosen in a list (null closes the panel). */
    void show(LegalAidClient.Application selected) {
        if (selected == null || !selected.id().equals(shownId)) {
            outcome.clear();
        }
        shownId = selected == null ? null : selected.id();
        setVisible(selected != null);
        if (selected != null) {
            render(selected.id());
        }
    }

    private void render(String applicationId) {
        removeAll();
        LegalAidClient.Application application;
        try {
            application = signIn.withToken(token -> client.application(applicationId, token));
        } catch (GatewayException e) {
            outcome.failed(e.getMessage());
            add(outcome);
            return;
        }
        add(new H3("申请：" + application.applicantName() + " · " + application.caseTypeLabel() + "（" + application.statusLabel() + "）"));
        add(details(application), documents(application), contactRow(application));
        if (isAdmin()) {
            add(decisionActions(application));
        } else {
            add(outcome);
        }
    }

    /** What the decider decides on and the lawyer starts from: the case, the other party and the grounds. */
    private Div details(LegalAidClient.Application a) {
        Div box = new Div();
        box.setId("legal-aid-application-details");
        box.addClassName("facts");
        fact(box, "申请人", a.applicantName() + "（身份证号 " + orDash(a.idNumber()) + "，电话 " + orDash(a.phone()) + "）");
        fact(box, "所在区划", a.regionName());
        fact(box, "案件类型", a.caseTypeLabel());
        fact(box, "对方当事人", a.otherParty());
        fact(box, "案情与请求", a.description());
        if (a.exemptGroundLabel() != null) {
            fact(box, "免予经济困难审查", a.exemptGroundLabel() + (a.exemptGroundArticle() != null ? "（" + a.exemptGroundArticle() + "）" : ""));
        } else {
            fact(box, "经济困难说明", a.hardshipStatement());
        }
        fact(box, "受理日期", Times.day(a.submittedOn()));
        fact(box, "决定期限", a.clockPaused() ? "等待补充材料（计时暂停）" : Times.day(a.decisionDue()));
        fact(box, "已通知补充", a.supplementRequest());
        fact(box, "申请人补充", a.supplementNote());
        fact(box, "决定日期", Times.day(a.decidedOn()));
        fact(box, "决定理由", a.decisionReasons());
        fact(box, "承办律师", a.assignedLawyerName());
        return box;
    }

    private static void fact(Div box, String label, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Paragraph line = new Paragraph();
        Span name = new Span(label + "：");
        name.addClassName("fact-label");
        Span text = new Span(value);
        text.getStyle().set("white-space", "pre-wrap");
        line.add(name, text);
        box.add(line);
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    /** The supporting documents: downloads go through the gateway with the staff member's token and are audited. */
    private VerticalLayout documents(LegalAidClient.Application a) {
        VerticalLayout box = new VerticalLayout();
        box.setId("legal-aid-documents");
        box.setPadding(false);
        box.setSpacing(false);
        List<LegalAidClient.Document> files;
        try {
            files = signIn.withToken(token -> client.documents(a.id(), token));
        } catch (GatewayException e) {
            box.add(new Paragraph("证明材料：" + e.getMessage()));
            return box;
        }
        if (files.isEmpty()) {
            box.add(new Paragraph("证明材料：申请人尚未上传。"));
            return box;
        }
        box.add(new Paragraph("证明材料（" + files.size() + " 份，下载均留痕）："));
        for (LegalAidClient.Document file : files) {
            Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
                // Downloads run outside the UI lock; the token (and its refresh) lives in the locked session.
                byte[][] bytes = new byte[1][];
                event.getSession().accessSynchronously(() ->
                        bytes[0] = signIn.withToken(token -> client.document(a.id(), file.id(), token)));
                return new DownloadResponse(new ByteArrayInputStream(bytes[0]), file.displayName(), file.contentType(), bytes[0].length);
            }), file.displayName() + "（" + Math.max(1, file.sizeBytes() / 1024) + " KB）");
            link.getElement().setAttribute("download", true);
            link.setId("legal-aid-document-" + file.id());
            box.add(link);
        }
        return box;
    }

    /** The applicant's name and numbers in full, when the decider or the lawyer needs to call: audited. */
    private com.vaadin.flow.component.Component contactRow(LegalAidClient.Application a) {
        Outcome revealed = new Outcome("legal-aid-contact-outcome");
        Span shown = new Span();
        shown.setId("legal-aid-contact");
        Button reveal = Actions.button("查看申请人姓名、电话和身份证号", "legal-aid-reveal-contact", revealed, () -> {
            LegalAidClient.ApplicantContact c = signIn.withToken(token -> client.applicantContact(a.id(), token));
            shown.setText(c.applicantName() + "　电话 " + c.phone() + "　身份证号 " + c.idNumber());
            return "本次查看已记录。";
        });
        reveal.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return Actions.row(reveal, shown, revealed);
    }

    private VerticalLayout decisionActions(LegalAidClient.Application a) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        boolean reviewing = "UNDER_REVIEW".equals(a.status()) || "SUPPLEMENT_REQUESTED".equals(a.status());
        if (reviewing) {
            Button approve = Actions.withReason("给予法律援助", "legal-aid-approve", outcome,
                    Actions.Confirmation.of("给予法律援助", "确认给予 " + a.applicantName() + " 法律援助（" + a.caseTypeLabel()
                            + "）？决定及理由将告知申请人，批准后须在 3 个工作日内指派律师。", "确认给予"),
                    "决定理由", reasons -> {
                        act(a, token -> client.decide(a.id(), true, reasons, token));
                        return "已决定给予法律援助，请在 3 个工作日内指派律师。";
                    });
            Button refuse = Actions.withReason("不予法律援助", "legal-aid-refuse", outcome,
                    Actions.Confirmation.destructive("不予法律援助", "确认不予 " + a.applicantName() + " 法律援助？"
                            + "按《法律援助法》须书面说明理由，申请人可依法提出异议。", "确认不予"),
                    "不予法律援助的理由", reasons -> {
                        act(a, token -> client.decide(a.id(), false, reasons, token));
                        return "已决定不予法律援助，申请人将收到决定及理由。";
                    });
            Button supplement = Actions.withReason("通知补充材料", "legal-aid-supplement", outcome,
                    Actions.Confirmation.of("通知补充材料", "一次性告知申请人需要补充的全部材料；补充期间决定期限暂停计算。", "发送通知"),
                    "需补充的材料", materials -> {
                        act(a, token -> client.requestSupplement(a.id(), materials, token));
                        return "已通知申请人补充材料，决定期限暂停计算。";
                    });
            box.add(Actions.row(approve, refuse, supplement, outcome));
        } else if ("APPROVED".equals(a.status())) {
            Button assign = Actions.primary("指派", "legal-aid-assign", outcome, () -> {
                LegalAidClient.Lawyer chosen = lawyer.getValue();
                if (chosen == null) {
                    throw new Refusal(lawyers.isEmpty() ? "本辖区还没有登记的律师或法律援助工作人员，请先在“预约管理”中登记。" : "请选择承办律师。");
                }
                act(a, token -> client.assign(a.id(), chosen.id(), token));
                return "已指派 " + chosen.displayName() + " 承办，律师可在工作台查看申请。";
            });
            box.add(Actions.row(lawyer, assign, outcome));
        } else {
            box.add(outcome);
        }
        return box;
    }

    private void act(LegalAidClient.Application a, java.util.function.Function<String, ?> call) {
        signIn.withToken(call);
        changed.accept(a.id());
        render(a.id());
    }

    static boolean isAdmin() {
        return StaffSession.current().map(s -> s.roles().contains(Role.ADMIN)).orElse(false);
    }
}
