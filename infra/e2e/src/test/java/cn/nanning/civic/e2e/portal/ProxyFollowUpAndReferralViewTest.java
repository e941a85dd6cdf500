package cn.nanning.civic.e2e.portal;

import cn.nanning.civic.e2e.platform.Api;
import cn.nanning.civic.e2e.platform.Platform;
import cn.nanning.civic.e2e.platform.ProxyData;
import cn.nanning.civic.portal.gateway.ProxyRequestSummary;
import cn.nanning.civic.portal.proxy.ProxyServicesView;
import com.fasterxml.jackson.databind.JsonNode;
import cn.nanning.civic.portal.proxy.ReceiptProgressPage;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** 回访 and 转介 on the clerk's workbench, on real requests behind the real gateway; outcomes said beside the buttons. */
class ProxyFollowUpAndReferralViewTest extends PortalViewTest {

    private static final Api GATEWAY = new Api(Platform.GATEWAY);

    @Test
    void anArchivedRequestGetsItsFollowUpInWordsAndShowsItAfterwards() {
        String requestId = archived("农" + UUID.randomUUID().toString().substring(0, 4));
        open("clerk", ProxyServicesView.class);
        select(requestId);
        assertThat(_get(Anchor.class, spec -> spec.withId("proxy-receipt-pdf")).getText())
                .as("an accepted request keeps its receipt to print").isEqualTo("打印受理回执（PDF）");

        _click(_get(Button.class, spec -> spec.withId("proxy-follow-up")));
        assertThat(outcome("proxy-detail-outcome")).isEqualTo("请选择居民的满意度。");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Integer> satisfaction = _get(RadioButtonGroup.class, spec -> spec.withId("proxy-satisfaction"));
        assertThat(satisfaction.getListDataView().getItems().map(score -> satisfaction.getItemLabelGenerator().apply(score)).toList())
                .containsExactly("非常满意", "满意", "一般", "不满意", "很不满意");
        satisfaction.setValue(4);
        _get(TextArea.class, spec -> spec.withId("proxy-follow-up-comment")).setValue("代办员上门送证，很方便");
        _click(_get(Button.class, spec -> spec.withId("proxy-follow-up")));

        assertThat(outcome("proxy-detail-outcome")).isEqualTo("已记录回访：满意。");
        assertThat(_get(Paragraph.class, spec -> spec.withId("proxy-follow-up-score")).getText()).isEqualTo("满意度：满意（4 分）");
        assertThat(_get(Paragraph.class, spec -> spec.withId("proxy-follow-up-comment-recorded")).getText())
                .isEqualTo("居民意见：代办员上门送证，很方便");
        JsonNode stored = GATEWAY.get("/api/v1/proxy/requests/" + requestId, ProxyData.token("clerk")).json();
        assertThat(stored.path("status").asText()).isEqualTo("FOLLOWED_UP");
        assertThat(stored.path("satisfaction").asInt()).isEqualTo(4);

        // Off the queue now, and still there to look up under 已办结.
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<cn.nanning.civic.portal.gateway.ProxyRequestSummary> closed =
                _get(com.vaadin.flow.component.grid.Grid.class, spec -> spec.withId("proxy-closed"));
        cn.nanning.civic.portal.gateway.ProxyRequestSummary done = closed.getGenericDataView().getItems()
                .filter(r -> r.id().equals(requestId)).findFirst().orElseThrow();
        assertThat(done.statusLabel()).isEqualTo("已回访");
        closed.select(done);
        assertThat(_get(Paragraph.class, spec -> spec.withId("proxy-follow-up-score")).getText()).isEqualTo("满意度：满意（4 分）");
    }

