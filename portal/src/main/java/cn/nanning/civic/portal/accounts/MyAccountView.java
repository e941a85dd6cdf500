package cn.nanning.civic.portal.accounts;

import cn.nanning.civic.portal.base.Display;
import cn.nanning.civic.portal.base.MainLayout;
import cn.nanning.civic.portal.base.PortalShell;
import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.base.SignInFacts;
import cn.nanning.civic.portal.base.StaffSession;
import cn.nanning.civic.portal.gateway.DisplayPreferences;
import cn.nanning.civic.portal.gateway.GatewayClient;
import cn.nanning.civic.portal.ui.Actions;
import cn.nanning.civic.portal.ui.Outcome;
import cn.nanning.civic.portal.ui.QrCodes;
import cn.nanning.civic.portal.ui.Refusal;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;

/**
 * 我的账号, for every staff member: change the password, bind the authenticator app (动态口令) by QR code or by typing
 * the secret, and 大字模式, which is saved with the account and follows the person to any computer.
 */
@Prototype
@Route(value = "account", layout = MainLayout.class)
@PageTitle("我的账号 | " + PortalShell.PRODUCT)
@Menu(title = "我的账号", order = 95, icon = "vaadin:user")
public final class MyAccountView extends VerticalLayout implements BeforeEnterObserver {

    /** The gateway's rule, checked here first so the person hears it before sending. */
    static final int MIN_PASSWORD = 12;

    private final AccountsClient accounts;
    private final GatewayClient gateway;
    private final SignIn signIn;

    private final PasswordField current = new PasswordField("当前密码");
    private final PasswordField fresh = new PasswordField("新密码");
    private final PasswordField repeated = new PasswordField("再次输入新密码");
    private final Outcome passwordOutcome = new Outcome("password-outcome");
    private final Binder<PasswordChange> binder = new Binder<>();

    private final Span otpState = new Span();
    private final Div enrolment = new Div();
    private final Span secret = new Span();
    private final TextField code = new TextField("验证器应用显示的 6 位数字");
    private final Outcome otpOutcome = new Outcome("otp-outcome");
    private final Button startOtp;
    private final VerticalLayout confirmPart = new VerticalLayout();

    private final Checkbox largeText = new Checkbox("大字模式：正文放大，便于阅读");
    private final Outcome displayOutcome = new Outcome("large-text-outcome");

    /** The password form's values. */
    static final class PasswordChange {
        String current = "";
        String fresh = "";
        String repeated = "";
    }

    MyAccountView(AccountsClient accounts, GatewayClient gateway, SignIn signIn) {
        this.accounts = accounts;
        this.gateway = gateway;
        this.signIn = signIn;
        setId("my-account");
        setMaxWidth("60em");

        // Password
        current.setId("current-password");
        fresh.setId("new-password");
        repeated.setId("repeat-password");
        current.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.CURRENT_PASSWORD);
        fresh.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        repeated.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        fresh.setHelperText("至少 " + MIN_PASSWORD + " 个字符，不能用常见密码；可以用一句好记的话");
        for (PasswordField field : new PasswordField[]{current, fresh, repeated}) {
            field.setWidth("18em");
            field.setRequiredIndicatorVisible(true);
        }
        binder.forField(current).asRequired("请输入当前密码")
                .bind(p -> p.current, (p, v) -> p.current = v);
        binder.forField(fresh).asRequired("请输入新密码")
                .withValidator(v -> v.codePointCount(0, v.length()) >= MIN_PASSWORD, "新密码至少需要 " + MIN_PASSWORD + " 个字符")
                .bind(p -> p.fresh, (p, v) -> p.fresh = v);
        binder.forField(repeated).asRequired("请再次输入新密码")
                .withValidator((v, context) -> v.equals(fresh.getValue()) ? ValidationResult.ok()
                        : ValidationResult.error("两次输入的新密码不一致"))
                .bind(p -> p.repeated, (p, v) -> p.repeated = v);
        binder.setBean(new PasswordChange());
        Button change = Actions.primary("修改密码", "change-password", passwordOutcome, this::changePassword);

