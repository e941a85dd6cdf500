package cn.nanning.civic.gateway.notifications;

import cn.nanning.civic.gateway.Api;
import cn.nanning.civic.gateway.GatewayTest;
import cn.nanning.civic.gateway.TestEnvironment;
import cn.nanning.civic.wechat.WeChatStandIn;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every citizen notification lands in the in-app inbox; a WeChat subscribe message goes out only while the citizen
 * holds an accepted one-time subscription of its template, never for the citizen's own action.
 */
@MicronautTest(transactional = false)
class NotificationInboxTest extends GatewayTest {

    @Value("${kafka.bootstrap.servers}")
    String bootstrapServers;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("civic.notifications.enabled", "true");
        return properties;
    }

    record Citizen(String user, String accountId, String token, String openid) {
    }

    private Citizen citizen() {
        String user = newWeChatUser();
        Api.Response signIn = signInWithWeChat(user + ".n");
        return new Citizen(user, signIn.get("accountId"), signIn.get("accessToken"), TestEnvironment.weChat().openIdFor(user));
    }

    @Test
    void withoutAnAcceptedSubscriptionTheNoticeIsOnlyInTheInbox() throws Exception {
        Citizen c = citizen();
        publish(c, "proxy-status", Map.of("thing1", "高龄津贴申领", "phrase2", "已受理"), false);
        Map<String, Object> page = awaitNotices(c, 1);
        Map<String, Object> notice = items(page).get(0);
        assertThat(notice).containsEntry("template", "proxy-status").containsEntry("title", "代办进度通知")
                .containsEntry("body", "高龄津贴申领，已受理").containsEntry("read", false)
                .containsEntry("page", "pages/proxy/detail?id=1");
        assertThat(page).containsEntry("unread", 1).containsEntry("total", 1).containsEntry("page", 0).containsEntry("size", 20);
        assertThat(messagesTo(c.openid())).isEmpty();
    }

    @Test
    void eachAcceptedSubscriptionAllowsOneWeChatMessageAndEveryNoticeIsKept() throws Exception {
        Citizen c = citizen();
        Api.Response answered = api().post("/api/v1/me/notification-consents", Map.of("results", List.of(
                Map.of("templateId", "dev-template-proxy-status", "accepted", true),
                Map.of("templateId", "dev-template-council-opinion", "accepted", false))), c.token());
        assertThat(answered.status()).isEqualTo(200);
        assertThat(remaining(answered, "proxy-status")).isEqualTo(1);
        assertThat(remaining(answered, "council-opinion")).isZero();

        publish(c, "proxy-status", Map.of("thing1", "高龄津贴申领", "phrase2", "已受理"), false);
        await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo(c.openid()).size() == 1);
        publish(c, "proxy-status", Map.of("thing1", "高龄津贴申领", "phrase2", "办理中"), false);
        awaitNotices(c, 2);
        assertThat(messagesTo(c.openid())).hasSize(1);
        assertThat(messagesTo(c.openid()).get(0).data()).containsEntry("phrase2", "已受理");
        assertThat(remaining(api().get("/api/v1/me/notification-templates", c.token()), "proxy-status")).isZero();
    }

    @Test
    void theCitizensOwnActionUsesNoSubscription() throws Exception {
        Citizen c = citizen();
        api().post("/api/v1/me/notification-consents", Map.of("results", List.of(
                Map.of("templateId", "dev-template-proxy-status", "accepted", true))), c.token());
        publish(c, "proxy-status", Map.of("thing1", "高龄津贴申领", "phrase2", "已委托"), true);
        awaitNotices(c, 1);
        assertThat(messagesTo(c.openid())).isEmpty();
        assertThat(remaining(api().get("/api/v1/me/notification-templates", c.token()), "proxy-status")).isEqualTo(1);
    }

    @Test
    void aMessageWeChatCannotTakeNowIsInTheInboxAtOnceAndSentWhenWeChatIsBack() throws Exception {
        Citizen c = citizen();
        api().post("/api/v1/me/notification-consents", Map.of("results", List.of(
                Map.of("templateId", "dev-template-appointment-reminder", "accepted", true))), c.token());
        TestEnvironment.weChat().answerBusy(true);
        try {
            publish(c, "appointment-reminder", Map.of("thing1", "法律咨询", "time2", "2026-12-08 09:00"), false);
            Map<String, Object> notice = items(awaitNotices(c, 1)).get(0);
            assertThat(notice).containsEntry("title", "预约提醒").containsEntry("body", "法律咨询，2026-12-08 09:00");
            assertThat(messagesTo(c.openid())).isEmpty();
        } finally {
            TestEnvironment.weChat().answerBusy(false);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> messagesTo(c.openid()).size() == 1);
        assertThat(items(api().get("/api/v1/me/notifications", c.token()).map())).hasSize(1);
    }

    @Test
    void readingANoticeTakesItOutOfTheUnreadListAndOnlyTheOwnerCanReadIt() throws Exception {
        Citizen c = citizen();
        publish(c, "council-publication", Map.of("thing1", "村口路灯维修", "phrase2", "决议已公示"), false);
        publish(c, "council-opinion", Map.of("thing1", "村口路灯维修", "phrase2", "已公开"), false);
        List<Map<String, Object>> notices = items(awaitNotices(c, 2));
        String id = notices.get(0).get("id").toString();

        Citizen other = citizen();
        assertThat(api().post("/api/v1/me/notifications/" + id + "/read", Map.of(), other.token()).status()).isEqualTo(404);
        assertThat(api().post("/api/v1/me/notifications/not-an-id/read", Map.of(), c.token()).status()).isEqualTo(404);

        Api.Response read = api().post("/api/v1/me/notifications/" + id + "/read", Map.of(), c.token());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.map()).containsEntry("read", true).containsKey("readAt");
        Map<String, Object> unread = api().get("/api/v1/me/notifications?unread=true", c.token()).map();
        assertThat(unread).containsEntry("total", 1).containsEntry("unread", 1);
        assertThat(items(unread)).extracting(n -> n.get("id")).doesNotContain(id);
        assertThat(api().get("/api/v1/me/notifications", c.token()).map()).containsEntry("total", 2);
    }

    @Test
    void templatesAreServedWithWhatEachIsForInChinese() {
        Citizen c = citizen();
        Api.Response templates = api().get("/api/v1/me/notification-templates", c.token());
        assertThat(templates.status()).isEqualTo(200);
        List<Map<String, Object>> items = items(templates.map());
        assertThat(items).extracting(t -> t.get("key")).contains("proxy-status", "volunteer-activity", "appointment-reminder",
                "appointment-waitlist-offer", "council-opinion", "council-publication");
        assertThat(items).allSatisfy(t -> {
            assertThat(t.get("templateId").toString()).startsWith("dev-template-");
            assertThat(t.get("title").toString()).matches(".*[\\u4e00-\\u9fa5].*");
            assertThat(t.get("purpose").toString()).matches(".*[\\u4e00-\\u9fa5].*");
            assertThat(t.get("remaining")).isEqualTo(0);
        });
    }

    @Test
    void badAnswersAndBadPagingAreClearChineseErrors() {
        Citizen c = citizen();
        Api.Response unknown = api().post("/api/v1/me/notification-consents", Map.of("results", List.of(
                Map.of("templateId", "not-a-template", "accepted", true))), c.token());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.body()).contains("没有这个订阅消息模板").doesNotContain("not-a-template");
        Api.Response empty = api().post("/api/v1/me/notification-consents", Map.of("results", List.of()), c.token());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("请提交至少一个模板");
        Api.Response huge = api().get("/api/v1/me/notifications?page=2147483647&size=50", c.token());
        assertThat(huge.status()).isEqualTo(400);
        assertThat(api().get("/api/v1/me/notifications?size=51", c.token()).status()).isEqualTo(400);
        assertThat(api().get("/api/v1/me/notifications", null).status()).isEqualTo(401);
    }

    private Map<String, Object> awaitNotices(Citizen c, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> items(api().get("/api/v1/me/notifications", c.token()).map()).size() >= count);
        return api().get("/api/v1/me/notifications", c.token()).map();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    private static int remaining(Api.Response templates, String key) {
        return items(templates.map()).stream().filter(t -> key.equals(t.get("key")))
                .map(t -> ((Number) t.get("remaining")).intValue()).findFirst().orElseThrow();
    }

    private void publish(Citizen c, String template, Map<String, String> data, boolean ownAction) throws Exception {
        String eventId = UUID.randomUUID().toString();
        String value = json.writeValueAsString(Map.of("eventId", eventId, "eventType", "CitizenNotificationRequested",
                "occurredAt", Instant.now().toString(), "notification", Map.of("accountId", c.accountId(), "template", template,
                        "page", "pages/proxy/detail?id=1", "data", data, "ownAction", ownAction)));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("notifications.citizen.v1", c.accountId(), value)).get();
        }
    }

    private static List<WeChatStandIn.SentMessage> messagesTo(String openid) {
        return TestEnvironment.weChat().sentMessages().stream().filter(m -> openid.equals(m.toUser())).toList();
    }
}
