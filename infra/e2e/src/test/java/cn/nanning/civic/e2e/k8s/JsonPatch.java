package cn.nanning.civic.e2e.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** RFC 6902 add, replace and remove on YAML trees (what our overlays use). */
final class JsonPatch {

    private JsonPatch() {
    }

    static void apply(Map<String, Object> document, Map<String, Object> operation) {
        String op = (String) operation.get("op");
        String path = (String) operation.get("path");
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("JSON patch path must start with '/': " + operation);
        }
        List<String> tokens = new ArrayList<>();
        for (String raw : path.substring(1).split("/", -1)) {
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        Object parent = document;
        for (String token : tokens.subList(0, tokens.size() - 1)) {
            parent = step(parent, token, path);
        }
        String last = tokens.get(tokens.size() - 1);
        switch (op) {
            case "add" -> add(parent, last, operation.get("value"), path);
            case "replace" -> {
                step(parent, last, path);
                set(parent, last, operation.get("value"));
            }
            case "remove" -> {
                step(parent, last, path);
                if (parent instanceof Map<?, ?> m) {
                    m.remove(last);
                } else {
                    Yaml2.list(parent).remove(Integer.parseInt(last));
                }
            }
            default -> throw new IllegalArgumentException("unsupported JSON patch op " + op);
        }
    }

    private static Object step(Object node, String token, String path) {
        Object next;
        if (node instanceof Map<?, ?> m) {
            next = m.get(token);
        } else if (node instanceof List<?> l && token.matches("\\d+") && Integer.parseInt(token) < l.size()) {
            next = l.get(Integer.parseInt(token));
        } else {
            next = null;
        }
        if (next == null) {
            throw new IllegalArgumentException("JSON patch path " + path + " does not exist at '" + token + "'");
        }
        return next;
    }

    private static void set(Object parent, String token, Object value) {
        if (parent instanceof Map<?, ?>) {
            Yaml2.map(parent).put(token, value);
        } else {
            Yaml2.list(parent).set(Integer.parseInt(token), value);
        }
    }

    private static void add(Object parent, String token, Object value, String path) {
        if (parent instanceof Map<?, ?>) {
            Yaml2.map(parent).put(token, value);
        } else if (parent instanceof List<?>) {
            List<Object> list = Yaml2.list(parent);
            list.add("-".equals(token) ? list.size() : Integer.parseInt(token), value);
        } else {
            throw new IllegalArgumentException("JSON patch path " + path + " has no container");
        }
    }
}
