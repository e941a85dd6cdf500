package cn.nanning.civic.gateway.openapi;

import cn.nanning.civic.common.problem.Problem;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The catalogue of problem types ({@code openapi/problem-types.yml}): the universal ones any operation may answer with,
 * and the particular ones with the operations that can raise them.
 */
final class ProblemTypes {

    /** One problem type: its name (the last part of the type URI), HTTP statuses and what it means in Chinese. */
    record Type(String name, List<Integer> statuses, String description) {
        String uri() {
            return Problem.TYPE_BASE + name;
        }
    }

    private final List<Type> universal;
    /** "POST /api/v1/…" → the particular types it can answer with. */
    private final Map<String, List<Type>> byOperation;
    private final Map<String, Type> all;

    private ProblemTypes(List<Type> universal, Map<String, List<Type>> byOperation, Map<String, Type> all) {
        this.universal = universal;
        this.byOperation = byOperation;
        this.all = all;
    }

    static final ProblemTypes CATALOGUE = load();

    @SuppressWarnings("unchecked")
    private static ProblemTypes load() {
        try (InputStream in = ProblemTypes.class.getResourceAsStream("/openapi/problem-types.yml")) {
            if (in == null) {
                throw new IllegalStateException("openapi/problem-types.yml is missing from the gateway's classpath");
            }
            Map<String, Object> root = new Yaml().load(in);
            List<Type> universal = new ArrayList<>();
            Map<String, Type> all = new TreeMap<>();
            ((Map<String, Map<String, Object>>) root.get("universal")).forEach((name, entry) -> {
                Type type = type(name, entry);
                universal.add(type);
                all.put(name, type);
            });
            Map<String, List<Type>> byOperation = new LinkedHashMap<>();
            ((Map<String, Map<String, Object>>) root.get("operations")).forEach((name, entry) -> {
                Type type = type(name, entry);
                all.put(name, type);
                for (Object operation : (List<Object>) entry.getOrDefault("operations", List.of())) {
                    byOperation.computeIfAbsent(operation.toString().strip(), k -> new ArrayList<>()).add(type);
                }
            });
            return new ProblemTypes(List.copyOf(universal), byOperation, all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Type type(String name, Map<String, Object> entry) {
        Object status = entry.get("status");
        List<Integer> statuses = status instanceof List<?> list
                ? list.stream().map(s -> Integer.valueOf(s.toString())).toList()
                : List.of(Integer.valueOf(String.valueOf(status)));
        return new Type(name, statuses, String.valueOf(entry.getOrDefault("description", "")));
    }

    List<Type> universal() {
        return universal;
    }

    /** The particular types of one operation, e.g. {@code of("post", "/api/v1/appointments/psychology/bookings")}. */
    List<Type> of(String method, String path) {
        return byOperation.getOrDefault(method.toUpperCase() + " " + path, List.of());
    }

    /** Every type, universal and particular, by name. */
    Map<String, Type> all() {
        return all;
    }

    /** Operations named in the catalogue ("METHOD /path"). */
    java.util.Set<String> operations() {
        return byOperation.keySet();
    }
}
