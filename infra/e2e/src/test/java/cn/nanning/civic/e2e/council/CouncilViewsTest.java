package cn.nanning.civic.e2e.council;

import cn.nanning.civic.e2e.platform.ProxyData;
import cn.nanning.civic.e2e.portal.PortalViewTest;
import cn.nanning.civic.portal.council.CouncilClient;
import cn.nanning.civic.portal.council.CouncilView;
import cn.nanning.civic.portal.council.ModerationView;
import com.fasterxml.jackson.databind.JsonNode;
import cn.nanning.civic.portal.ui.RegionPicker;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.nanning.civic.e2e.council.CouncilData.GATEWAY;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The convener's council desk and moderation queue in the portal, on real councils behind the real gateway. */
class CouncilViewsTest extends PortalViewTest {

    @Test
    @SuppressWarnings("unchecked")
    void theConvenerTriagesTopicsWithPublicReasons() {
        String council = CouncilData.council();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String lamps = CouncilData.publishedTopic(council, "村口路灯维修 " + suffix, "村口路灯坏了三个月。");
        String outOfScope = CouncilData.publishedTopic(council, "修建高速公路出口 " + suffix, "希望在村边开高速出口。");

        open("convener", CouncilView.class);
        choose("council-select", council);
        _get(TabSheet.class, spec -> spec.withId("council-tabs")).setSelectedIndex(1);
        Grid<CouncilClient.Topic> topics = _get(Grid.class, spec -> spec.withId("council-topics"));
        assertThat(rows(topics)).extracting(CouncilClient.Topic::id).contains(lamps, outOfScope);

        topics.select(row(topics, outOfScope));
        _get(TextArea.class, spec -> spec.withId("council-triage-reason")).setValue("超出村级事务范围，已转交区交通部门");
        clickAndConfirm("council-decline");
        assertThat(outcome("council-triage-outcome")).contains("修建高速公路出口").contains("不采纳");
        assertThat(rows(topics)).extracting(CouncilClient.Topic::id).doesNotContain(outOfScope);

        topics.select(row(topics, lamps));
        _click(_get(Button.class, spec -> spec.withId("council-accept")));
        assertThat(outcome("council-triage-outcome")).contains("村口路灯维修").contains("已采纳");

        String token = ProxyData.token("convener");
        JsonNode declined = GATEWAY.get("/api/v1/council/topics/" + outOfScope, token).json();
        assertThat(declined.path("status").asText()).isEqualTo("DECLINED");
        assertThat(declined.path("publicReason").asText()).isEqualTo("超出村级事务范围，已转交区交通部门");
        assertThat(GATEWAY.get("/api/v1/council/topics/" + lamps, token).json().path("status").asText()).isEqualTo("ACCEPTED");
        JsonNode page = GATEWAY.get("/api/v1/council/public/councils/" + council, null).json();
        assertThat(page.path("closedTopics").toString()).contains("超出村级事务范围，已转交区交通部门");

        // A decline without a reason is refused by the services, in Chinese, and changes nothing.
        String another = CouncilData.publishedTopic(council, "增设垃圾分类点 " + suffix, "建议在村口增设。");
        _get(TabSheet.class, spec -> spec.withId("council-tabs")).setSelectedIndex(0);
        _get(TabSheet.class, spec -> spec.withId("council-tabs")).setSelectedIndex(1);
        topics = _get(Grid.class, spec -> spec.withId("council-topics"));
        topics.select(row(topics, another));
        clickAndConfirm("council-decline");
        assertThat(outcome("council-triage-outcome")).contains("理由");
        assertThat(GATEWAY.get("/api/v1/council/topics/" + another, token).json().path("status").asText()).isEqualTo("OPEN");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theModeratorPublishesAClerkEnteredTopicAndHidesAnOpinionWithAReason() {
        String council = CouncilData.council();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String clerkTopic = CouncilData.clerkTopic(council, "修缮村级活动室 " + suffix);
        String topic = CouncilData.publishedTopic(council, "村道硬化 " + suffix, "村道雨天泥泞。");
        String author = CouncilData.citizen();
        String opinion = CouncilData.post("/api/v1/council/topics/" + topic + "/opinions",
                Map.of("content", "有人在群里招人刷单，加我微信 " + suffix), author).path("id").asText();

        open("convener", ModerationView.class);
        choose("moderation-council", council);
        Grid<CouncilClient.QueueItem> queue = _get(Grid.class, spec -> spec.withId("moderation-queue"));
        assertThat(rows(queue)).extracting(q -> q.kind() + ":" + q.id()).contains("TOPIC:" + clerkTopic, "OPINION:" + opinion);

        queue.select(rows(queue).stream().filter(q -> q.id().equals(clerkTopic)).findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("moderation-approve")));
        assertThat(outcome("moderation-outcome")).contains("已通过并公开");

        queue.select(rows(queue).stream().filter(q -> q.id().equals(opinion)).findFirst().orElseThrow());
        clickWithReason("moderation-hide", "疑似广告引流");
        assertThat(outcome("moderation-outcome")).contains("已隐藏");
        assertThat(rows(queue)).extracting(CouncilClient.QueueItem::id).doesNotContain(clerkTopic, opinion);

        String token = ProxyData.token("convener");
        assertThat(GATEWAY.get("/api/v1/council/topics/" + clerkTopic, CouncilData.citizen()).json().path("moderation").asText())
                .isEqualTo("VISIBLE");
        assertThat(GATEWAY.get("/api/v1/council/public/topics/" + topic + "/opinions", null).body()).doesNotContain(suffix);
        assertThat(GATEWAY.get("/api/v1/council/councils/" + council + "/moderation-queue", token).body())
                .doesNotContain(clerkTopic).doesNotContain(opinion);
    }

