package cn.nanning.civic.portal.legalaid;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.base.StaffSession;
import cn.nanning.civic.portal.gateway.GatewayException;
import cn.nanning.civic.portal.ui.Actions;
import cn.nanning.civic.portal.ui.Outcome;
import cn.nanning.civic.portal.ui.Refusal;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

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
        if (isAdmin()) {
            add(decisionActions(application));
        } else {
            add(outcome);
        }
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
