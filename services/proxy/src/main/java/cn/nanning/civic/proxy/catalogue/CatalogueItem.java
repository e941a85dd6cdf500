package cn.nanning.civic.proxy.catalogue;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** One service in the catalogue, with the standard catalogue elements. {@code version} grows with every change. */
@Serdeable
@MappedEntity(value = "catalogue_item", schema = "proxy")
public record CatalogueItem(
        @Id String code,
        String name,
        String type,
        String department,
        String implementingLevel,
        @Nullable String legalBasis,
        @Nullable String conditions,
        @Nullable String materials,
        @Nullable String fee,
        @Nullable Integer timeLimitDays,
        @Nullable Integer visits,
        boolean proxyAllowed,
        @Nullable String contact,
        boolean retired,
        long version,
        Instant updatedAt) {
}
