package cn.nanning.civic.search.catalogue;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The value of a record on {@code proxy.catalogue-item.v1}; for a retirement {@code item} holds only code and version. */
@Serdeable
record CatalogueEvent(@Nullable String eventId, @Nullable String occurredAt, @Nullable Item item) {

    static final String TOPIC = "proxy.catalogue-item.v1";
    static final String TYPE_HEADER = "event-type";
    static final String PUBLISHED = "CatalogueItemPublished";
    static final String RETIRED = "CatalogueItemRetired";

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
            @Nullable String updatedAt) {
    }
}
