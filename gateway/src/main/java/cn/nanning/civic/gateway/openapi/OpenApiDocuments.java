package cn.nanning.civic.gateway.openapi;

import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.gateway.routing.RouteDefinition;
import cn.nanning.civic.gateway.routing.Routes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Every deployable's OpenAPI document from one address: {@code /openapi/<route>.yml} fetches it from the route's
 * downstream ({@code openapi-path}), {@code /openapi/gateway.yml} is the gateway's own.
 */
@Controller("/openapi")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "接口文档")
class OpenApiDocuments {

    static final String YAML = "application/yaml";
    private static final String OWN = "META-INF/swagger/civic-gateway.yml";
    private static final Logger LOG = LoggerFactory.getLogger(OpenApiDocuments.class);

    private final Routes routes;
    private final HttpClient client;

    OpenApiDocuments(Routes routes, HttpClient client) {
        this.routes = routes;
        this.client = client;
    }

    @Get("/{file}")
    @Produces(YAML)
    @Operation(summary = "各服务的 OpenAPI 文档", description = "例如 /openapi/services.yml、/openapi/search.yml、/openapi/gateway.yml")
    String document(@PathVariable String file) {
        if (!file.endsWith(".yml")) {
            throw ProblemException.notFound("没有这份接口文档。");
        }
        String service = file.substring(0, file.length() - ".yml".length());
        if (service.equals("gateway")) {
            return ErrorResponses.complete(own());
        }
        RouteDefinition route = routes.named(service)
                .filter(r -> r.getOpenapiPath() != null && !r.getOpenapiPath().isBlank())
                .orElseThrow(() -> ProblemException.notFound("没有名为「" + service + "」的服务接口文档。"));
        URI uri = URI.create(route.getTarget().toString().replaceAll("/$", "") + route.getOpenapiPath());
        try {
            return ErrorResponses.complete(client.toBlocking().retrieve(HttpRequest.GET(uri).accept(YAML, "text/yaml", "*/*"), String.class));
        } catch (HttpClientResponseException e) {
            LOG.warn("OpenAPI document of {} not served at {}: HTTP {}", service, uri, e.getStatus().getCode());
            throw new ProblemException(HttpStatus.BAD_GATEWAY, "openapi-unavailable", null,
                    "暂时无法获取该服务的接口文档，请稍后再试。");
        } catch (HttpClientException e) {
            LOG.warn("OpenAPI document of {} unreachable at {}: {}", service, uri, e.getMessage());
            throw ProblemException.unavailable("openapi-unavailable", "暂时无法获取该服务的接口文档，请稍后再试。");
        }
    }

    private String own() {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(OWN)) {
            if (in == null) {
                throw ProblemException.notFound("网关接口文档尚未生成。");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
