package cn.nanning.civic.volunteers.hours;

import cn.nanning.civic.volunteers.VolunteerFixture;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Completed volunteer-lawyer consultations arrive over real Kafka and become confirmed hours, once. */
@MicronautTest(transactional = false)
class ConsultationHoursTest {

    @Inject
    VolunteerFixture f;

    @Value("${kafka.bootstrap.servers}")
    String bootstrap;

    String event(String eventId, String bookingId, String volunteerAccount, int minutes) {
        Instant end = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        return """
                {"eventId":"%s","eventType":"ConsultationCompleted","occurredAt":"%s",
                 "consultation":{"bookingId":"%s","providerAccountId":"%s","volunteerAccountId":%s,
                 "startedAt":"%s","endedAt":"%s","minutes":%d,"place":"青秀区公共法律服务站"}}""".formatted(eventId, end, bookingId,
                UUID.randomUUID(), volunteerAccount == null ? "null" : "\"" + volunteerAccount + "\"", end.minus(minutes, ChronoUnit.MINUTES),
                end, minutes);
    }

    void publish(String bookingId, String... values) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer())) {
            for (String v : values) {
                producer.send(new ProducerRecord<>("appointments.consultation-completed.v1", bookingId, v)).get();
            }
        }
    }

    long confirmedMinutes(VolunteerFixture.Person p) {
        return ((Number) f.get("/api/v1/volunteers/me/hours", p.token(), Map.class).get("confirmedMinutes")).longValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCompletedConsultationCreditsTheLawyersHoursOnceEvenWhenRepeated() throws Exception {
        var lawyer = f.volunteer();
        String booking = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String value = event(eventId, booking, lawyer.accountId(), 45);
        // The same event twice, and the same booking again under another event id: 45 minutes, once.
        publish(booking, value, value, event(UUID.randomUUID().toString(), booking, lawyer.accountId(), 45));
        // A marker under the same key (same partition, so read after them): when its hours appear, all were read.
        var marker = f.volunteer();
        publish(booking, event(UUID.randomUUID().toString(), UUID.randomUUID().toString(), marker.accountId(), 30));

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (confirmedMinutes(marker) == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(confirmedMinutes(marker)).as("the consumer read the topic").isEqualTo(30);
        Map<?, ?> hours = f.get("/api/v1/volunteers/me/hours", lawyer.token(), Map.class);
        assertThat(hours.get("confirmedMinutes")).isEqualTo(45);
        List<Map<String, Object>> ledger = (List<Map<String, Object>>) hours.get("ledger");
        assertThat(ledger).singleElement().satisfies(e -> {
            assertThat(e.get("kind")).isEqualTo("CONFIRMED");
            assertThat(e.get("activityTitle")).isEqualTo("法律咨询志愿服务");
        });
        Map<?, ?> record = f.get("/api/v1/volunteers/me/record", lawyer.token(), Map.class);
        assertThat((List<Map<String, Object>>) record.get("services")).singleElement().satisfies(s -> {
            assertThat(s.get("source")).isEqualTo("法律咨询志愿服务");
            assertThat(s.get("place")).isEqualTo("青秀区公共法律服务站");
            assertThat(s.get("startsAt")).isNotNull();
        });
        assertThat(f.count("select count(*) from kernel.outbox where topic = 'volunteers.hours.v1' and event_key = ?", lawyer.volunteerId()))
                .isEqualTo(1);
    }

    @Test
    void consultationsWithoutAVolunteerRecordCreditNothing() throws Exception {
        String stranger = UUID.randomUUID().toString();
        String none = UUID.randomUUID().toString();
        String booking = UUID.randomUUID().toString();
        publish(booking, event(UUID.randomUUID().toString(), booking, null, 60), event(UUID.randomUUID().toString(), none, stranger, 60));
        var marker = f.volunteer();
        publish(booking, event(UUID.randomUUID().toString(), UUID.randomUUID().toString(), marker.accountId(), 20));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (confirmedMinutes(marker) == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(confirmedMinutes(marker)).isEqualTo(20);
        assertThat(f.count("select count(*) from volunteers.hours_ledger where external_ref in (?, ?)",
                "appointments.booking:" + booking, "appointments.booking:" + none)).isZero();
    }
}
