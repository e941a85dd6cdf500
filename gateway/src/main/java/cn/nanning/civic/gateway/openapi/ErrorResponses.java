package cn.nanning.civic.gateway.openapi;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every operation of every published document answers errors the same way: RFC 9457 problem details as
 * {@code application/problem+json}, with a Chinese {@code title} and, for bad input, Chinese {@code errors[].message}
 * texts. The deployables' generated documents list only their successes; this adds the {@code Problem} schema and, per
 * operation, one response per error status with the {@code type} values it can carry (from {@link ProblemTypes}: the
 * universal ones and the operation's own), plus a {@code default} response that admits only the universal types — so a
 * client switches on documented types, and the contract test fails on an undocumented one. Query parameters with a
 * default value are marked optional.
 */
final class ErrorResponses {

    static final String MEDIA_TYPE = "application/problem+json";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private ErrorResponses() {
    }

    /** The document with the problem schema and each operation's error response added. */
    static String complete(String yamlText) {
        return complete(yamlText, ProblemTypes.CATALOGUE);
    }

    @SuppressWarnings("unchecked")
    static String complete(String yamlText, ProblemTypes types) {
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
        for (Map.Entry<String, Object> item : paths.entrySet()) {
            if (!(item.getValue() instanceof Map<?, ?> operations)) {
                continue;
            }
            for (Map.Entry<?, ?> entry : operations.entrySet()) {
                if (!METHODS.contains(String.valueOf(entry.getKey())) || !(entry.getValue() instanceof Map<?, ?> operation)) {
                    continue;
                }
                Map<String, Object> answers = (Map<String, Object>) ((Map<String, Object>) operation)
                        .computeIfAbsent("responses", k -> new LinkedHashMap<>());
                typed(answers, types.universal(), types.of(String.valueOf(entry.getKey()), item.getKey()));
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
     * Each error status the operation documents or can answer with gets the problem schema narrowed to its
     * {@code type} values (universal ones of that status plus the operation's own); {@code default} takes the rest,
     * universal types only. A description the operation wrote itself is kept.
     */
    @SuppressWarnings("unchecked")
    private static void typed(Map<String, Object> answers, List<ProblemTypes.Type> universal, List<ProblemTypes.Type> own) {
        Map<String, List<ProblemTypes.Type>> byStatus = new TreeMap<>();
        for (ProblemTypes.Type type : own) {
            for (int status : type.statuses()) {
                byStatus.computeIfAbsent(String.valueOf(status), k -> new ArrayList<>()).add(type);
            }
        }
        for (String code : answers.keySet()) {
            if (code.length() == 3 && (code.charAt(0) == '4' || code.charAt(0) == '5')) {
                byStatus.computeIfAbsent(code, k -> new ArrayList<>());
            }
        }
        for (Map.Entry<String, List<ProblemTypes.Type>> status : byStatus.entrySet()) {
            int code = Integer.parseInt(status.getKey());
            List<ProblemTypes.Type> allowed = new ArrayList<>(status.getValue());
            universal.stream().filter(t -> t.statuses().contains(code)).forEach(allowed::add);
            Object existing = answers.get(status.getKey());
            String description = existing instanceof Map<?, ?> m && m.get("description") != null
                    ? m.get("description").toString() : describe(status.getValue());
            answers.put(status.getKey(), response(description, allowed));
        }
        answers.put("default", response("其他出错情况（RFC 9457 problem+json），type 为通用问题类型之一", universal));
    }

    private static String describe(List<ProblemTypes.Type> types) {
        return types.isEmpty() ? "出错" : types.stream().map(ProblemTypes.Type::description).distinct()
                .collect(java.util.stream.Collectors.joining("；"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> response(String description, List<ProblemTypes.Type> types) {
        List<String> uris = types.stream().map(ProblemTypes.Type::uri).distinct().toList();
        String meanings = types.stream().map(t -> t.name() + "：" + t.description()).distinct()
                .collect(java.util.stream.Collectors.joining("；"));
        // The whole problem schema with `type` narrowed, not an allOf with the shared one: validators read the
        // properties of each allOf part as closed, and a client generator gets one plain type per response.
        Map<String, Object> schema = new LinkedHashMap<>(problemSchema());
        Map<String, Object> properties = new LinkedHashMap<>((Map<String, Object>) schema.get("properties"));
        properties.put("type", Map.of("type", "string", "format", "uri", "enum", uris, "description", meanings));
        schema.put("properties", properties);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("description", description);
        answer.put("content", Map.of(MEDIA_TYPE, Map.of("schema", schema)));
        return answer;
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
