package cn.nanning.civic.search.laws;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** Names of the two law indices: one document per article, one per law. */
@ConfigurationProperties("civic.search.laws")
public record LawSettings(
        @Bindable(defaultValue = "law-articles") String articlesIndex,
        @Bindable(defaultValue = "laws") String index) {
}
