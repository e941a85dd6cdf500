package cn.nanning.civic.services.openapi;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One OpenAPI document for the whole services deployable. Each domain module's annotation processor writes its own
 * {@code META-INF/swagger/civic-<module>.yml}; this merges their paths, schemas and tags once, on first request.
 * The gateway aggregates it with the other deployables' documents.
 */
@Controller("/openapi.yml")
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class OpenApiController {

    private final List<String> parts;
    private volatile String merged;

    OpenApiController(@Value("${civic.openapi.parts}") List<String> parts) {
        this.parts = parts;
    }

    @Get
    @Produces("application/yaml")
    String document() {
        String document = merged;
        if (document == null) {
            document = merge();
            merged = document;
        }
        return document;
    }

    @SuppressWarnings("unchecked")
    private String merge() {
        Yaml yaml = new Yaml();
        Map<String, Object> result = new LinkedHashMap<>();
        Map<String, Object> paths = new LinkedHashMap<>();
        Map<String, Object> schemas = new LinkedHashMap<>();
        Map<String, Object> tags = new LinkedHashMap<>();
        for (String part : parts) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/swagger/" + part)) {
                if (in == null) {
                    continue;
                }
                Map<String, Object> doc = yaml.load(in);
                if (result.isEmpty()) {
                    result.put("openapi", doc.get("openapi"));
                    result.put("info", doc.get("info"));
                }
                Map<String, Object> ownPaths = (Map<String, Object>) doc.getOrDefault("paths", Map.of());
                qualifyOperationIds(module(part), ownPaths);
                paths.putAll(ownPaths);
                Map<String, Object> components = (Map<String, Object>) doc.getOrDefault("components", Map.of());
                schemas.putAll((Map<String, Object>) components.getOrDefault("schemas", Map.of()));
                for (Map<String, Object> tag : (List<Map<String, Object>>) doc.getOrDefault("tags", List.of())) {
                    tags.putIfAbsent(String.valueOf(tag.get("name")), tag);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        result.put("tags", List.copyOf(tags.values()));
        result.put("paths", paths);
        result.put("components", Map.of("schemas", schemas,
                "securitySchemes", Map.of("bearerAuth", Map.of("type", "http", "scheme", "bearer", "bearerFormat", "JWT"))));
        result.put("security", List.of(Map.of("bearerAuth", List.of())));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        return new Yaml(options).dump(result);
    }

    /** "civic-volunteers.yml" → "volunteers". */
    private static String module(String part) {
        return part.replaceFirst("^civic-", "").replaceFirst("\\.ya?ml$", "");
    }

    /**
     * Each module's generator names operations after their methods ("get", "search"), so the same name occurs in several
     * modules; OpenAPI wants one name per operation across the document, and client generators name their methods after
     * it. The module's name goes in front: "volunteersSearch", "proxyGet".
     */
    @SuppressWarnings("unchecked")
    private static void qualifyOperationIds(String module, Map<String, Object> paths) {
        for (Object item : paths.values()) {
            if (!(item instanceof Map<?, ?> operations)) {
                continue;
            }
            for (Object operation : operations.values()) {
                if (operation instanceof Map<?, ?> op && op.get("operationId") instanceof String id && !id.isEmpty()) {
                    ((Map<String, Object>) op).put("operationId", module + Character.toUpperCase(id.charAt(0)) + id.substring(1));
                }
            }
        }
    }
}
