package cn.nanning.civic.gateway.notifications;

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

/** A module's notification request on Kafka becomes exactly one WeChat subscribe message to the right person. */
@MicronautTest(transactional = false)
class NotificationDeliveryTest extends GatewayTest {

    @Value("${kafka.bootstrap.servers}")
    String bootstrapServers;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("civic.notifications.enabled", "true");
        return properties;
    }

    @Test
    void aNotificationReachesTheCitizensWeChatOnceEvenWhenTheEventIsDeliveredTwice() throws Exception {
        String user = newWeChatUser();
        var signIn = signInWithWeChat(user + ".n");
        String accountId = signIn.get("accountId");
        // A WeChat message needs an accepted one-time subscription of its template (wx.requestSubscribeMessage).
        assertThat(api().post("/api/v1/me/notification-consents", Map.of("results", List.of(
                Map.of("templateId", "dev-template-proxy-status", "accepted", true))), signIn.get("accessToken")).status()).isEqualTo(200);
        String openid = TestEnvironment.weChat().openIdFor(user);
        String eventId = UUID.randomUUID().toString();
        String value = """
                {"eventId":"%s","eventType":"CitizenNotificationRequested","occurredAt":"%s",
                 "notification":{"accountId":"%s","template":"proxy-status","page":"pages/proxy/detail?id=1",
                 "data":{"thing1":"高龄津贴申领","phrase2":"已受理"}}}""".formatted(eventId, Instant.now(), accountId);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new StringSerializer())) {
            // A record that can never be delivered (an account id that is not one of ours) must not hold up the rest.
            producer.send(new ProducerRecord<>("notifications.citizen.v1", "resident-1",
                    value.replace(accountId, "resident-1").replace(eventId, UUID.randomUUID().toString()))).get();
            producer.send(new ProducerRecord<>("notifications.citizen.v1", "garbage", "not json")).get();
            producer.send(new ProducerRecord<>("notifications.citizen.v1", accountId, value)).get();
            producer.send(new ProducerRecord<>("notifications.citizen.v1", accountId, value)).get();
        }
        List<WeChatStandIn.SentMessage> mine = awaitMessagesTo(openid, Duration.ofSeconds(30));
        Thread.sleep(1500);  // give the redelivered copy time to arrive, if it were to be sent
        mine = messagesTo(openid);
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).templateId()).isEqualTo("dev-template-proxy-status");
        assertThat(mine.get(0).data()).containsEntry("thing1", "高龄津贴申领").containsEntry("phrase2", "已受理");
        assertThat(mine.get(0).page()).isEqualTo("pages/proxy/detail?id=1");
    }

    private static List<WeChatStandIn.SentMessage> awaitMessagesTo(String openid, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (!messagesTo(openid).isEmpty()) {
                return messagesTo(openid);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no subscribe message reached " + openid + " within " + within);
    }

    private static List<WeChatStandIn.SentMessage> messagesTo(String openid) {
        return TestEnvironment.weChat().sentMessages().stream().filter(m -> openid.equals(m.toUser())).toList();
    }
}
