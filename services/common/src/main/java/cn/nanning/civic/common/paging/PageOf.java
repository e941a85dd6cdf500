package cn.nanning.civic.common.paging;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list that can grow, in the one paging shape of the API: the rows, the page asked for (from 0), its
 * size, and how many rows the whole list has. Clients page with {@code page} and {@code size} and stop when
 * {@code (page + 1) × size ≥ total}. An empty page is written with {@code "items": []} whatever the serialisation
 * defaults, so clients never meet a missing list.
 */
@Serdeable
public record PageOf<T>(@JsonInclude(JsonInclude.Include.ALWAYS) List<T> items, int page, int size, long total) {

    public PageOf {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** A page of rows already fetched with {@link Paging#offset}. */
    public static <T> PageOf<T> of(List<T> items, int page, int size, long total) {
        return new PageOf<>(items, page, size, total);
    }

    /** The same page with every row turned into its response shape. */
    public <R> PageOf<R> map(Function<? super T, ? extends R> shape) {
        return new PageOf<>(items.stream().<R>map(shape).toList(), page, size, total);
    }
}
