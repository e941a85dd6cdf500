package cn.nanning.civic.portal.gateway;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/**
 * The services leave empty lists and maps out of their JSON answers, so a record read from it gets null there.
 * Records normalise such members with these in their compact constructors; views then never see a null collection.
 */
public final class Missing {

    private Missing() {
    }

    public static <T> List<T> orEmpty(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }

    public static <K, V> Map<K, V> orEmpty(@Nullable Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
