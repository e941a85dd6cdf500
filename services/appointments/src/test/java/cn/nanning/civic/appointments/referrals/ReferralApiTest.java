package cn.nanning.civic.appointments.referrals;

import cn.nanning.civic.appointments.Api;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Proxy requests referred to legal aid arrive over real Kafka and become cases for the region's lawyers. */
@MicronautTest(transactional = false)
class ReferralApiTest {

    @Inject
    Api api;

    @Value("${kafka.bootstrap.servers}")
    String bootstrap;

    private String publishReferral(UUID eventId, UUID requestId, String region) throws Exception {
        String value = """
                {"eventId":"%s","occurredAt":"%s","referral":{"referralId":"%s","requestId":"%s","target":"LEGAL_AID",
                 "regionCode":"%s","itemCode":"NN-LD-001","citizenAccountId":null}}"""
                .formatted(eventId, Instant.now(), UUID.randomUUID(), requestId, region);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>("proxy.referral.v1", requestId.toString(), value)).get();
        }
        return value;
    }

    private Map<?, ?> awaitReferral(UUID requestId, String token) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(45));
        while (Instant.now().isBefore(deadline)) {
            for (Object row : api.list("/api/v1/appointments/referrals", token)) {
                Map<?, ?> referral = (Map<?, ?>) row;
                if (requestId.toString().equals(referral.get("sourceId"))) {
                    return referral;
                }
            }
            Thread.sleep(300);
        }
        throw new AssertionError("referral of " + requestId + " did not arrive");
    }

    @Test
    void aReferredProxyRequestBecomesOneCaseForTheRegionsLawyersEvenWhenDeliveredTwice() throws Exception {
        String village = "450103001001";
        UUID requestId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String lawyer = api.tokens.staff(UUID.randomUUID().toString(), "LAWYER", Api.DISTRICT);
        publishReferral(eventId, requestId, village);
        publishReferral(eventId, requestId, village);

        Map<?, ?> referral = awaitReferral(requestId, lawyer);
        assertThat(fields(referral)).containsEntry("status", "OPEN").containsEntry("statusLabel", "待接收")
                .containsEntry("targetLabel", "法律援助").containsEntry("source", "PROXY_REQUEST");
        Thread.sleep(1000);
        long copies = api.count("select count(*) from appointments.referral where source_id = ?", requestId);
        assertThat(copies).as("a redelivered event opens no second case").isOne();

        String otherDistrict = api.tokens.staff(UUID.randomUUID().toString(), "LAWYER", "450102");
        assertThat(api.list("/api/v1/appointments/referrals", otherDistrict))
                .noneMatch(row -> requestId.toString().equals(((Map<?, ?>) row).get("sourceId")));
        String id = referral.get("id").toString();
        var hidden = catchThrowableOfType(HttpClientResponseException.class,
                () -> api.post("/api/v1/appointments/referrals/" + id + "/take", Map.of(), otherDistrict));
        assertThat(hidden.getStatus().getCode()).isEqualTo(404);
    }

    @Test
    void oneLawyerTakesTheCaseAndOnlyThatLawyerClosesItWithAnOutcome() throws Exception {
        UUID requestId = UUID.randomUUID();
        String lawyer = api.tokens.staff(UUID.randomUUID().toString(), "LAWYER", Api.DISTRICT);
        String colleague = api.tokens.staff(UUID.randomUUID().toString(), "LAWYER", Api.DISTRICT);
        publishReferral(UUID.randomUUID(), requestId, "450103001002");
        String id = awaitReferral(requestId, lawyer).get("id").toString();

        assertThat(fields(api.post("/api/v1/appointments/referrals/" + id + "/take", Map.of(), lawyer))).containsEntry("status", "TAKEN");
        var twice = catchThrowableOfType(HttpClientResponseException.class,
                () -> api.post("/api/v1/appointments/referrals/" + id + "/take", Map.of(), colleague));
        assertThat(twice.getStatus().getCode()).isEqualTo(409);
        var notYours = catchThrowableOfType(HttpClientResponseException.class,
                () -> api.post("/api/v1/appointments/referrals/" + id + "/close", Map.of("outcome", "已调解"), colleague));
        assertThat(notYours.getStatus().getCode()).isEqualTo(409);
        var noOutcome = catchThrowableOfType(HttpClientResponseException.class,
                () -> api.post("/api/v1/appointments/referrals/" + id + "/close", Map.of("outcome", " "), lawyer));
        assertThat(noOutcome.getStatus().getCode()).isEqualTo(400);

        Map<?, ?> closed = api.post("/api/v1/appointments/referrals/" + id + "/close", Map.of("outcome", "已指派律师代理，案件受理"), lawyer);
        assertThat(fields(closed)).containsEntry("status", "CLOSED").containsEntry("outcome", "已指派律师代理，案件受理");
        long events = api.count("select count(*) from kernel.outbox where topic = 'appointments.referral.v1' and event_key = ?",
                requestId.toString());
        assertThat(events).as("the proxy side hears of taking and closing").isEqualTo(2L);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fields(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    @Test
    void citizensAndCounsellorsCannotReadReferrals() {
        var citizen = catchThrowableOfType(HttpClientResponseException.class,
                () -> api.list("/api/v1/appointments/referrals", api.tokens.citizen()));
        assertThat(citizen.getStatus().getCode()).isEqualTo(403);
        var counsellor = catchThrowableOfType(HttpClientResponseException.class,
                () -> api.list("/api/v1/appointments/referrals", api.tokens.staff(UUID.randomUUID().toString(), "COUNSELLOR", Api.DISTRICT)));
        assertThat(counsellor.getStatus().getCode()).isEqualTo(403);
    }
}
