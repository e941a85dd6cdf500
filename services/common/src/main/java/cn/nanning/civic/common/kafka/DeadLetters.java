package cn.nanning.civic.common.kafka;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Where a consumed record goes when it cannot be processed: a message that can never succeed (unreadable,
 * incomplete), or one that still failed after its listener's retries. It is written to {@code <topic>.dlt} with the
 * original key, value and headers, plus why and where it failed ({@code dlt-*} headers), and counted in the metric
 * {@code civic.kafka.dead.letters}. Nothing is dropped: {@code ./civic dead-letters replay <topic>} puts dead letters
 * back on their topic once the cause is fixed (consumers are idempotent by event id).
 */
@Singleton
@Requires(classes = KafkaProducer.class)
public class DeadLetters {

    public static final String SUFFIX = ".dlt";
    public static final String REASON = "dlt-reason";
    public static final String ORIGINAL_TOPIC = "dlt-original-topic";
    public static final String ORIGINAL_PARTITION = "dlt-original-partition";
    public static final String ORIGINAL_OFFSET = "dlt-original-offset";
    public static final String CONSUMER_GROUP = "dlt-consumer-group";
    public static final String FAILED_AT = "dlt-failed-at";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    private static final int MAX_REASON = 500;

    private final String bootstrapServers;
    private final java.util.List<DeadLetterCounter> counters;
    private volatile KafkaProducer<byte[], byte[]> producer;

    public DeadLetters(@Value("${kafka.bootstrap.servers:`127.0.0.1:9092`}") String bootstrapServers,
                       java.util.List<DeadLetterCounter> counters) {
        this.bootstrapServers = bootstrapServers;
        this.counters = counters;
    }

    /**
     * Writes the record to its dead-letter topic and waits until Kafka has it.
     *
     * @throws IllegalStateException when Kafka did not take it: the caller must not move past the record
     */
    public void send(ConsumerRecord<?, ?> record, String consumerGroup, String reason) {
        String topic = record.topic() + SUFFIX;
        ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(topic, null, bytes(record.key()), bytes(record.value()));
        for (Header header : record.headers()) {
            if (!header.key().startsWith("dlt-")) {
                letter.headers().add(header);
            }
        }
        String why = reason == null ? "unknown" : reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
        letter.headers().add(REASON, utf8(why));
        letter.headers().add(ORIGINAL_TOPIC, utf8(record.topic()));
        letter.headers().add(ORIGINAL_PARTITION, utf8(Integer.toString(record.partition())));
        letter.headers().add(ORIGINAL_OFFSET, utf8(Long.toString(record.offset())));
        letter.headers().add(CONSUMER_GROUP, utf8(consumerGroup == null ? "" : consumerGroup));
        letter.headers().add(FAILED_AT, utf8(Instant.now().toString()));
        try {
            producer().send(letter).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a dead letter", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("dead letter not written to " + topic + ": " + e.getMessage(), e);
        }
        counters.forEach(c -> c.counted(record.topic(), consumerGroup == null ? "" : consumerGroup));
        LOG.error("Record {}-{}@{} of group {} moved to {}: {}", record.topic(), record.partition(), record.offset(),
                consumerGroup, topic, why);
    }

    private KafkaProducer<byte[], byte[]> producer() {
        KafkaProducer<byte[], byte[]> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                            ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000,
                            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                            ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                            ProducerConfig.CLIENT_ID_CONFIG, "dead-letters"),
                            new ByteArraySerializer(), new ByteArraySerializer());
                }
                p = producer;
            }
        }
        return p;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }

    private static byte[] bytes(Object value) {
        return switch (value) {
            case null -> null;
            case byte[] b -> b;
            default -> utf8(value.toString());
        };
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
