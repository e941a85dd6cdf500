package cn.nanning.civic.kernel.outbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes committed outbox rows to Kafka in order, then marks them published. A crash between the send
 * and the mark re-sends the event after restart (at-least-once); consumers de-duplicate by event id.
 */
@Singleton
@Requires(property = "civic.outbox.relay.enabled", notEquals = "false")
public class OutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;

    private final OutboxRepository repository;
    private final Producer<String, String> producer;

    OutboxRelay(OutboxRepository repository, OutboxProducer producer) {
        this.repository = repository;
        this.producer = producer.producer();
    }

    @Scheduled(fixedDelay = "${civic.outbox.relay.interval:250ms}", initialDelay = "1s")
    void tick() {
        try {
            while (relayBatch() == BATCH) {
                // keep draining while there is a backlog
            }
        } catch (RuntimeException e) {
            LOG.warn("Outbox relay paused: {}", e.getMessage());
        }
    }

    /** Publishes one batch; returns how many rows it published. */
    @Transactional
    public int relayBatch() {
        List<OutboxEvent> batch = repository.lockNextBatch(BATCH);
        int published = 0;
        for (OutboxEvent event : batch) {
            ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.payload());
            record.headers().add(new RecordHeader("event-type", event.eventType().getBytes(StandardCharsets.UTF_8)));
            record.headers().add(new RecordHeader("event-id", event.eventId().toString().getBytes(StandardCharsets.UTF_8)));
            if (event.requestId() != null) {
                record.headers().add(new RecordHeader("request-id", event.requestId().getBytes(StandardCharsets.UTF_8)));
            }
            try {
                producer.send(record).get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return published;
            } catch (ExecutionException | TimeoutException e) {
                // Stop at the first failure so events of one aggregate never overtake each other.
                repository.markFailed(event.seq(), String.valueOf(e.getMessage()));
                LOG.warn("Outbox event {} ({}) not published yet: {}", event.eventId(), event.eventType(), e.getMessage());
                return published;
            }
            repository.markPublished(event.seq(), Instant.now());
            published++;
        }
        return published;
    }

    public long backlog() {
        return repository.countUnpublished();
    }
}
