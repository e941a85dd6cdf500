package cn.nanning.civic.gateway.openapi;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The problem-type catalogue keeps up with the code, and the published documents carry it per operation. */
class ProblemTypeCatalogueTest {

    /** A problem thrown with a literal type: the factories taking a type, or the constructor with a status. */
    private static final Pattern THROWN = Pattern.compile(
            "(?:ProblemException\\.(?:badRequest|conflict|unavailable)\\(\\s*|new ProblemException\\(\\s*HttpStatus\\.[A-Z_]+,\\s*)\"([a-z0-9-]+)\"");

    @Test
    void everyProblemTypeTheCodeThrowsIsInTheCatalogue() {
        Set<String> thrown = new TreeSet<>();
        Path repository = Path.of("").toAbsolutePath().getParent();
        for (Path module : List.of(repository.resolve("gateway"), repository.resolve("services"), repository.resolve("search"))) {
            try (Stream<Path> files = Files.walk(module)) {
                files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/")).forEach(f -> {
                    Matcher m = THROWN.matcher(read(f));
                    while (m.find()) {
                        thrown.add(m.group(1));
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(thrown).as("types thrown in the code").hasSizeGreaterThan(50);
        assertThat(ProblemTypes.CATALOGUE.all().keySet()).as("openapi/problem-types.yml").containsAll(thrown);
        assertThat(ProblemTypes.CATALOGUE.all().values()).allSatisfy(t -> {
            assertThat(t.description()).as(t.name() + ": described in Chinese").containsPattern("\\p{IsHan}");
            assertThat(t.statuses()).as(t.name()).allSatisfy(s -> assertThat(s).isBetween(400, 599));
        });
        assertThat(ProblemTypes.CATALOGUE.operations()).allSatisfy(o -> assertThat(o).matches("(GET|POST|PUT|DELETE|PATCH) /\\S+"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachOperationListsItsOwnTypesPerStatusAndItsDefaultOnlyTheUniversalOnes() {
        String document = """
                openapi: 3.0.1
                paths:
                  /api/v1/appointments/psychology/bookings:
                    post:
                      responses:
                        "201": {description: 已创建}
                        "403": {description: 只有市民本人可以预约}
                  /api/v1/regions:
                    get:
                      responses:
                        "200": {description: 成功}
                """;
        Map<String, Object> completed = new Yaml().load(ErrorResponses.complete(document));
        Map<String, Object> booking = responses(completed, "/api/v1/appointments/psychology/bookings", "post");
        assertThat(booking).containsKeys("201", "400", "403", "409", "default");
        assertThat(enumOf(booking.get("409"))).contains("https://civic.nanning.example/problems/slot-taken")
                .doesNotContain("https://civic.nanning.example/problems/validation");
        assertThat(enumOf(booking.get("400"))).contains("https://civic.nanning.example/problems/validation",
                "https://civic.nanning.example/problems/not-a-slot");
        assertThat(((Map<String, Object>) booking.get("403")).get("description")).isEqualTo("只有市民本人可以预约");
        assertThat(enumOf(booking.get("403"))).contains("https://civic.nanning.example/problems/forbidden");
        assertThat(enumOf(booking.get("default"))).contains("https://civic.nanning.example/problems/not-found")
                .doesNotContain("https://civic.nanning.example/problems/slot-taken");

        Map<String, Object> regions = responses(completed, "/api/v1/regions", "get");
        assertThat(regions).containsOnlyKeys("200", "default");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> responses(Map<String, Object> document, String path, String method) {
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        return (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) paths.get(path)).get(method)).get("responses");
    }

    @SuppressWarnings("unchecked")
    private static List<String> enumOf(Object response) {
        Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) response).get("content");
        Map<String, Object> schema = (Map<String, Object>) ((Map<String, Object>) content.get("application/problem+json")).get("schema");
        Map<String, Object> type = (Map<String, Object>) ((Map<String, Object>) schema.get("properties")).get("type");
        return (List<String>) type.get("enum");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
