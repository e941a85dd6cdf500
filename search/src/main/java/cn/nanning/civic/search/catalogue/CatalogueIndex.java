package cn.nanning.civic.search.catalogue;

import cn.nanning.civic.search.elastic.ElasticsearchFailures;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The catalogue index: created from {@code elasticsearch/catalogue-items.json} when missing. Creation is tried at
 * start-up and again before use, so the service starts (and reports itself DOWN) while Elasticsearch is away.
 */
@Singleton
class CatalogueIndex {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueIndex.class);
    private static final String DEFINITION = "elasticsearch/catalogue-items.json";

    private final ElasticsearchClient client;
    private final String name;
    private final AtomicBoolean ready = new AtomicBoolean();

    CatalogueIndex(ElasticsearchClient client, CatalogueSettings settings) {
        this.client = client;
        this.name = settings.index();
    }

    String name() {
        return name;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        try {
            ensureExists();
        } catch (IOException | ElasticsearchException e) {
            LOG.warn("Catalogue index {} not checked at start-up (Elasticsearch: {}); will retry on first use", name, e.getMessage());
        }
    }

    /** Creates the index unless it exists; after the first success this costs nothing. */
    void ensureExists() throws IOException {
        if (ready.get()) {
            return;
        }
        synchronized (this) {
            if (ready.get()) {
                return;
            }
            if (!client.indices().exists(e -> e.index(name)).value()) {
                try (InputStream definition = definition()) {
                    client.indices().create(c -> c.index(name).withJson(definition));
                    LOG.info("Created catalogue index {}", name);
                } catch (ElasticsearchException e) {
                    // Another instance created it between our check and our create.
                    if (!"resource_already_exists_exception".equals(e.error().type())) {
                        throw e;
                    }
                }
            }
            ready.set(true);
        }
    }

    /** Forgets that the index exists, e.g. after Elasticsearch answered that it does not. */
    void forget() {
        ready.set(false);
    }

    static boolean isMissingIndex(ElasticsearchException e) {
        return "index_not_found_exception".equals(e.error().type());
    }

    static boolean isUnavailable(Exception e) {
        return ElasticsearchFailures.isUnavailable(e);
    }

    private static InputStream definition() {
        InputStream in = CatalogueIndex.class.getClassLoader().getResourceAsStream(DEFINITION);
        if (in == null) {
            throw new UncheckedIOException(new IOException("missing classpath resource " + DEFINITION));
        }
        return in;
    }
}
