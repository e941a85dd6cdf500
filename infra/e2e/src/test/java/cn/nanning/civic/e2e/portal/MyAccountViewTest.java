package cn.nanning.civic.e2e.portal;

import cn.nanning.civic.e2e.platform.Api;
import cn.nanning.civic.e2e.platform.Platform;
import cn.nanning.civic.e2e.platform.StaffData;
import cn.nanning.civic.portal.accounts.MyAccountView;
import cn.nanning.civic.portal.base.StaffSession;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** 我的账号 with the real gateway: Chinese errors beside the fields and the button, and 大字模式 kept with the account. */
class MyAccountViewTest extends PortalViewTest {

    private static PasswordField field(String id) {
        return _get(PasswordField.class, spec -> spec.withId(id));
    }

    @Test
    void passwordMistakesAreExplainedInChineseBeforeAndAfterTheGatewayIsAsked() {
        open(StaffData.account("ORGANIZER", "改密码的组织者", "450103"), MyAccountView.class);
        assertThat(_get(Span.class, spec -> spec.withId("otp-state")).getText()).isEqualTo("未启用");

        field("current-password").setValue(Platform.DEMO_STAFF_PASSWORD);
        field("new-password").setValue("太短的密码");
        field("repeat-password").setValue("另一个不同的新密码啊");
        _click(_get(Button.class, spec -> spec.withId("change-password")));
        assertThat(outcome("password-outcome")).isEqualTo("请按提示改正后再提交。");
        assertThat(field("new-password").getErrorMessage()).isEqualTo("新密码至少需要 12 个字符");
        assertThat(field("repeat-password").getErrorMessage()).isEqualTo("两次输入的新密码不一致");

        field("current-password").setValue("这不是当前的密码一二三");
        field("new-password").setValue("足够长的新密码一二三四五");
        field("repeat-password").setValue("足够长的新密码一二三四五");
        _click(_get(Button.class, spec -> spec.withId("change-password")));
        assertThat(outcome("password-outcome")).isEqualTo("当前密码不正确。");
    }

    @Test
    void largeTextIsSavedWithTheAccountAndShownOnThePage() {
        open(StaffData.account("VOLUNTEER", "大字志愿者", "450103"), MyAccountView.class);
        Checkbox largeText = _get(Checkbox.class, spec -> spec.withId("large-text"));
        assertThat(largeText.getValue()).isFalse();

        _setValue(largeText, true);

        assertThat(outcome("large-text-outcome")).isEqualTo("已开启大字模式。");
        assertThat(UI.getCurrent().getElement().getClassList()).contains("large-text");
        String token = StaffSession.current().orElseThrow().accessToken();
        assertThat(new Api(Platform.GATEWAY).get("/api/v1/identity/me/preferences", token).json().path("largeText").asBoolean())
                .as("kept at the gateway, for the next computer").isTrue();

        _setValue(largeText, false);
        assertThat(outcome("large-text-outcome")).isEqualTo("已关闭大字模式。");
        assertThat(UI.getCurrent().getElement().getClassList()).doesNotContain("large-text");
    }
}
