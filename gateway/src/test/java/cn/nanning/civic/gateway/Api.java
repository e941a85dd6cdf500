package cn.nanning.civic.gateway;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Calls the gateway over real HTTP and keeps error responses instead of throwing. */
public record Api(HttpClient client, JsonMapper json) {

    public record Response(int status, String contentType, String body, HttpResponse<?> raw, JsonMapper json) {

        public Map<String, Object> map() {
            try {
                return json.readValue(body, Argument.mapOf(String.class, Object.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String get(String field) {
            Object value = map().get(field);
            return value == null ? null : value.toString();
        }

        public String header(String name) {
            return raw.getHeaders().get(name);
        }
    }

    public Response post(String path, Object body, String token) {
        return send(HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_JSON_TYPE), token);
    }

    public Response get(String path, String token) {
        return send(HttpRequest.GET(path), token);
    }

    public Response send(MutableHttpRequest<?> request, String token) {
        if (token != null) {
            request.bearerAuth(token);
        }
        try {
            HttpResponse<String> response = client.toBlocking().exchange(request, String.class);
            return new Response(response.code(), response.getContentType().map(MediaType::toString).orElse(""),
                    response.getBody().orElse(""), response, json);
        } catch (HttpClientResponseException e) {
            HttpResponse<?> response = e.getResponse();
            return new Response(response.code(), response.getContentType().map(MediaType::toString).orElse(""),
                    response.getBody(String.class).orElse(""), response, json);
        }
    }
}
