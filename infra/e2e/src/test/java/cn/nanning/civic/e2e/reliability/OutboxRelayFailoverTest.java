package cn.nanning.civic.e2e.reliability;

import cn.nanning.civic.e2e.platform.Platform;
import cn.nanning.civic.e2e.platform.TestStack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Finding 9 of the security review: with two services instances, both relays published neighbouring outbox batches
 * in parallel and an aggregate's events could overtake each other. Two services processes relay one backlog; one of
 * them is killed with {@code kill -9} half-way. Every event must arrive, each key's events in order (a re-sent event
 * may appear again, which consumers ignore by event id, but never before an earlier one of its key).
 */
class OutboxRelayFailoverTest {

    private static final int EVENTS = 6_000;
    private static final int KEYS = 12;
    private static final int SECOND_SERVICES = 18091;

    @Test
    void twoServicesInstancesRelayOneBacklogInOrderAndAKillNineLosesNothing() throws Exception {
        Platform platform = Platform.get();
        platform.startInstance("services-2", "services", SECOND_SERVICES, Map.of());
        platform.awaitHealthy("services-2");
        String topic = "test.outbox-order-" + UUID.randomUUID().toString().substring(0, 8) + ".v1";
        try {
            backlog(topic);
            // Kill one instance while the backlog is being published.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> published(topic) >= EVENTS / 5);
            platform.kill("services-2");
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> published(topic) == EVENTS);

            Map<String, List<Integer>> arrived = consume(topic);

            assertThat(arrived.keySet()).hasSize(KEYS);
            for (Map.Entry<String, List<Integer>> key : arrived.entrySet()) {
                List<Integer> firstTimes = new ArrayList<>();
                Set<Integer> seen = new HashSet<>();
                for (int n : key.getValue()) {
                    if (seen.add(n)) {
                        firstTimes.add(n);
                    } else {
                        // A re-sent event comes again only after its first delivery: harmless to an idempotent consumer.
                        assertThat(firstTimes).as("re-sent " + n + " of " + key.getKey()).contains(n);
                    }
                }
                assertThat(firstTimes).as("every event of " + key.getKey() + ", in order").isSorted()
                        .hasSize(EVENTS / KEYS);
            }
        } finally {
            platform.kill("services-2");
        }
    }

    /** EVENTS outbox rows, committed at once, keys taking turns so every batch holds events of every key. */
    private static void backlog(String topic) throws SQLException {
        try (Connection db = connect();
             PreparedStatement insert = db.prepareStatement("""
                     insert into kernel.outbox (event_id, topic, event_key, event_type, payload, occurred_at)
                     values (?, ?, ?, 'OrderProbed', ?, ?)""")) {
            db.setAutoCommit(false);
            for (int i = 0; i < EVENTS; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, topic);
                insert.setString(3, "k" + (i % KEYS));
                insert.setString(4, "{\"n\":" + i + "}");
                insert.setTimestamp(5, Timestamp.from(Instant.now()));
                insert.addBatch();
            }
            insert.executeBatch();
            db.commit();
        }
    }

    private static long published(String topic) throws SQLException {
        try (Connection db = connect();
             PreparedStatement count = db.prepareStatement(
                     "select count(*) from kernel.outbox where topic = ? and published_at is not null")) {
            count.setString(1, topic);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Every record of the topic, per key, in the order Kafka holds them. */
    private static Map<String, List<Integer>> consume(String topic) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.environment().get("KAFKA_BOOTSTRAP_SERVERS"));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, List<Integer>> byKey = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    int n = Integer.parseInt(record.value().replaceAll("\\D", ""));
                    byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(n);
                }
            }
        }
        return byKey;
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(TestStack.datasourceUrl(), "postgres", "");
    }
}