        // Second factor
        otpState.setId("otp-state");
        otpState.getStyle().set("font-weight", "600");
        startOtp = Actions.button("绑定动态口令", "start-otp", otpOutcome, this::startEnrolment);
        secret.setId("otp-secret");
        secret.addClassName("otp-secret");
        code.setId("otp-code");
        code.setMaxLength(6);
        code.setAllowedCharPattern("\\d");
        code.setWidth("14em");
        code.getElement().setAttribute("autocomplete", "one-time-code");
        Button confirm = Actions.primary("确认绑定", "confirm-otp", otpOutcome, this::confirmEnrolment);
        confirmPart.setPadding(false);
        confirmPart.add(Actions.row(code, confirm));
        enrolment.setId("otp-enrolment");
        enrolment.setVisible(false);

        // Display
        largeText.setId("large-text");
        largeText.addValueChangeListener(change2 -> {
            if (change2.isFromClient()) {
                displayOutcome.run(() -> saveLargeText(change2.getValue()));
            }
        });

        add(new H2("我的账号"),
                new H3("修改密码"),
                new Paragraph("修改后，您在其他电脑上的登录会全部退出，需要用新密码重新登录。"),
                current, fresh, repeated, Actions.row(change, passwordOutcome),
                new H3("动态口令"),
                new Paragraph("动态口令是手机上的验证器应用（如腾讯身份验证器）每 30 秒换一次的 6 位数字。"
                        + "绑定后，每次登录除密码外还要输入它，别人拿到密码也登录不了。"),
                Actions.row(new Span("当前状态："), otpState, startOtp), enrolment, otpOutcome,
                new H3("显示"),
                Actions.row(largeText, displayOutcome),
                new Paragraph("大字模式会记在您的账号上，换一台电脑登录也同样生效。"));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        showSecondFactor(SignInFacts.current().map(SignInFacts::secondFactorEnrolled).orElse(false));
        largeText.setValue(Display.current().largeText());
    }

    private void showSecondFactor(boolean enrolled) {
        otpState.setText(enrolled ? "已启用" : "未启用");
        otpState.getStyle().set("color", enrolled ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
        startOtp.setVisible(!enrolled);
        if (enrolled) {
            enrolment.setVisible(false);
        }
    }

    private String changePassword() {
        if (!binder.validate().isOk()) {
            throw new Refusal("请按提示改正后再提交。");
        }
        PasswordChange values = binder.getBean();
        signIn.withToken(token -> {
            accounts.changePassword(values.current, values.fresh, token);
            return null;
        });
        binder.setBean(new PasswordChange());
        if (!signIn.continueAfterPasswordChange(values.fresh)) {
            return null;
        }
        return "密码已修改。其他电脑上的登录已退出；下次登录请使用新密码。";
    }

    private String startEnrolment() {
        AccountsClient.Enrolment started = signIn.withToken(accounts::startSecondFactor);
        enrolment.removeAll();
        secret.setText(grouped(started.secret()));
        Paragraph steps = new Paragraph("第一步：用手机验证器应用扫描下面的二维码；无法扫描时，选择“手动输入”，输入下面的密钥（空格可不输）。");
        Paragraph next = new Paragraph("第二步：输入应用中显示的 6 位数字，点“确认绑定”。");
        enrolment.add(steps, QrCodes.image(started.otpauthUri(), 220, "动态口令绑定二维码"),
                new Div(new Span("密钥："), secret), next, confirmPart);
        enrolment.setVisible(true);
        code.clear();
        code.focus();
        return "请用验证器应用扫描二维码或输入密钥，然后输入 6 位数字确认。";
    }

    private String confirmEnrolment() {
        String typed = code.getValue().strip();
        if (!typed.matches("\\d{6}")) {
            throw new Refusal("请输入验证器应用中显示的 6 位数字。");
        }
        signIn.withToken(token -> {
            accounts.confirmSecondFactor(typed, token);
            return null;
        });
        SignInFacts.secondFactorBound();
        showSecondFactor(true);
        return "动态口令已启用。今后登录时，除密码外还需输入验证器应用中的 6 位数字。";
    }

    private String saveLargeText(boolean on) {
        try {
            DisplayPreferences saved = signIn.withToken(token -> gateway.savePreferences(new DisplayPreferences(on), token));
            Display.remember(saved);
            return on ? "已开启大字模式。" : "已关闭大字模式。";
        } catch (RuntimeException e) {
            largeText.setValue(Display.current().largeText());
            throw e;
        }
    }

    /** "JBSW Y3DP EHPK 3PXP": the secret in groups of four, as authenticator apps show it. */
    static String grouped(String secret) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < secret.length(); i += 4) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(secret, i, Math.min(secret.length(), i + 4));
        }
        return out.toString();
    }
}
