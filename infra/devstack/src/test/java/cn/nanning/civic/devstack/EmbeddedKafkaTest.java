package cn.nanning.civic.devstack;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedKafkaTest {

    @TempDir
    Path dataDir;

    @Test
    void a_record_produced_to_an_auto_created_topic_is_consumed_back() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(Ports.free(), dataDir)) {
            produce(kafka, "proxy.catalogue-item.v1", "item-1", "{\"title\":\"失业登记\"}");

            List<ConsumerRecord<String, String>> records = consumeAll(kafka, "proxy.catalogue-item.v1", 1);

            assertThat(records).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("item-1");
                assertThat(record.value()).isEqualTo("{\"title\":\"失业登记\"}");
                assertThat(new String(record.headers().lastHeader("event-type").value())).isEqualTo("CatalogueItemPublished");
            });
        }
    }

    @Test
    void records_survive_a_restart_on_the_same_data_folder() throws Exception {
        int port = Ports.free();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(port, dataDir)) {
            produce(kafka, "kept.v1", "k", "before restart");
        }

        try (EmbeddedKafka kafka = EmbeddedKafka.start(port, dataDir)) {
            assertThat(consumeAll(kafka, "kept.v1", 1)).extracting(ConsumerRecord::value).containsExactly("before restart");
        }
    }

    private static void produce(EmbeddedKafka kafka, String topic, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            record.headers().add("event-type", "CatalogueItemPublished".getBytes());
            producer.send(record).get();
        }
    }

    private static List<ConsumerRecord<String, String>> consumeAll(EmbeddedKafka kafka, String topic, int expected) {
        Map<String, Object> config = Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
