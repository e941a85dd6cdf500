package cn.nanning.civic.proxy.catalogue;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * A catalogue item as the API serves it: the stored elements plus its category (code and Chinese name), and the
 * required materials also as a list ({@code materialsList}, the lines of {@code materials}, which is kept for clients
 * that read the text), so clients need not split the text themselves.
 */
@Serdeable
record CatalogueItemView(
        String code,
        String name,
        String category,
        String categoryLabel,
        String type,
        String department,
        String implementingLevel,
        @Nullable String legalBasis,
        @Nullable String conditions,
        @Nullable String materials,
        List<String> materialsList,
        @Nullable String fee,
        @Nullable Integer timeLimitDays,
        @Nullable Integer visits,
        boolean proxyAllowed,
        @Nullable String contact,
        boolean retired,
        long version,
        Instant updatedAt) {

    static CatalogueItemView of(CatalogueItem i) {
        CatalogueCategory category = CatalogueCategory.of(i.code());
        return new CatalogueItemView(i.code(), i.name(), category.name(), category.label(), i.type(), i.department(),
                i.implementingLevel(), i.legalBasis(), i.conditions(), i.materials(), Catalogue.materialsList(i), i.fee(), i.timeLimitDays(), i.visits(),
                i.proxyAllowed(), i.contact(), i.retired(), i.version(), i.updatedAt());
    }
}
