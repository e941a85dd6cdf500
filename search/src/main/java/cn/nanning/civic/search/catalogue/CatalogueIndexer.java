package cn.nanning.civic.search.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Writes catalogue changes with Elasticsearch external versioning (the item's {@code version}): a replayed or older
 * event is refused by Elasticsearch with a version conflict, which we count as done.
 */
@Singleton
class CatalogueIndexer {

    enum Outcome { APPLIED, STALE }

    private final ElasticsearchClient client;
    private final CatalogueIndex index;

    CatalogueIndexer(ElasticsearchClient client, CatalogueIndex index) {
        this.client = client;
        this.index = index;
    }

    Outcome publish(CatalogueEvent.Item item, String updatedAt) {
        return write(CatalogueDocument.published(item, updatedAt));
    }

    Outcome retire(String code, long version, String updatedAt) {
        return write(CatalogueDocument.tombstone(code, version, updatedAt));
    }

    private Outcome write(CatalogueDocument document) {
        try {
            index.ensureExists();
            client.index(i -> i.index(index.name())
                    .id(document.code())
                    .version(document.version())
                    .versionType(VersionType.External)
                    .document(document));
            return Outcome.APPLIED;
        } catch (ElasticsearchException e) {
            if (e.status() == 409) {
                return Outcome.STALE;
            }
            if (CatalogueIndex.isUnavailable(e)) {
                throw new IndexUnavailableException("Elasticsearch refused catalogue item " + document.code() + " for now", e);
            }
            throw e;
        } catch (IOException e) {
            throw new IndexUnavailableException("Elasticsearch unreachable while indexing catalogue item " + document.code(), e);
        }
    }
}
