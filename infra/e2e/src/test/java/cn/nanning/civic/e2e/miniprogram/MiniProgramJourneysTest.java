package cn.nanning.civic.e2e.miniprogram;

import cn.nanning.civic.e2e.platform.ApiContract;
import cn.nanning.civic.e2e.platform.Platform;
import cn.nanning.civic.e2e.platform.TestStack;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The citizens' WeChat mini-program (miniprogram/): its type check and unit tests (pages and components rendered by
 * miniprogram-simulate), and one journey test per citizen journey, which drives the pages' real code against this
 * platform's gateway with a wx shim over real HTTP (WeChat sign-in through the stand-in).
 */
class MiniProgramJourneysTest {

    private static final Path ROOT = Path.of(System.getProperty("civic.root", "../..")).toAbsolutePath().normalize();
    private static final Path MINIPROGRAM = ROOT.resolve("miniprogram");
    private static final Path LOGS = ROOT.resolve("infra/e2e/target/e2e-logs");

    @BeforeAll
    static void installPackages() throws Exception {
        Files.createDirectories(LOGS);
        if (!Files.isDirectory(MINIPROGRAM.resolve("node_modules/miniprogram-simulate"))) {
            Result ci = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), "npm-ci", 900);
            assertThat(ci.exit()).as("npm ci\n%s", ci.tail()).isZero();
        }
    }

    @Test
    void typeCheckAndUnitTestsOfEveryPageAndComponentPass() throws Exception {
        Result unit = run(List.of("npm", "test", "--silent"), Map.of(), "miniprogram-unit", 900);
        assertThat(unit.exit()).as("npm test (tsc --noEmit and the jest unit project)\n%s", unit.tail()).isZero();
        assertThat(unit.output()).containsPattern("Tests:\\s+\\d+ passed, \\d+ total").doesNotContain(" failed,");
    }

    @Test
    void everyCitizenJourneyWorksAgainstTheRunningGateway() throws Exception {
        Platform.get();
        loadLawsWhenMissing();
        Path exchanges = Files.createTempFile("miniprogram-exchanges", ".jsonl");
        Result journeys = run(List.of("npx", "jest", "--selectProjects", "journeys", "--runInBand", "--ci"),
                Map.of("GATEWAY_URL", "http://127.0.0.1:" + Platform.GATEWAY, "CIVIC_DEMO_STAFF_PASSWORD", Platform.DEMO_STAFF_PASSWORD,
                        "CIVIC_CONTRACT_LOG", exchanges.toString()),
                "miniprogram-journeys", 900);
        assertThat(journeys.exit()).as("jest journeys\n%s", journeys.tail()).isZero();
        assertThat(journeys.output()).containsPattern("Tests:\\s+\\d+ passed, \\d+ total").doesNotContain(" failed,");

        // Every call the pages made, and its answer, as the published OpenAPI documents describe them.
        ObjectMapper json = new ObjectMapper();
        List<ApiContract.Exchange> sent = new ArrayList<>();
        for (String line : Files.readAllLines(exchanges)) {
            sent.add(json.readValue(line, ApiContract.Exchange.class));
        }
        assertThat(sent).as("the journeys' calls were recorded").hasSizeGreaterThan(50);
        ApiContract.of(Platform.GATEWAY).checkAll(sent);
    }

    /** Journey 2 reads law articles: the test stack's Elasticsearch gets the corpus (words only) once. */
    private static void loadLawsWhenMissing() throws Exception {
        String es = TestStack.environment().get("ELASTICSEARCH_URL");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> count = http.send(HttpRequest.newBuilder(URI.create(es + "/law-articles/_count"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (count.statusCode() == 200 && !count.body().contains("\"count\":0")) {
            return;
        }
        Path search = ROOT.resolve("search");
        String classpath = search.resolve("target/classes") + ":" + Files.readString(search.resolve("target/runtime-classpath.txt")).strip();
        Result load = run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m", "-XX:+UseSerialGC",
                        "-Dlogback.configurationFile=none", "-cp", classpath, "cn.nanning.civic.search.laws.LoadLaws",
                        "--url", es, "--no-vectors", "--questions", "none"),
                Map.of("CIVIC_DATA_DIR", TestStack.environment().get("CIVIC_DATA_DIR")), "load-laws", 600, ROOT);
        assertThat(load.exit()).as("load the law corpus\n%s", load.tail()).isZero();
    }

    private static Result run(List<String> command, Map<String, String> env, String log, int timeoutSeconds) throws Exception {
        return run(command, env, log, timeoutSeconds, MINIPROGRAM);
    }

    private static Result run(List<String> command, Map<String, String> env, String log, int timeoutSeconds, Path dir)
            throws IOException, InterruptedException {
        Path file = LOGS.resolve(log + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(file.toFile());
        builder.environment().putAll(env);
        builder.environment().put("CI", "true");
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s; see " + file);
        }
        return new Result(process.exitValue(), Files.readString(file));
    }

    private record Result(int exit, String output) {
        String tail() {
            return output.length() > 6000 ? output.substring(output.length() - 6000) : output;
        }
    }
}
