package cn.nanning.civic.portal.base;

import cn.nanning.civic.portal.micronaut.KaribuViewTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
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

    @Test
    void the_one_time_code_field_stays_hidden_until_the_gateway_asks_for_it() {
        assertThat(_find(TextField.class, spec -> spec.withId("otp"))).as("not shown on first sight").isEmpty();
        TextField otp = descendants(_get(LoginView.class)).filter(c -> c.getId().filter("otp"::equals).isPresent())
                .map(TextField.class::cast).findFirst().orElseThrow();
        assertThat(otp.isVisible()).isFalse();
        assertThat(otp.getLabel()).isEqualTo("动态验证码");
    }

    @Test
    void the_browser_address_passed_to_the_gateway_is_the_one_the_ingress_appended_or_the_peer() {
        assertThat(SignIn.browserAddress("203.0.113.9, 10.0.0.7", "10.0.0.2")).isEqualTo("10.0.0.7");
        assertThat(SignIn.browserAddress("203.0.113.9", "10.0.0.2")).isEqualTo("203.0.113.9");
        assertThat(SignIn.browserAddress(null, "198.51.100.4")).isEqualTo("198.51.100.4");
        assertThat(SignIn.browserAddress(" ", "198.51.100.4")).isEqualTo("198.51.100.4");
    }

    private static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(LoginViewTest::descendants));
    }

    private static String error() {
        Div error = _get(Div.class, spec -> spec.withId("login-error"));
        assertThat(error.isVisible()).isTrue();
        return error.getText();
    }
}