    @Test
    void aProgressPhotoIsPublicWithTheResultOnThePublicCouncilPage() throws Exception {
        String council = CouncilData.council();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String topic = CouncilData.publishedTopic(council, "村道硬化工程 " + suffix, "硬化村道 1.2 公里。");
        String token = ProxyData.token("convener");
        CouncilData.post("/api/v1/council/topics/" + topic + "/accept", Map.of(), token);
        String decision = CouncilData.post("/api/v1/council/councils/" + council + "/decisions",
                Map.of("title", "村道硬化 " + suffix, "matter", "硬化村道 1.2 公里", "topicId", topic), token).path("id").asText();
        String held = java.time.Instant.now().minusSeconds(3600).toString();
        for (List<Object> step : List.of(List.<Object>of("PROPOSAL", 7, 7, 7), List.<Object>of("COMMITTEES_DISCUSSION", 11, 10, 9),
                List.<Object>of("PARTY_REVIEW", 30, 20, 15), List.<Object>of("RESIDENTS_RESOLUTION", 45, 31, 25))) {
            int present = (Integer) step.get(2);
            int votesFor = (Integer) step.get(3);
            CouncilData.post("/api/v1/council/decisions/" + decision + "/register", Map.of("step", step.get(0), "heldAt", held,
                    "motionSource", "村党支部委员会", "expectedAttendance", step.get(1), "actualAttendance", present,
                    "votesFor", votesFor, "votesAgainst", present - votesFor, "votesAbstain", 0), token);
        }
        CouncilData.post("/api/v1/council/decisions/" + decision + "/resolution", Map.of("content", "同意硬化村道。"), token);
        JsonNode progress = CouncilData.post("/api/v1/council/decisions/" + decision + "/progress",
                Map.of("percent", 40, "note", "路基已完成", "occurredOn", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString()),
                token);
        String progressId = progress.path("progressUpdates").get(0).path("id").asText();
        java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(picture, "jpg", jpeg);

        CouncilClient client = portal.getBean(CouncilClient.class);
        CouncilClient.Photo photo = client.uploadPhoto(decision, progressId, "现场.jpg", jpeg.toByteArray(), token);
        byte[] served = client.publicPhoto(photo);
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(served)).getWidth())
                .as("the photo comes back through the gateway's public route, without a token").isEqualTo(40);

        com.vaadin.flow.component.UI.getCurrent().navigate(cn.nanning.civic.portal.council.CouncilPublicPage.class, council);
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(com.vaadin.flow.component.html.Image.class,
                spec -> spec.withClasses("public-photo"))).as("the public page shows the progress photo").isNotEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theConvenerSetsUpAVillagesCouncilAndGetsItsPublicAddressAndQrCodeWhichTheIndexLeadsTo() {
        JsonNode village = CouncilData.villageWithoutCouncil();
        String code = village.path("code").asText();
        String villageName = village.path("name").asText();

        open("convener", CouncilView.class);
        Details setUp = _get(Details.class, spec -> spec.withId("council-new"));
        setUp.setOpened(true);
        _get(RegionPicker.class, spec -> spec.withId("council-new-village")).setValue(code);
        TextField name = _get(TextField.class, spec -> spec.withId("council-new-name"));
        assertThat(name.getValue()).as("named after the village until the convener types a name").isEqualTo(villageName + "老友议事会");
        assertThat(_get(TextArea.class, spec -> spec.withId("council-new-charter")).getValue()).as("the charter template")
                .contains("四议两公开");
        _click(_get(Button.class, spec -> spec.withId("council-new-save")));
        assertThat(outcome("council-new-outcome")).startsWith("已设立“" + villageName + "老友议事会”");

        JsonNode listed = GATEWAY.get("/api/v1/council/councils?region=" + code, ProxyData.token("convener")).json();
        assertThat(listed).hasSize(1);
        String id = listed.get(0).path("id").asText();
        JsonNode stored = GATEWAY.get("/api/v1/council/councils/" + id, ProxyData.token("convener")).json();
        assertThat(stored.path("resolutionBody").asText()).as("the law's default body").isEqualTo("REPRESENTATIVES_MEETING");
        assertThat(stored.path("quorum").path("numerator").asInt()).isEqualTo(2);
        assertThat(stored.path("quorum").path("denominator").asInt()).isEqualTo(3);
        ComboBox<CouncilClient.CouncilSummary> picker = _get(ComboBox.class, spec -> spec.withId("council-select"));
        assertThat(picker.getValue().id()).as("the desk switches to the new council").isEqualTo(id);
        assertThat(_get(TextField.class, spec -> spec.withId("council-public-url")).getValue()).endsWith("/council/public/" + id);
        assertThat(_get(Div.class, spec -> spec.withId("council-public-qr")).getChildren()).hasSize(1);

        // A village has one council: the second attempt is refused in Chinese beside the button.
        setUp.setOpened(true);
        _get(RegionPicker.class, spec -> spec.withId("council-new-village")).setValue(code);
        _click(_get(Button.class, spec -> spec.withId("council-new-save")));
        assertThat(outcome("council-new-outcome")).isEqualTo("该村（社区）已设立老友议事会。");

        // Anyone finds it in the public index by the village's name and reaches its page.
        UI.getCurrent().navigate("council/public");
        _get(TextField.class, spec -> spec.withId("council-index-search")).setValue(villageName);
        String index = _get(Div.class, spec -> spec.withId("council-index-list")).getElement().getTextRecursively();
        assertThat(index).contains(villageName + "老友议事会").contains("青秀区");
        Anchor link = _find(Anchor.class).stream().filter(a -> a.getText().equals(villageName + "老友议事会")).findFirst().orElseThrow();
        UI.getCurrent().navigate(link.getHref());
        assertThat(_get(H1.class, spec -> spec.withId("council-public-name")).getText()).startsWith(villageName + "老友议事会");
    }

    @SuppressWarnings("unchecked")
    private static void choose(String pickerId, String councilId) {
        ComboBox<CouncilClient.CouncilSummary> picker = _get(ComboBox.class, spec -> spec.withId(pickerId));
        picker.setValue(picker.getListDataView().getItems().filter(c -> c.id().equals(councilId)).findFirst().orElseThrow());
    }

    private static <T> List<T> rows(Grid<T> grid) {
        return grid.getGenericDataView().getItems().toList();
    }

    private static CouncilClient.Topic row(Grid<CouncilClient.Topic> grid, String id) {
        return rows(grid).stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }
}
