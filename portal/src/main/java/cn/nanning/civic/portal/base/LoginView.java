package cn.nanning.civic.portal.base;

import cn.nanning.civic.portal.gateway.GatewayException;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;

/** Staff sign-in with user name and password, checked by the gateway. */
@Prototype
@PublicView
@Route("login")
@PageTitle("登录 | " + PortalShell.PRODUCT)
public final class LoginView extends VerticalLayout implements BeforeEnterObserver {

    /** The query parameter that says the person just changed their password (and must sign in with it). */
    static final String PASSWORD_CHANGED = "password-changed";

    private final SignIn signIn;
    private final TextField username = new TextField("用户名");
    private final PasswordField password = new PasswordField("密码");
    private final TextField otp = new TextField("动态验证码");
    private final Div enrolment = new Div();
    private final Button submit = new Button("登录");
    private final Div error = new Div();

    LoginView(SignIn signIn) {
        this.signIn = signIn;
        setId("login");
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);

        username.setId("username");
        username.setRequiredIndicatorVisible(true);
        username.setAutofocus(true);
        username.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.USERNAME);
        password.setId("password");
        password.setRequiredIndicatorVisible(true);
        password.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.CURRENT_PASSWORD);
        // Shown when the gateway asks for the authenticator app's code (enrolled ADMIN, AUDITOR, CLERK).
        otp.setId("otp");
        otp.setVisible(false);
        otp.setMaxLength(6);
        otp.setPattern("\\d{6}");
        otp.setAllowedCharPattern("\\d");
        otp.getElement().setAttribute("autocomplete", "one-time-code");
        otp.setHelperText("请输入验证器应用中显示的 6 位数字");
        enrolment.setId("otp-enrolment");
        enrolment.setVisible(false);
        submit.setId("sign-in");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        submit.addClickListener(click -> submit());
        error.setId("login-error");
        error.getElement().setAttribute("role", "alert");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);

        VerticalLayout form = new VerticalLayout(new H2("工作人员登录"), username, password, enrolment, otp, error, submit);
        form.setWidth("22rem");
        form.setPadding(true);
        form.setAlignItems(FlexComponent.Alignment.STRETCH);
        add(new H1(PortalShell.PRODUCT), form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().containsKey(PASSWORD_CHANGED)) {
            error.setText("密码已修改，其他登录已全部退出。请用新密码和动态验证码重新登录。");
            error.getStyle().set("color", "var(--lumo-success-text-color)");
            error.setVisible(true);
        }
    }

    private void submit() {
        String name = username.getValue().trim();
        if (name.isEmpty() || password.getValue().isEmpty()) {
            showError("请输入用户名和密码。");
            return;
        }
        String code = otp.isVisible() && !otp.getValue().isBlank() ? otp.getValue().strip() : null;
        if (otp.isVisible() && code == null) {
            showError("请输入 6 位动态验证码。");
            return;
        }
        submit.setEnabled(false);
        try {
            signIn.signIn(name, password.getValue(), code);
            getUI().ifPresent(ui -> ui.navigate(HomeView.class));
        } catch (GatewayException e) {
            otp.clear();
            showError(message(e));
        } finally {
            submit.setEnabled(true);
        }
    }

    /** The gateway's Chinese explanation, with the second-factor field opened when it asks for a code. */
    String message(GatewayException e) {
        String type = e.problemType();
        if ("otp-required".equals(type) || "otp-invalid".equals(type)) {
            otp.setVisible(true);
            otp.focus();
            return e.getMessage();
        }
        if ("otp-enrolment-required".equals(type)) {
            otp.setVisible(true);
            enrolment.setText("请在验证器应用中添加账号，密钥：" + e.problemMember("secret") + "（也可用 otpauth 链接："
                    + e.problemMember("otpauthUri") + "），然后输入应用显示的 6 位验证码完成绑定并登录。");
            enrolment.setVisible(true);
            return e.getMessage();
        }
        password.clear();
        if (e.status() == 429) {
            Long seconds = e.retryAfterSeconds();
            return seconds == null ? "登录尝试过于频繁，请稍后再试。"
                    : "登录尝试过于频繁，请在 " + waitText(seconds) + "后再试。";
        }
        if (e.status() == 423) {
            // The gateway says how long the lock lasts; keep its words, and a fallback if it gave none.
            return e.getMessage() != null && e.getMessage().contains("锁定") ? e.getMessage()
                    : "连续登录失败次数过多，账号已临时锁定，请稍后再试或联系管理员。";
        }
        return e.getMessage();
    }

    private static String waitText(long seconds) {
        return seconds < 60 ? seconds + " 秒" : ((seconds + 59) / 60) + " 分钟";
    }

    private void showError(String message) {
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setText(message);
        error.setVisible(true);
    }
}
