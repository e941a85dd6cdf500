package cn.nanning.civic.e2e.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A plain HTTP client of the gateway, as the mini-program or a script would use it. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    /** Calls through the gateway are checked against the published OpenAPI documents; direct calls to a deployable are not. */
    private final boolean contract;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.contract = port == Platform.GATEWAY;
    }

    public Response get(String path, String token, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        return send(request, null, token, headers);
    }

    public Response get(String path, String token) {
        return get(path, token, Map.of());
    }

    public Response post(String path, Object body, String token) {
        return post(path, body, token, Map.of());
    }

    public Response post(String path, Object body, String token, Map<String, String> headers) {
        String json = write(body);
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), json, token, headers);
    }

    public Response put(String path, Object body, String token) {
        String json = write(body);
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), json, token, Map.of());
    }

    public Response delete(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), null, token, Map.of());
    }

    private Response send(HttpRequest.Builder request, String sentBody, String token, Map<String, String> headers) {
        request.timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        HttpRequest built = request.build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            Response answer = new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("X-Request-Id").orElse(null), response.body());
            if (contract) {
                ApiContract.of(Platform.GATEWAY).check(new ApiContract.Exchange(built.method(), built.uri().getRawPath()
                        + (built.uri().getRawQuery() == null ? "" : "?" + built.uri().getRawQuery()),
                        built.headers().firstValue("Content-Type").orElse(null), sentBody, answer.status(),
                        answer.contentType(), answer.body()));
            }
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException("request to " + base + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public record Response(int status, String contentType, String requestId, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }
    }
}
