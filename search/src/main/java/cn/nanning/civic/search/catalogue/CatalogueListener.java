package cn.nanning.civic.search.catalogue;

import cn.nanning.civic.common.kafka.DeadLetters;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the catalogue index in step with the proxy module's catalogue events.
 * <p>
 * The offset is committed after each record only once Elasticsearch took it. While Elasticsearch is unavailable the
 * listener throws {@link IndexUnavailableException}; micronaut-kafka then seeks back to the same record and pauses the
 * partition for the retry delay, without limit, so no record is ever skipped and the index catches up when the node
 * returns. Records that can never succeed (not JSON, no version) go to the dead-letter topic (DeadLetters).
 */
@KafkaListener(groupId = "${civic.search.catalogue.consumer-group:search-catalogue}",
        offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR, retryDelay = "2s",
                retryCount = Integer.MAX_VALUE, exceptionTypes = IndexUnavailableException.class))
@Requires(property = "civic.search.catalogue.indexer-enabled", notEquals = "false")
class CatalogueListener {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueListener.class);

    private final CatalogueIndexer indexer;
    private final JsonMapper json;
    private final DeadLetters deadLetters;

    CatalogueListener(CatalogueIndexer indexer, JsonMapper json, DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
        this.indexer = indexer;
        this.json = json;
    }

    @Topic(CatalogueEvent.TOPIC)
    void receive(ConsumerRecord<String, String> record) {
        String type = header(record, CatalogueEvent.TYPE_HEADER);
        CatalogueEvent event;
        try {
            event = record.value() == null ? null : json.readValue(record.value(), CatalogueEvent.class);
        } catch (IOException e) {
            deadLetters.send(record, "search-catalogue", "unreadable: " + e.getMessage());
            return;
        }
        CatalogueEvent.Item item = event == null ? null : event.item();
        String code = item != null && item.code() != null ? item.code() : record.key();
        if (item == null || code == null || item.version() == null) {
            deadLetters.send(record, "search-catalogue", "incomplete: no item code or version");
            return;
        }
        String updatedAt = item.updatedAtText() != null ? item.updatedAtText() : CatalogueEvent.isoInstant(event.occurredAt());
        try {
            CatalogueIndexer.Outcome outcome;
            if (CatalogueEvent.PUBLISHED.equals(type)) {
                outcome = indexer.publish(withCode(item, code), updatedAt);
            } else if (CatalogueEvent.RETIRED.equals(type)) {
                outcome = indexer.retire(code, item.version(), updatedAt);
            } else {
                LOG.warn("Ignoring catalogue event {} of unknown type {}", event.eventId(), type);
                return;
            }
            LOG.debug("Catalogue event {} ({} {} v{}): {}", event.eventId(), type, code, item.version(), outcome);
        } catch (IndexUnavailableException e) {
            LOG.warn("Catalogue event {} for {} waits for Elasticsearch: {}", event.eventId(), code, rootMessage(e));
            throw e;
        }
    }

    private static CatalogueEvent.Item withCode(CatalogueEvent.Item item, String code) {
        if (code.equals(item.code())) {
            return item;
        }
        return new CatalogueEvent.Item(code, item.name(), item.type(), item.department(), item.implementingLevel(),
                item.legalBasis(), item.conditions(), item.materials(), item.fee(), item.timeLimitDays(), item.visits(),
                item.proxyAllowed(), item.contact(), item.version(), item.updatedAt());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
