package cn.nanning.civic.search.catalogue;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** The catalogue index's name and the Kafka consumer group that keeps it in sync. */
@ConfigurationProperties("civic.search.catalogue")
public record CatalogueSettings(
        @Bindable(defaultValue = "catalogue-items") String index,
        @Bindable(defaultValue = "search-catalogue") String consumerGroup) {
}
