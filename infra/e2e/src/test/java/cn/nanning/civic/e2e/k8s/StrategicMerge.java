package cn.nanning.civic.e2e.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The part of Kubernetes' strategic merge patch our overlays need: mappings merge, null deletes a key,
 * the well-known keyed lists of pod specs merge by their key, every other list is replaced.
 */
final class StrategicMerge {

    private StrategicMerge() {
    }

    static void merge(Map<String, Object> target, Map<String, Object> patch) {
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            if (key.startsWith("$")) {
                throw new IllegalArgumentException("unsupported strategic merge directive " + key);
            }
            if (value == null) {
                target.remove(key);
            } else if (value instanceof Map<?, ?> && target.get(key) instanceof Map<?, ?>) {
                merge(Yaml2.map(target.get(key)), Yaml2.map(value));
            } else if (value instanceof List<?> && target.get(key) instanceof List<?>) {
                target.put(key, mergeList(key, Yaml2.list(target.get(key)), Yaml2.list(value)));
            } else {
                target.put(key, value);
            }
        }
    }

    private static List<Object> mergeList(String key, List<Object> target, List<Object> patch) {
        String mergeKey = mergeKey(key, patch);
        if (mergeKey == null) {
            return patch;
        }
        List<Object> out = new ArrayList<>(target);
        for (Object item : patch) {
            Map<String, Object> patchItem = Yaml2.map(item);
            Map<String, Object> existing = null;
            for (Object candidate : out) {
                if (Objects.equals(Yaml2.map(candidate).get(mergeKey), patchItem.get(mergeKey))) {
                    existing = Yaml2.map(candidate);
                }
            }
            if (existing == null) {
                out.add(patchItem);
            } else {
                merge(existing, patchItem);
            }
        }
        return out;
    }

    private static String mergeKey(String key, List<Object> patch) {
        return switch (key) {
            case "containers", "initContainers", "env", "volumes", "imagePullSecrets" -> "name";
            case "volumeMounts" -> "mountPath";
            case "ports" -> !patch.isEmpty() && Yaml2.map(patch.get(0)).containsKey("containerPort")
                    ? "containerPort" : "port";
            default -> null;
        };
    }
}
