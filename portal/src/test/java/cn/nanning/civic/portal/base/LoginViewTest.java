package cn.nanning.civic.portal.base;

import cn.nanning.civic.portal.micronaut.KaribuViewTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

class LoginViewTest extends KaribuViewTest {

    @BeforeEach
    void openTheLoginPage() {
        UI.getCurrent().navigate(LoginView.class);
    }

    @Test
    void the_login_form_asks_for_user_name_and_password_in_chinese() {
        assertThat(_get(TextField.class, spec -> spec.withId("username")).getLabel()).isEqualTo("用户名");
        assertThat(_get(PasswordField.class, spec -> spec.withId("password")).getLabel()).isEqualTo("密码");
        assertThat(_get(Button.class, spec -> spec.withId("sign-in")).getText()).isEqualTo("登录");
    }

    @Test
    void submitting_an_empty_form_asks_for_both_fields() {
        _click(_get(Button.class, spec -> spec.withId("sign-in")));
        assertThat(error()).isEqualTo("请输入用户名和密码。");
    }

    @Test
    void when_the_gateway_cannot_be_reached_the_staff_member_is_told_so_and_stays_signed_out() {
        _setValue(_get(TextField.class, spec -> spec.withId("username")), "clerk01");
        _setValue(_get(PasswordField.class, spec -> spec.withId("password")), "secret-password");
        _click(_get(Button.class, spec -> spec.withId("sign-in")));

        assertThat(error()).isEqualTo("暂时无法连接服务平台，请稍后再试。");
        assertThat(StaffSession.current()).isEmpty();
        assertThat(_get(PasswordField.class, spec -> spec.withId("password")).getValue()).isEmpty();
        _assertOne(LoginView.class);
    }

    private static String error() {
        Div error = _get(Div.class, spec -> spec.withId("login-error"));
        assertThat(error.isVisible()).isTrue();
        return error.getText();
    }
}
