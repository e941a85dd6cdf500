package cn.nanning.civic.common.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ./civic dead-letters list|replay <topic>}: shows what is in {@code <topic>.dlt} (count per reason), or puts
 * every dead letter not yet replayed back on its original topic, with its key, value and headers, and remembers how far
 * it got (consumer group {@value #GROUP}), so a second replay does not send them again. Consumers are idempotent by
 * event id, so a letter that had in fact been processed does no harm.
 */
public final class DeadLetterReplay {

    static final String GROUP = "civic-dead-letter-replay";

    private DeadLetterReplay() {
    }

    public static void main(String[] args) {
        if (args.length != 2 || !List.of("list", "replay").contains(args[0])) {
            System.err.println("usage: dead-letters list|replay <topic>   (the original topic, e.g. notifications.citizen.v1)");
            System.exit(2);
        }
        String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
        if (args[0].equals("list")) {
            list(bootstrap, args[1]).forEach((reason, count) -> System.out.println(count + "\t" + reason));
        } else {
            System.out.println("replayed " + replay(bootstrap, args[1]) + " dead letters to " + args[1]);
        }
    }

    /** How many letters the dead-letter topic holds, per reason. */
    public static Map<String, Integer> list(String bootstrap, String topic) {
        Map<String, Integer> reasons = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap, null)) {
            List<TopicPartition> partitions = partitions(consumer, topic + DeadLetters.SUFFIX);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            drain(consumer, partitions, record -> reasons.merge(header(record, DeadLetters.REASON), 1, Integer::sum));
        }
        return reasons;
    }

    /** Sends every letter not replayed before back to its original topic; returns how many. */
    public static int replay(String bootstrap, String topic) {
        int[] sent = {0};
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap, GROUP);
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                     ProducerConfig.ACKS_CONFIG, "all",
                     ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new ByteArraySerializer(), new ByteArraySerializer())) {
            List<TopicPartition> partitions = partitions(consumer, topic + DeadLetters.SUFFIX);
            consumer.assign(partitions);
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata done = consumer.committed(java.util.Set.of(partition)).get(partition);
                if (done == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, done.offset());
                }
            }
            drain(consumer, partitions, record -> {
                String original = header(record, DeadLetters.ORIGINAL_TOPIC);
                ProducerRecord<byte[], byte[]> again = new ProducerRecord<>(original.isEmpty() ? topic : original, null,
                        record.key(), record.value());
                for (Header h : record.headers()) {
                    if (!h.key().startsWith("dlt-")) {
                        again.headers().add(h);
                    }
                }
                again.headers().add("dlt-replayed-at", Instant.now().toString().getBytes(StandardCharsets.UTF_8));
                try {
                    producer.send(again).get();
                } catch (Exception e) {
                    throw new IllegalStateException("replay stopped: " + e.getMessage(), e);
                }
                consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1)));
                sent[0]++;
            });
        }
        return sent[0];
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap, String group) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        if (group != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        var infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        return infos == null ? List.of() : infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private static void drain(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
                              java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    each.accept(record);
                }
            }
        }
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }
}
