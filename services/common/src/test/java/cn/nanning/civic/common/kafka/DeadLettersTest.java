package cn.nanning.civic.common.kafka;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Finding 10 of the security review: consumers dropped a message once their retries were spent. A listener that
 * keeps failing, against the real Kafka of the test stack: the record lands in the dead-letter topic with its reason,
 * and once the cause is fixed the replay command puts it back and the listener processes it.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadLettersTest implements TestPropertyProvider {

    static final String TOPIC = "test.dead-letters.v1";
    static final String BOOTSTRAP = System.getenv().getOrDefault("TEST_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092");

    @Inject
    FailingListener listener;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("kafka.bootstrap.servers", BOOTSTRAP, "dead-letters-test.enabled", "true");
    }

    @Test
    void aRecordThatStillFailsAfterItsRetriesGoesToTheDeadLetterTopicAndCanBeReplayed() throws Exception {
        String value = "letter-" + System.nanoTime();
        listener.failing.set(true);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", BOOTSTRAP),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, "key-1", value)).get();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(DeadLetterReplay.list(BOOTSTRAP, TOPIC)).containsKey("IllegalStateException: the database is down"));
        assertThat(listener.attempts.stream().filter(value::equals).count()).as("first try and two retries").isEqualTo(3);
        assertThat(listener.processed).doesNotContain(value);

        listener.failing.set(false);
        int replayed = DeadLetterReplay.replay(BOOTSTRAP, TOPIC);

        assertThat(replayed).isGreaterThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(listener.processed).contains(value));
        assertThat(DeadLetterReplay.replay(BOOTSTRAP, TOPIC)).as("a second replay sends nothing again").isZero();
    }

    @Singleton
    @Requires(property = "dead-letters-test.enabled")
    @KafkaListener(groupId = "dead-letters-test", offsetReset = OffsetReset.EARLIEST, offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
            errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR, retryDelay = "50ms", retryCount = 2))
    static class FailingListener {
        final AtomicBoolean failing = new AtomicBoolean();
        final List<String> attempts = new CopyOnWriteArrayList<>();
        final List<String> processed = new CopyOnWriteArrayList<>();

        @Topic(TOPIC)
        void receive(String value) {
            attempts.add(value);
            if (failing.get()) {
                throw new IllegalStateException("the database is down");
            }
            processed.add(value);
        }
    }
}
