package cn.nanning.civic.search.elastic;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/** Where the Elasticsearch cluster answers and how long we wait for it. */
@ConfigurationProperties("civic.search")
record ElasticsearchSettings(
        String elasticsearchUrl,
        @Bindable(defaultValue = "2s") Duration connectTimeout,
        @Bindable(defaultValue = "10s") Duration responseTimeout) {
}
