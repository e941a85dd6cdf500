package cn.nanning.civic.portal.gateway;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A service catalogue item with the standard catalogue elements, as the catalogue API reads and writes it. */
@Serdeable
public record CatalogueEntry(
        String code,
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
        long version) {
}
