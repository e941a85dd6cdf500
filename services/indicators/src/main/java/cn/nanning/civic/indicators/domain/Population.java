package cn.nanning.civic.indicators.domain;

import io.micronaut.core.annotation.Nullable;

/** A region's resident population as loaded by an administrator from a published source. */
public record Population(long people, @Nullable Integer year, @Nullable String source) {
}
