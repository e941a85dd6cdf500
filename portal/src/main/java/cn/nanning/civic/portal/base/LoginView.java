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
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;

/** Staff sign-in with user name and password, checked by the gateway. */
@Prototype
@PublicView
@Route("login")
@PageTitle("登录 | " + PortalShell.PRODUCT)
public final class LoginView extends VerticalLayout {

    private final SignIn signIn;
    private final TextField username = new TextField("用户名");
    private final PasswordField password = new PasswordField("密码");
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
        submit.setId("sign-in");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        submit.addClickListener(click -> submit());
        error.setId("login-error");
        error.getElement().setAttribute("role", "alert");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);

        VerticalLayout form = new VerticalLayout(new H2("工作人员登录"), username, password, error, submit);
        form.setWidth("22rem");
        form.setPadding(true);
        form.setAlignItems(FlexComponent.Alignment.STRETCH);
        add(new H1(PortalShell.PRODUCT), form);
    }

    private void submit() {
        String name = username.getValue().trim();
        if (name.isEmpty() || password.getValue().isEmpty()) {
            showError("请输入用户名和密码。");
            return;
        }
        submit.setEnabled(false);
        try {
            signIn.signIn(name, password.getValue());
            getUI().ifPresent(ui -> ui.navigate(HomeView.class));
        } catch (GatewayException e) {
            password.clear();
            showError(e.getMessage());
        } finally {
            submit.setEnabled(true);
        }
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }
}
