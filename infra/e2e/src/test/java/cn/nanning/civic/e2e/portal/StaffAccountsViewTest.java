package cn.nanning.civic.e2e.portal;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.e2e.platform.Api;
import cn.nanning.civic.e2e.platform.Platform;
import cn.nanning.civic.e2e.platform.StaffData;
import cn.nanning.civic.portal.accounts.AccountsClient;
import cn.nanning.civic.portal.accounts.StaffAccountsView;
import cn.nanning.civic.portal.ui.RegionPicker;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** 员工账号 with a district administrator and the real gateway: what the grid shows and what each action says. */
class StaffAccountsViewTest extends PortalViewTest {

    /** 上林县: a district the other portal tests leave alone. */
    private static final String DISTRICT = "450125";
    private static String admin;
    private static String village;

    @BeforeAll
    static void districtAdministrator() {
        admin = StaffData.account("ADMIN", "上林县管理员", DISTRICT);
        village = StaffData.firstVillageOf(DISTRICT);
    }

    @SuppressWarnings("unchecked")
    private static Grid<AccountsClient.StaffMember> grid() {
        return _get(Grid.class, spec -> spec.withId("staff-grid"));
    }

    @SuppressWarnings("unchecked")
    private static CheckboxGroup<Role> roles(String id) {
        return _get(CheckboxGroup.class, spec -> spec.withId(id));
    }

    private static List<List<String>> rows() {
        Grid<AccountsClient.StaffMember> grid = grid();
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._getFormattedRow(grid, i)).toList();
    }

    private static void create(String username, String name, Role role) {
        _get(TextField.class, spec -> spec.withId("new-username")).setValue(username);
        _get(TextField.class, spec -> spec.withId("new-display-name")).setValue(name);
        roles("new-roles").setValue(Set.of(role));
        _get(RegionPicker.class, spec -> spec.withId("new-region")).setValue(village);
        _click(_get(Button.class, spec -> spec.withId("create-staff")));
    }

    @Test
    void anAdministratorCreatesAnAccountAndReadsItByNameRoleAndPlaceNeverByCode() {
        open(admin, StaffAccountsView.class);
        assertThat(rows()).as("the administrator is listed as staff of the area")
                .anySatisfy(row -> assertThat(row).contains("上林县管理员", "管理员"));
        String name = "上林代办员" + (1000 + new Random().nextInt(9000));
        String username = "sl" + System.nanoTime() % 10_000_000;

        create(username, name, Role.CLERK);

        assertThat(outcome("create-outcome")).startsWith("已为" + name + "新建账号").contains("上林县", "村(社区)代办员");
        String password = _get(Span.class, spec -> spec.withId("first-password-value")).getText();
        assertThat(password).hasSize(16);
        assertThat(new Api(Platform.GATEWAY).post("/api/v1/auth/staff/login",
                Map.of("username", username, "password", password), null).status()).as("the password shown works").isEqualTo(200);
        List<String> row = rows().stream().filter(r -> r.contains(name)).findFirst().orElseThrow();
        assertThat(row).containsExactly(name, "村(社区)代办员", row.get(2), "未绑定", "正常");
        assertThat(row.get(2)).startsWith("上林县").doesNotContainPattern("\\d");

        // The same user name again: the gateway's Chinese refusal beside the button.
        create(username, name + "乙", Role.CLERK);
        assertThat(outcome("create-outcome")).contains("已被使用");

        // The search finds by role label and by place.
        _get(TextField.class, spec -> spec.withId("staff-search")).setValue("代办员");
        assertThat(rows()).isNotEmpty().allSatisfy(r -> assertThat(r.get(1)).contains("代办员"));
        _get(TextField.class, spec -> spec.withId("staff-search")).setValue("没有这个人");
        assertThat(rows()).isEmpty();
        assertThat(outcome("staff-list-outcome")).isEqualTo("没有找到与“没有这个人”相符的工作人员。");
    }

    @Test
    void rolesAreChangedDisablingAsksFirstAndAdministratorsAccountsAreLeftToOperations() {
        open(admin, StaffAccountsView.class);
        String name = "上林组织者" + (1000 + new Random().nextInt(9000));
        create("so" + System.nanoTime() % 10_000_000, name, Role.ORGANIZER);
        AccountsClient.StaffMember member = grid().getListDataView().getItems()
                .filter(m -> m.displayName().equals(name)).findFirst().orElseThrow();
        grid().select(member);

        roles("edit-roles").setValue(Set.of());
        _click(_get(Button.class, spec -> spec.withId("save-roles")));
        assertThat(outcome("roles-outcome")).isEqualTo("请至少选择一个角色。");
        roles("edit-roles").setValue(Set.of(Role.ORGANIZER, Role.VOLUNTEER));
        _click(_get(Button.class, spec -> spec.withId("save-roles")));
        assertThat(outcome("roles-outcome")).contains("志愿者、活动组织者");

        clickAndConfirm("disable-staff");
        assertThat(outcome("member-outcome")).isEqualTo("已停用" + name + "的账号，此人已无法登录。");
        assertThat(rows().stream().filter(r -> r.contains(name)).findFirst().orElseThrow()).contains("已停用");
        assertThat(roles("edit-roles").isEnabled()).isFalse();

        AccountsClient.StaffMember self = grid().getListDataView().getItems()
                .filter(m -> m.displayName().equals("上林县管理员")).findFirst().orElseThrow();
        grid().select(self);
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withText("管理员和审计员账号只能由运维人员调整。"))
                .isVisible()).isTrue();
    }
}
