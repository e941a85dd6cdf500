package cn.nanning.civic.e2e.volunteers;

import cn.nanning.civic.e2e.platform.Api;
import cn.nanning.civic.e2e.platform.Platform;
import cn.nanning.civic.e2e.platform.VolunteerData;
import cn.nanning.civic.wechat.WeChatStandIn;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An activity reminder travels the whole way: the services' reminder job (every minute) writes the notification to
 * the outbox, the relay publishes it to Kafka, the gateway's notifier turns it into a WeChat subscribe message and
 * the WeChat API stand-in receives it for the volunteer's openid.
 */
class ActivityReminderDeliveryTest {

    @Test
    void aVolunteerWithAPlaceGetsTheHourBeforeReminderAsAWeChatSubscribeMessage() throws Exception {
        Platform.get();
        VolunteerData.Volunteer volunteer = VolunteerData.register();
        // The volunteer accepted one activity-reminder subscription (wx.requestSubscribeMessage) in the mini-program.
        Api.Response consent = new Api(Platform.GATEWAY).post("/api/v1/me/notification-consents", Map.of("results", List.of(
                Map.of("templateId", "dev-template-volunteer-activity", "accepted", true))), volunteer.token());
        assertThat(consent.status()).as(consent.body()).isEqualTo(200);
        String title = "邕江护河 " + UUID.randomUUID().toString().substring(0, 4);
        // The hour-before reminder falls due 20 s from now; the sign-up is made before that moment, so it is owed one.
        Instant startsAt = Instant.now().plus(Duration.ofMinutes(60)).plusSeconds(20).truncatedTo(ChronoUnit.SECONDS);
        String activityId = VolunteerData.publishActivity(title, startsAt, startsAt.plus(Duration.ofHours(2)), 90);
        VolunteerData.signUp(volunteer, activityId);

        WeChatStandIn weChat = Platform.weChat();
        String openid = weChat.openIdFor(volunteer.weChatUser());
        List<WeChatStandIn.SentMessage> mine = List.of();
        Instant deadline = Instant.now().plusSeconds(150);
        while (mine.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
            mine = weChat.sentMessages().stream()
                    .filter(m -> openid.equals(m.toUser()) && m.page() != null && m.page().contains(activityId)).toList();
        }
        assertThat(mine).as("the reminder reached the WeChat stand-in within 150 s").hasSize(1);
        WeChatStandIn.SentMessage reminder = mine.get(0);
        assertThat(reminder.templateId()).isEqualTo("dev-template-volunteer-activity");
        assertThat(reminder.page()).isEqualTo("pages/volunteer/activity?id=" + activityId);
        assertThat(reminder.data()).containsEntry("thing1", title).containsEntry("phrase4", "即将开始")
                .containsEntry("thing3", "青秀区邕江大桥北岸").containsKey("time2");
        assertThat(reminder.body()).doesNotContain(volunteer.idNumber());

    }
}
