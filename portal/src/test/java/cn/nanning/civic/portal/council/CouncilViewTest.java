package cn.nanning.civic.portal.council;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.HomeView;
import cn.nanning.civic.portal.base.StaffSession;
import cn.nanning.civic.portal.micronaut.KaribuViewTest;
import cn.nanning.civic.portal.ui.Outcome;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
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
        assertThat(headers("council-photos")).containsExactly("照片", "尺寸");
    }

    @Test
    void when_the_gateway_is_down_the_desk_says_so_in_chinese() {
        open(CouncilView.class);
        Outcome message = _get(Outcome.class, spec -> spec.withId("council-message"));
        assertThat(message.isVisible()).isTrue();
        assertThat(message.message()).isEqualTo("暂时无法连接服务平台，请稍后再试。");
    }

    @Test
    void the_moderation_queue_shows_kind_content_and_why_it_waits() {
        open(ModerationView.class);
        assertThat(headers("moderation-queue")).containsExactly("类型", "议题", "内容", "状态", "送审原因", "举报理由", "提交时间");
        assertThat(_get(Button.class, spec -> spec.withId("moderation-approve")).getText()).isEqualTo("通过并公开");
        assertThat(_get(Button.class, spec -> spec.withId("moderation-hide")).getText()).isEqualTo("隐藏");
        assertThat(_get(Outcome.class, spec -> spec.withId("moderation-message")).message()).isEqualTo("暂时无法连接服务平台，请稍后再试。");
        assertThat(ModerationView.checkLabel("no-openid:moderation")).contains("人工审核");
        assertThat(ModerationView.checkLabel("wechat:review:20008")).isEqualTo("微信内容安全建议人工复核");
    }

    @Test
    void a_reported_topic_shows_in_the_moderation_queue_next_to_reported_opinions() {
        open(ModerationView.class);
        @SuppressWarnings("unchecked")
        Grid<CouncilClient.QueueItem> queue = _get(Grid.class, spec -> spec.withId("moderation-queue"));
        queue.setItems(List.of(
                new CouncilClient.QueueItem("TOPIC", "议题", "t1", "t1", "某某家门口的停车位", "请大家议一议。", "VISIBLE", "已公开",
                        "no-openid:moderation", List.of(new CouncilClient.Report("针对个人", "2025-05-01T02:00:00Z")), "2025-05-01T01:00:00Z"),
                new CouncilClient.QueueItem("OPINION", "意见", "o1", "t2", "村口路灯维修", "灌水", "VISIBLE", "已公开", "wechat:pass",
                        List.of(new CouncilClient.Report("广告", "2025-05-01T03:00:00Z")), "2025-05-01T01:30:00Z"),
                new CouncilClient.QueueItem("TOPIC", "议题", "t3", "t3", "修缮活动室", "屋顶漏水", "REVIEW", "待审核",
                        "no-openid:moderation", null, "2025-05-01T04:00:00Z")));
        assertThat(GridKt._getFormattedRow(queue, 0)).containsSubsequence("议题", "某某家门口的停车位", "请大家议一议。", "已公开", "居民举报", "针对个人");
        assertThat(GridKt._getFormattedRow(queue, 1)).containsSubsequence("意见", "村口路灯维修", "灌水", "已公开", "居民举报", "广告");
        assertThat(GridKt._getFormattedRow(queue, 2)).contains("待审核").anySatisfy(cell -> assertThat(cell).contains("人工审核"));
        assertThat(_get(Paragraph.class, spec -> spec.withText("待审核的议题和意见，以及被居民举报的议题和意见。通过后公开（被举报的保留公开）；"
                + "隐藏须说明理由，作者将收到通知，隐藏的内容在任何页面都不再显示。"))).isNotNull();
    }

    @Test
    void a_convener_removes_a_progress_photo_only_with_a_reason_given_in_a_dialog() {
        open(CouncilView.class);
        _get(TabSheet.class, spec -> spec.withId("council-tabs")).setSelectedIndex(4);
        PublicationsPanel panel = _get(PublicationsPanel.class);
        CouncilClient.DecisionSummary decision = new CouncilClient.DecisionSummary("d1", "村道硬化工程", "IMPLEMENTING", "实施中", null, null, 40,
                "2025-05-01T01:00:00Z");
        panel.decision.setItems(List.of(decision));
        panel.decision.setValue(decision);
        CouncilClient.Photo wrong = new CouncilClient.Photo("p1", "image/jpeg", 64, 32, "/api/v1/council/public/decisions/d1/photos/p1");
        CouncilClient.Photo right = new CouncilClient.Photo("p2", "image/png", 32, 48, "/api/v1/council/public/decisions/d1/photos/p2");
        CouncilClient.Progress update = new CouncilClient.Progress("g1", 40, "路基已完成", "2025-05-01", List.of(wrong, right));
        panel.progress.setItems(List.of(update));

        Button delete = _get(Button.class, spec -> spec.withId("council-photo-delete"));
        assertThat(delete.getText()).isEqualTo("删除");
        assertThat(delete.isEnabled()).as("no photo chosen yet").isFalse();
        panel.progress.asSingleSelect().setValue(update);
        assertThat(headers("council-photos")).containsExactly("照片", "尺寸");
        assertThat(GridKt._size(panel.photos)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(panel.photos, 0)).contains("64 × 32 像素");
        panel.photos.asSingleSelect().setValue(wrong);
        assertThat(delete.isEnabled()).isTrue();

        _click(delete);
        MockVaadin.clientRoundtrip();
        Dialog dialog = panel.deleteDialog;
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.getHeaderTitle()).isEqualTo("删除实施进度照片");
        TextArea reason = _get(dialog, TextArea.class, spec -> spec.withId("council-photo-delete-reason"));
        assertThat(reason.getLabel()).isEqualTo("删除理由");
        Button confirm = _get(dialog, Button.class, spec -> spec.withId("council-photo-delete-confirm"));
        assertThat(confirm.getText()).isEqualTo("删除");
        _click(confirm);
        Paragraph dialogMessage = _get(dialog, Paragraph.class, spec -> spec.withId("council-photo-delete-message"));
        assertThat(dialogMessage.getText()).isEqualTo("请说明删除理由。");
        assertThat(dialog.isOpened()).as("nothing is sent without a reason").isTrue();

        _setValue(reason, "误传了别的村的照片");
        _click(confirm);
        assertThat(dialogMessage.getText()).as("the gateway is down in this test").isEqualTo("暂时无法连接服务平台，请稍后再试。");
        assertThat(dialog.isOpened()).isTrue();
        _click(_get(dialog, Button.class, spec -> spec.withId("council-photo-delete-cancel")));
        assertThat(dialog.isOpened()).isFalse();
    }

    @Test
    void a_staff_member_without_a_region_is_told_why_no_council_is_listed() {
        StaffSession.store(VaadinSession.getCurrent(), new StaffSession("陈召集", null, Set.of(Role.CONVENER), "a", "r"));
        UI.getCurrent().navigate(CouncilView.class);
        assertThat(_get(Outcome.class, spec -> spec.withId("council-message")).message()).contains("未设定辖区");
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
