package cn.nanning.civic.search.catalogue;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/** Publishes catalogue events the way the proxy module's outbox relay does, with a plain Kafka producer. */
final class CatalogueEvents implements AutoCloseable {

    /** Same source as application-test.yml: the test dev stack unless TEST_KAFKA_BOOTSTRAP_SERVERS says otherwise. */
    static final String BOOTSTRAP = System.getenv().getOrDefault("TEST_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092");
    static final String TOPIC = "proxy.catalogue-item.v1";

    private final KafkaProducer<String, String> producer;
    private final Admin admin;

    CatalogueEvents() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP));
    }

    record Item(String code, String name, String department, String conditions, String materials, String legalBasis,
                boolean proxyAllowed, long version) {

        Item withVersion(long newVersion, String newName) {
            return new Item(code, newName, department, conditions, materials, legalBasis, proxyAllowed, newVersion);
        }
    }

    RecordMetadata published(Item item) {
        String value = """
                {"eventId":"%s","occurredAt":"%s","item":{"code":"%s","name":"%s","type":"公共服务","department":"%s",\
                "implementingLevel":"县级","legalBasis":"%s","conditions":"%s","materials":"%s","fee":"不收费",\
                "timeLimitDays":5,"visits":0,"proxyAllowed":%s,"contact":"0771-12345","retired":false,"version":%d,\
                "updatedAt":"%s"}}""".formatted(UUID.randomUUID(), Instant.now(), item.code(), item.name(), item.department(),
                item.legalBasis(), item.conditions(), item.materials(), item.proxyAllowed(), item.version(), Instant.now());
        return send(item.code(), "CatalogueItemPublished", value);
    }

    RecordMetadata retired(String code, long version) {
        String value = """
                {"eventId":"%s","occurredAt":"%s","item":{"code":"%s","version":%d}}"""
                .formatted(UUID.randomUUID(), Instant.now(), code, version);
        return send(code, "CatalogueItemRetired", value);
    }

    /** The next offset the group will read on the record's partition, or -1 when it committed nothing there yet. */
    long committedOffset(String group, RecordMetadata record) throws Exception {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        OffsetAndMetadata committed = offsets.get(partition);
        return committed == null ? -1 : committed.offset();
    }

    /** True once a consumer of the group holds a partition assignment. */
    boolean hasActiveMembers(String group) throws Exception {
        return admin.describeConsumerGroups(java.util.List.of(group)).all().get().get(group).members().stream()
                .anyMatch(member -> !member.assignment().topicPartitions().isEmpty());
    }

    private RecordMetadata send(String key, String type, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, key, value);
        record.headers().add(new RecordHeader("event-type", type.getBytes(StandardCharsets.UTF_8)));
        try {
            return producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + TOPIC + " at " + BOOTSTRAP, e);
        }
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
    }
}
