package cn.nanning.civic.portal.base;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.catalogue.CatalogueView;
import cn.nanning.civic.portal.micronaut.KaribuViewTest;
import cn.nanning.civic.portal.regions.RegionsView;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class ShellTest extends KaribuViewTest {


    @Test
    void a_clerk_sees_home_proxy_services_and_region_lookup_only() {
        signedInAs(Role.CLERK);
        assertThat(menu()).containsSubsequence("首页", "代办服务", "代办统计与督办", "代约法律咨询", "区划查询")
                .doesNotContain("服务点与代办员", "服务事项目录", "审计日志", "志愿服务", "法律援助");
    }

    @Test
    void a_volunteer_sees_their_own_volunteering_but_not_organisers_or_proxy_services() {
        signedInAs(Role.VOLUNTEER);
        assertThat(menu()).containsExactly("首页", "我的志愿服务", "区划查询", "我的账号");
    }

    @Test
    void an_admin_sees_every_capability_except_the_audit_log_and_the_counsellors_own_day() {
        signedInAs(Role.ADMIN);
        assertThat(menu()).containsSubsequence(
                "首页", "志愿服务", "志愿者查询", "代办服务", "代办统计与督办", "服务点与代办员", "法律援助", "预约管理", "老友议事会",
                "服务事项目录", "区划查询", "员工账号", "我的账号").doesNotContain("审计日志", "心理咨询");
    }

    @Test
    void an_auditor_sees_the_audit_log() {
        signedInAs(Role.AUDITOR);
        assertThat(menu()).containsSubsequence("首页", "代办统计与督办", "区划查询", "审计日志", "我的账号")
                .doesNotContain("代办服务", "服务点与代办员", "服务事项目录", "员工账号", "议事与预约统计");
    }

    @Test
    void a_lawyer_who_is_also_a_counsellor_sees_both_capabilities() {
        signedInAs(Role.LAWYER, Role.COUNSELLOR);
        assertThat(menu()).containsExactly("首页", "法律援助", "心理咨询", "区划查询", "我的账号");
    }

    @Test
    void the_header_shows_the_product_the_signed_in_name_and_roles_in_chinese() {
        signedInAs(Role.LAWYER, Role.ADMIN);
        assertThat(_get(Span.class, spec -> spec.withId("product-name")).getText()).isEqualTo("南宁市民服务与志愿者平台");
        assertThat(_get(Span.class, spec -> spec.withId("signed-in-user")).getText()).isEqualTo("黄丽（律师、管理员）");
        assertThat(_get(Button.class, spec -> spec.withId("sign-out")).getText()).isEqualTo("退出登录");
    }

    @Test
    void the_catalogue_requiring_admin_refuses_a_clerk() {
        signedInAs(Role.CLERK);
        UI.getCurrent().navigate(CatalogueView.class);
        _assertOne(AccessDeniedView.class);
        _assertNone(CatalogueView.class);
    }

    @Test
    void the_catalogue_opens_for_an_admin() {
        signedInAs(Role.ADMIN);
        UI.getCurrent().navigate(CatalogueView.class);
        _assertOne(CatalogueView.class);
    }

    @Test
    void the_council_desk_opens_for_a_convener_and_is_closed_to_a_clerk() {
        signedInAs(Role.CONVENER);
        UI.getCurrent().navigate(cn.nanning.civic.portal.council.CouncilView.class);
        _assertOne(cn.nanning.civic.portal.council.CouncilView.class);
        signedInAs(Role.CLERK);
        UI.getCurrent().navigate(cn.nanning.civic.portal.council.CouncilView.class);
        _assertNone(cn.nanning.civic.portal.council.CouncilView.class);
    }

    @Test
    void a_visitor_who_is_not_signed_in_is_sent_to_the_login_page() {
        UI.getCurrent().navigate(RegionsView.class);
        _assertOne(LoginView.class);
        _assertNone(RegionsView.class);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("login");
    }

    @Test
    void a_signed_in_staff_member_opening_the_login_page_lands_on_home() {
        signedInAs(Role.CLERK);
        UI.getCurrent().navigate(LoginView.class);
        _assertOne(HomeView.class);
    }

    @Test
    void signing_out_clears_the_session_and_protected_views_need_a_new_sign_in() {
        signedInAs(Role.ADMIN);
        VaadinSession before = VaadinSession.getCurrent();
        _click(_get(Button.class, spec -> spec.withId("sign-out")));

        assertThat(before.getAttribute(StaffSession.class)).isNull();
        assertThat(StaffSession.current()).isEmpty();
        UI.getCurrent().navigate(HomeView.class);
        _assertOne(LoginView.class);
    }

    private static void signedInAs(Role... roles) {
        StaffSession.store(VaadinSession.getCurrent(),
                new StaffSession("黄丽", "450102001", Set.of(roles), "access-token", "refresh-token"));
        UI.getCurrent().navigate(HomeView.class);
        _assertOne(HomeView.class);
    }

    private static List<String> menu() {
        return _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }
}
