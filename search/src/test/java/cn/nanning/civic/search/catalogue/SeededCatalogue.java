package cn.nanning.civic.search.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The catalogue the platform seeds (services' {@code standard-catalogue.json}, read in place), written into a test's own
 * index the way the catalogue listener writes published items.
 */
public final class SeededCatalogue {

    public static final Path FILE = Path.of("../services/proxy/src/main/resources/catalogue/standard-catalogue.json");

    private SeededCatalogue() {
    }

    /** Loads every seeded item into the index (created with the catalogue mapping); returns how many. */
    public static int load(ElasticsearchClient client, String index) throws IOException {
        List<CatalogueEvent.Item> items = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .readValue(Files.readAllBytes(FILE), new com.fasterxml.jackson.core.type.TypeReference<List<CatalogueEvent.Item>>() { });
        CatalogueIndexer indexer = new CatalogueIndexer(client, new CatalogueIndex(client, new CatalogueSettings(index, "unused")));
        String now = Instant.now().toString();
        for (CatalogueEvent.Item item : items) {
            indexer.publish(new CatalogueEvent.Item(item.code(), item.name(), item.type(), item.department(),
                    item.implementingLevel(), item.legalBasis(), item.conditions(), item.materials(), item.fee(),
                    item.timeLimitDays(), item.visits(), item.proxyAllowed(), item.contact(), 1L, now), now);
        }
        client.indices().refresh(r -> r.index(index));
        return items.size();
    }
}
