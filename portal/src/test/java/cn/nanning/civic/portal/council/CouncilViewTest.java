package cn.nanning.civic.portal.council;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.HomeView;
import cn.nanning.civic.portal.base.StaffSession;
import cn.nanning.civic.portal.micronaut.KaribuViewTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class CouncilViewTest extends KaribuViewTest {

    @Test
    void a_convener_finds_the_council_desk_and_the_moderation_queue_in_the_menu() {
        signIn(Role.CONVENER);
        UI.getCurrent().navigate(HomeView.class);
        assertThat(_find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList())
                .containsSubsequence("首页", "老友议事会", "议事审核").doesNotContain("代办服务", "服务事项目录");
    }

    @Test
    void the_desk_has_a_tab_for_each_part_of_the_councils_work_with_chinese_labels() {
        open(CouncilView.class);
        TabSheet tabs = _get(TabSheet.class, spec -> spec.withId("council-tabs"));
        assertThat(List.of(0, 1, 2, 3, 4)).extracting(i -> tabs.getTabAt(i).getLabel())
                .containsExactly("议事会", "议题分拣", "议事会议", "四议两公开登记", "决议与实施公开");
        assertThat(headers("council-representatives")).containsExactly("姓名", "职务", "任期", "状态");
        tabs.setSelectedIndex(1);
        assertThat(headers("council-topics")).containsExactly("议题", "内容", "来源", "附议人数", "状态", "提出时间");
        assertThat(List.of("council-accept", "council-decline", "council-merge", "council-hide-topic"))
                .extracting(id -> _get(Button.class, spec -> spec.withId(id)).getText())
                .containsExactly("采纳", "不采纳", "合并", "隐藏议题");
        assertThat(_get(Button.class, spec -> spec.withId("council-accept")).isEnabled()).as("nothing selected yet").isFalse();
        tabs.setSelectedIndex(2);
        assertThat(headers("council-meetings")).containsExactly("会议", "地点", "开始时间", "议程", "报名人数", "出席", "状态");
        tabs.setSelectedIndex(3);
        assertThat(headers("council-register")).containsExactly("步骤", "次数", "时间", "动议来源", "应到", "实到", "赞成/反对/弃权", "结果",
                "说明", "监督意见");
        tabs.setSelectedIndex(4);
        assertThat(headers("council-progress")).containsExactly("日期", "进度", "说明", "照片");
    }

    @Test
    void when_the_gateway_is_down_the_desk_says_so_in_chinese() {
        open(CouncilView.class);
        Paragraph message = _get(Paragraph.class, spec -> spec.withId("council-message"));
        assertThat(message.isVisible()).isTrue();
        assertThat(message.getText()).isEqualTo("暂时无法连接服务平台，请稍后再试。");
    }

    @Test
    void the_moderation_queue_shows_kind_content_and_why_it_waits() {
        open(ModerationView.class);
        assertThat(headers("moderation-queue")).containsExactly("类型", "议题", "内容", "状态", "送审原因", "举报理由", "提交时间");
        assertThat(_get(Button.class, spec -> spec.withId("moderation-approve")).getText()).isEqualTo("通过并公开");
        assertThat(_get(Button.class, spec -> spec.withId("moderation-hide")).getText()).isEqualTo("隐藏");
        assertThat(_get(Paragraph.class, spec -> spec.withId("moderation-message")).getText()).isEqualTo("暂时无法连接服务平台，请稍后再试。");
        assertThat(ModerationView.checkLabel("no-openid:moderation")).contains("人工审核");
        assertThat(ModerationView.checkLabel("wechat:review:20008")).isEqualTo("微信内容安全建议人工复核");
    }

    @Test
    void a_staff_member_without_a_region_is_told_why_no_council_is_listed() {
        StaffSession.store(VaadinSession.getCurrent(), new StaffSession("陈召集", null, Set.of(Role.CONVENER), "a", "r"));
        UI.getCurrent().navigate(CouncilView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("council-message")).getText()).contains("未设定辖区");
    }

    @Test
    void the_public_page_opens_without_signing_in() {
        UI.getCurrent().navigate(CouncilPublicPage.class, "00000000-0000-0000-0000-000000000000");
        assertThat(_get(Paragraph.class, spec -> spec.withId("council-public-message")).getText()).isEqualTo("暂时无法连接服务平台，请稍后再试。");
    }

    private static List<String> headers(String gridId) {
        return _get(Grid.class, spec -> spec.withId(gridId)).getColumns().stream().map(c -> ((Grid.Column<?>) c).getHeaderText()).toList();
    }

    private static void signIn(Role role) {
        StaffSession.store(VaadinSession.getCurrent(), new StaffSession("陈召集", "450103001", Set.of(role), "a", "r"));
    }

    private static void open(Class<? extends com.vaadin.flow.component.Component> view) {
        signIn(Role.CONVENER);
        UI.getCurrent().navigate(view);
    }
}
