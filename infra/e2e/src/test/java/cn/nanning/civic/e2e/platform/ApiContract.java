package cn.nanning.civic.e2e.platform;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The published OpenAPI documents are the contract: every request the end-to-end tests send through the gateway, and
 * the answer they get, is checked against the documents the gateway serves ({@code /openapi/gateway.yml},
 * {@code /openapi/services.yml}, {@code /openapi/search.yml}) by a maintained OpenAPI validator. A mismatch fails the
 * test that made the call, naming the operation and what differs; every mismatch is also listed in
 * {@code target/api-contract.txt}.
 *
 * <p>Requests the tests send on purpose outside the contract (malformed JSON, probes of paths that do not exist, a
 * page number too large) are checked for their answer only: the answer to bad input is part of the contract too.
 */
public final class ApiContract {

    /** Where the list of mismatches of this run goes. */
    public static final Path REPORT = Path.of("target", "api-contract.txt");

    private static volatile ApiContract instance;

    /** Per document: its validator (documents tried in this order: a path is in exactly one of them). */
    private final Map<String, OpenApiInteractionValidator> validators;
    private final boolean enforce;

    private ApiContract(Map<String, OpenApiInteractionValidator> validators, boolean enforce) {
        this.validators = validators;
        this.enforce = enforce;
    }

    /** The contract of the running gateway, read once. */
    public static ApiContract of(int gatewayPort) {
        ApiContract contract = instance;
        if (contract == null) {
            synchronized (ApiContract.class) {
                contract = instance;
                if (contract == null) {
                    contract = load(gatewayPort);
                    instance = contract;
                }
            }
        }
        return contract;
    }

    private static ApiContract load(int gatewayPort) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        LevelResolver levels = LevelResolver.create()
                // Who may call is the gateway's and the services' business, tested on its own; the documents say that a
                // bearer token is expected, not which calls go without one.
                .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                // The test client posts "{}" to actions that take no body; the services ignore it.
                .withLevel("validation.request.body.unexpected", ValidationReport.Level.IGNORE)
                .build();
        Map<String, OpenApiInteractionValidator> validators = new LinkedHashMap<>();
        for (String document : List.of("gateway", "search", "services")) {
            String yaml = fetch(http, "http://127.0.0.1:" + gatewayPort + "/openapi/" + document + ".yml");
            validators.put(document, OpenApiInteractionValidator.createForInlineApiSpecification(yaml)
                    .withLevelResolver(levels)
                    .build());
        }
        try {
            Files.createDirectories(REPORT.toAbsolutePath().getParent());
            Files.deleteIfExists(REPORT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ApiContract(validators, !"report".equals(System.getProperty("civic.contract", "enforce")));
    }

    private static String fetch(HttpClient http, String url) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + answer.statusCode());
            }
            return answer.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One exchange as the client saw it. */
    public record Exchange(String method, String pathAndQuery, String requestContentType, String requestBody,
                           int status, String responseContentType, String responseBody) {
    }

    /** Checks one exchange; a mismatch is reported and, unless {@code -Dcivic.contract=report}, fails the caller. */
    public void check(Exchange exchange) {
        checkAll(List.of(exchange));
    }

    /** Checks exchanges recorded elsewhere (the mini-program's journeys); all mismatches are reported, then one failure. */
    public void checkAll(List<Exchange> exchanges) {
        StringBuilder text = new StringBuilder();
        for (Exchange exchange : exchanges) {
            List<String> mismatches = mismatches(exchange);
            if (!mismatches.isEmpty()) {
                text.append(exchange.method()).append(' ').append(exchange.pathAndQuery()).append(" → ").append(exchange.status())
                        .append("\n  ").append(String.join("\n  ", mismatches)).append('\n');
            }
        }
        if (text.isEmpty()) {
            return;
        }
        try {
            Files.writeString(REPORT, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (enforce) {
            throw new AssertionError("exchanges differ from the published OpenAPI documents:\n" + text);
        }
    }

    /** What differs between the exchange and the document that has its path (empty: it matches). */
    public List<String> mismatches(Exchange exchange) {
        URI uri = URI.create(exchange.pathAndQuery());
        Request request = request(exchange, uri);
        SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status());
        if (exchange.responseContentType() != null && !exchange.responseContentType().isBlank()) {
            response.withContentType(exchange.responseContentType());
        }
        if (exchange.responseBody() != null && !exchange.responseBody().isEmpty()) {
            response.withBody(exchange.responseBody());
        }
        SimpleResponse answer = response.build();
        List<String> lastMissing = List.of("no document has the path " + uri.getPath());
        for (OpenApiInteractionValidator validator : validators.values()) {
            ValidationReport report = validator.validate(request, answer);
            if (report.getMessages().stream().anyMatch(m -> m.getKey().equals("validation.request.path.missing"))) {
                continue;
            }
            boolean documented = report.getMessages().stream().noneMatch(m -> m.getKey().startsWith("validation.request.operation.notAllowed"));
            if (!documented) {
                lastMissing = List.of("the document has the path " + uri.getPath() + " but not the method " + exchange.method());
                continue;
            }
            return report.getMessages().stream()
                    .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    // What a test sends on purpose outside the contract is answered with a documented error: only
                    // the answer is checked then.
                    .filter(m -> exchange.status() < 400 || !m.getKey().startsWith("validation.request"))
                    .map(m -> m.getKey() + ": " + m.getMessage() + m.getNestedMessages().stream().limit(5)
                            .map(n -> "\n      " + n.getMessage()).collect(Collectors.joining()))
                    .collect(Collectors.toList());
        }
        // A path no document has must be answered 404 with a problem (tests probe unknown paths on purpose).
        return exchange.status() == 404 ? List.of() : lastMissing;
    }

    private static Request request(Exchange exchange, URI uri) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(exchange.method(), uri.getRawPath() == null ? "/"
                : URLDecoder.decode(uri.getRawPath(), StandardCharsets.UTF_8));
        if (uri.getRawQuery() != null) {
            Map<String, List<String>> query = new LinkedHashMap<>();
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
            query.forEach((name, values) -> builder.withQueryParam(name, values));
        }
        if (exchange.requestContentType() != null) {
            builder.withContentType(exchange.requestContentType());
        }
        if (exchange.requestBody() != null) {
            builder.withBody(exchange.requestBody());
        }
        return builder.build();
    }
}
