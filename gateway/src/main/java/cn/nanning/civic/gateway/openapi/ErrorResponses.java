package cn.nanning.civic.gateway.openapi;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every operation of every published document answers errors the same way: RFC 9457 problem details as
 * {@code application/problem+json}, with a Chinese {@code title} and, for bad input, Chinese {@code errors[].message}
 * texts. The deployables' generated documents list only their successes; this adds the {@code Problem} schema and a
 * {@code default} response to each operation, so a client generated from the documents reads every error; query
 * parameters with a default value are marked optional.
 */
final class ErrorResponses {

    static final String MEDIA_TYPE = "application/problem+json";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private ErrorResponses() {
    }

    /** The document with the problem schema and each operation's error response added. */
    @SuppressWarnings("unchecked")
    static String complete(String yamlText) {
        LoaderOptions loading = new LoaderOptions();
        loading.setCodePointLimit(32 * 1024 * 1024);
        Map<String, Object> document = new Yaml(loading).load(yamlText);
        if (document == null) {
            return yamlText;
        }
        Map<String, Object> components = (Map<String, Object>) document.computeIfAbsent("components", k -> new LinkedHashMap<>());
        Map<String, Object> schemas = (Map<String, Object>) components.computeIfAbsent("schemas", k -> new LinkedHashMap<>());
        schemas.putIfAbsent("Problem", problemSchema());
        schemas.putIfAbsent("ProblemFieldError", fieldErrorSchema());
        Map<String, Object> responses = (Map<String, Object>) components.computeIfAbsent("responses", k -> new LinkedHashMap<>());
        responses.putIfAbsent("Problem", Map.of(
                "description", "出错时的答复（RFC 9457 problem+json）：status 为 HTTP 状态码，title/detail 为给人看的中文说明，"
                        + "errors 为逐项的输入问题",
                "content", Map.of(MEDIA_TYPE, Map.of("schema", Map.of("$ref", "#/components/schemas/Problem")))));
        Map<String, Object> paths = (Map<String, Object>) document.getOrDefault("paths", Map.of());
        for (Object item : paths.values()) {
            if (!(item instanceof Map<?, ?> operations)) {
                continue;
            }
            for (Map.Entry<?, ?> entry : operations.entrySet()) {
                if (!METHODS.contains(String.valueOf(entry.getKey())) || !(entry.getValue() instanceof Map<?, ?> operation)) {
                    continue;
                }
                Map<String, Object> answers = (Map<String, Object>) ((Map<String, Object>) operation)
                        .computeIfAbsent("responses", k -> new LinkedHashMap<>());
                answers.putIfAbsent("default", Map.of("$ref", "#/components/responses/Problem"));
                optionalWhenDefaulted(operation.get("parameters"));
            }
        }
        DumperOptions dumping = new DumperOptions();
        dumping.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        dumping.setAllowUnicode(true);
        dumping.setSplitLines(false);
        return new Yaml(dumping).dump(document);
    }

    /**
     * A query parameter with a default value ({@code @QueryValue(defaultValue = "0") int page}) may be left out; the
     * generator marks it required all the same.
     */
    @SuppressWarnings("unchecked")
    private static void optionalWhenDefaulted(Object parameters) {
        if (!(parameters instanceof List<?> list)) {
            return;
        }
        for (Object parameter : list) {
            if (parameter instanceof Map<?, ?> p && !"path".equals(p.get("in")) && p.get("schema") instanceof Map<?, ?> schema
                    && schema.containsKey("default")) {
                ((Map<String, Object>) p).put("required", false);
            }
        }
    }

    private static Map<String, Object> problemSchema() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("type", Map.of("type", "string", "format", "uri",
                "description", "问题类型（稳定，供程序判断）：https://civic.nanning.example/problems/<名称>，例如 validation、not-found、"
                        + "too-many-requests、unavailable、already-reported、content-refused"));
        properties.put("title", Map.of("type", "string", "description", "给人看的中文标题"));
        properties.put("status", Map.of("type", "integer", "format", "int32", "description", "HTTP 状态码"));
        properties.put("detail", Map.of("type", "string", "description", "给人看的中文说明"));
        properties.put("instance", Map.of("type", "string"));
        properties.put("requestId", Map.of("type", "string", "description", "请求编号，报障时提供"));
        properties.put("errors", Map.of("type", "array", "items", Map.of("$ref", "#/components/schemas/ProblemFieldError")));
        return Map.of("type", "object", "required", List.of("type", "title", "status"), "properties", properties);
    }

    private static Map<String, Object> fieldErrorSchema() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("field", Map.of("type", "string", "description", "出问题的字段（点号路径，如 guardian.phone）"));
        properties.put("message", Map.of("type", "string", "description", "中文说明"));
        return Map.of("type", "object", "required", List.of("message"), "properties", properties);
    }
}
