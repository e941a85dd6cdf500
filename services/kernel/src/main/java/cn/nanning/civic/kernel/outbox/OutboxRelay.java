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
 *
 * <p>Every services instance runs a relay, but only one relays at a time: a batch starts by taking a transaction-scoped
 * advisory lock, and an instance that does not get it waits for its next tick. Two relays publishing neighbouring
 * batches in parallel (what {@code skip locked} allowed) would let an aggregate's later event overtake an earlier one.
 * When the active instance dies, PostgreSQL drops its lock with its connection and the next tick of another instance
 * takes over; its unmarked batch is published again (duplicates, which consumers ignore by event id, never gaps).
 */
@Singleton
@Requires(property = "civic.outbox.relay.enabled", notEquals = "false")
public class OutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;
    /** The advisory lock of the outbox relay ("civic" in ASCII); no other code takes it. */
    static final long RELAY_LOCK = 0x6369766963L;

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
        if (!repository.tryRelayLock()) {
            return 0; // another instance is relaying
        }
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
