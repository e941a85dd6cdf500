package cn.nanning.civic.search.catalogue;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The value of a record on {@code proxy.catalogue-item.v1}; for a retirement {@code item} holds only code and version. */
@Serdeable
record CatalogueEvent(@Nullable String eventId, @Nullable String occurredAt, @Nullable Item item) {

    static final String TOPIC = "proxy.catalogue-item.v1";
    static final String TYPE_HEADER = "event-type";
    static final String PUBLISHED = "CatalogueItemPublished";
    static final String RETIRED = "CatalogueItemRetired";

    /** The value as ISO-8601 instant text, or null: Elasticsearch would refuse the whole document for a bad date. */
    @Nullable
    static String isoInstant(@Nullable Object value) {
        if (value instanceof String text) {
            try {
                return Instant.parse(text).toString();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    @Serdeable
    record Item(
            @Nullable String code,
            @Nullable String name,
            @Nullable String type,
            @Nullable String department,
            @Nullable String implementingLevel,
            @Nullable String legalBasis,
            @Nullable String conditions,
            @Nullable String materials,
            @Nullable String fee,
            @Nullable Integer timeLimitDays,
            @Nullable Integer visits,
            @Nullable Boolean proxyAllowed,
            @Nullable String contact,
            @Nullable Long version,
            // Object, not String: the producer's serialiser may write instants as numbers; only ISO text is used.
            @Nullable Object updatedAt) {

        @Nullable
        String updatedAtText() {
            return isoInstant(updatedAt);
        }
    }
}
