package cn.nanning.civic.search.knowledge;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Where administrators' knowledge-base entries live ({@code index}), and an extra file of entries to load beside the
 * bundled ones ({@code file}, e.g. the answers of a city's lawyers kept outside the release; empty for none), and
 * whether law search ranks with the knowledge base and the everyday vocabulary at all ({@code enabled}; off gives the
 * ranking before them, for comparisons).
 */
@ConfigurationProperties("civic.search.answers")
public record AnswerSettings(
        @Bindable(defaultValue = "law-answers") String index,
        @Bindable(defaultValue = "") String file,
        @Bindable(defaultValue = "true") boolean enabled) {
}