    @Test
    void aRequestIsReferredToMediationAfterTheReasonIsConfirmedAndTheTimelineShowsIt() {
        String requestId = ProxyData.requestFor("覃" + UUID.randomUUID().toString().substring(0, 4));
        open("clerk", ProxyServicesView.class);
        select(requestId);

        // Cancelling the dialog refers nothing; an empty reason keeps the dialog open.
        _click(_get(Button.class, spec -> spec.withId("proxy-refer")));
        _click(_get(Button.class, spec -> spec.withId("proxy-refer-cancel")));
        _click(_get(Button.class, spec -> spec.withId("proxy-refer")));
        _click(_get(Button.class, spec -> spec.withId("proxy-refer-confirm")));
        assertThat(_get(TextArea.class, spec -> spec.withId("proxy-refer-reason")).getErrorMessage()).isEqualTo("请填写转介原因。");
        _click(_get(Button.class, spec -> spec.withId("proxy-refer-cancel")));
        assertThat(timeline()).noneMatch(step -> step.contains("转介"));

        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> target = _get(RadioButtonGroup.class, spec -> spec.withId("proxy-refer-target"));
        target.setValue("MEDIATION");
        clickWithReason("proxy-refer", "宅基地边界与邻居有纠纷，需要调解");
        assertThat(outcome("proxy-refer-outcome")).isEqualTo("已转介至人民调解，对方接收后的进展会记入办理过程。");
        assertThat(timeline()).anyMatch(step -> step.endsWith("转介至人民调解：宅基地边界与邻居有纠纷，需要调解"));
        JsonNode stored = GATEWAY.get("/api/v1/proxy/requests/" + requestId, ProxyData.token("clerk")).json();
        assertThat(stored.path("timeline").findValuesAsText("note")).contains("转介至人民调解：宅基地边界与邻居有纠纷，需要调解");
    }

    @Test
    void theReceiptsPublicPageShowsTheStepsReachedAndTheOnesAheadAndSaysWhenANumberIsUnknown() {
        String requestId = archived("蒙" + UUID.randomUUID().toString().substring(0, 4));
        JsonNode request = GATEWAY.get("/api/v1/proxy/requests/" + requestId, ProxyData.token("clerk")).json();
        String receiptNo = request.path("receiptNo").asText();
        UI.getCurrent().navigate("proxy/receipts/" + receiptNo,
                com.vaadin.flow.router.QueryParameters.of("code", request.path("progressCode").asText()));
        assertThat(_get(Div.class, spec -> spec.withId("receipt-verdict")).getElement().getTextRecursively())
                .isEqualTo(request.path("itemName").asText() + "：已归档");
        List<String> steps = _find(ListItem.class).stream().map(ListItem::getText).toList();
        assertThat(steps).hasSize(5);
        assertThat(steps.subList(0, 4)).noneMatch(step -> step.endsWith("待办理"));
        assertThat(steps.get(4)).isEqualTo("已回访　待办理");

        UI.getCurrent().navigate(ReceiptProgressPage.class, "DB19990101-000001");
        assertThat(_get(Div.class, spec -> spec.withId("receipt-verdict")).getElement().getTextRecursively()).isEqualTo("没有找到该回执，请扫描回执上的二维码查询。");
        // The number alone does not open the page: receipt numbers run in sequence.
        UI.getCurrent().navigate(ReceiptProgressPage.class, receiptNo);
        assertThat(_get(Div.class, spec -> spec.withId("receipt-verdict")).getElement().getTextRecursively()).isEqualTo("没有找到该回执，请扫描回执上的二维码查询。");
    }

    /** A request taken, accepted, forwarded, delivered and archived through the API (the test is about what follows). */
    static String archived(String resident) {
        String id = ProxyData.requestFor(resident);
        String clerk = ProxyData.token("clerk");
        List<String> materials = new ArrayList<>();
        GATEWAY.get("/api/v1/proxy/requests/" + id, clerk).json().path("materials").forEach(m -> materials.add(m.path("name").asText()));
        step(id, "accept", Map.of("materials", materials));
        step(id, "forward", Map.of("office", "青秀区民政局"));
        step(id, "deliver", Map.of("note", "已送达"));
        step(id, "archive", Map.of());
        return id;
    }

    private static void step(String id, String action, Map<String, Object> body) {
        Api.Response answer = GATEWAY.post("/api/v1/proxy/requests/" + id + "/" + action, body, ProxyData.token("clerk"));
        assertThat(answer.status()).as(action + ": " + answer.body()).isEqualTo(200);
    }

    private static void select(String requestId) {
        @SuppressWarnings("unchecked")
        Grid<ProxyRequestSummary> grid = _get(Grid.class, spec -> spec.withId("proxy-grid"));
        grid.select(grid.getGenericDataView().getItems().filter(r -> r.id().equals(requestId)).findFirst().orElseThrow());
    }

    private static List<String> timeline() {
        return _find(ListItem.class).stream().map(ListItem::getText).toList();
    }
}
