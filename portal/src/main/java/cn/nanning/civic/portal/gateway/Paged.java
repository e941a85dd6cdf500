package cn.nanning.civic.portal.gateway;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** One page of a list in the API's paging shape {@code {items, page, size, total}}. */
@Serdeable
public record Paged<T>(@Nullable List<T> items, int page, int size, long total) {

    public Paged {
        items = items == null ? List.of() : items;
    }

    /** The type to ask the gateway client for: a page of {@code row}. */
    public static <T> Argument<Paged<T>> of(Class<T> row) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Argument<Paged<T>> argument = (Argument) Argument.of(Paged.class, row);
        return argument;
    }
}
