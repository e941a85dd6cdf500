package cn.nanning.civic.portal.gateway;

import cn.nanning.civic.common.problem.Problem;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The portal's only way to the back end: the gateway's public API, called with the signed-in person's token.
 * Blocking on purpose; Vaadin handles each UI request on a servlet thread.
 */
@Singleton
public class GatewayClient {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayClient.class);
    private static final Argument<String> ERROR_BODY = Argument.STRING;

    private final HttpClient http;
    private final JsonMapper json;

    GatewayClient(@Client(id = "gateway") HttpClient http, JsonMapper json) {
        this.http = http;
        this.json = json;
    }

    public StaffSignIn signIn(String username, String password) {
        return signIn(username, password, null, null);
    }

    /**
     * Staff sign-in with an optional one-time code. The browser's address goes along as X-Forwarded-For, so the
     * gateway's lockout audit and per-address rate limit see the person, not the portal (gateway trusted-proxies ≥ 1).
     */
    public StaffSignIn signIn(String username, String password, String otp, String browserAddress) {
        return call(() -> {
            MutableHttpRequest<?> request = HttpRequest.POST("/api/v1/auth/staff/login", new Credentials(username, password, otp));
            if (browserAddress != null && !browserAddress.isBlank()) {
                request.header("X-Forwarded-For", browserAddress);
            }
            return request;
        }, Argument.of(StaffSignIn.class));
    }

    public TokenPair refresh(String refreshToken) {
        return call(() -> HttpRequest.POST("/api/v1/auth/refresh", new RefreshToken(refreshToken)),
                Argument.of(TokenPair.class));
    }

    /**
     * Revokes the sign-in's refresh tokens. The gateway wants the caller's access token with it; when that has already
     * expired (a session that sat idle), the refresh token first buys a fresh pair, whose logout revokes the whole family.
     */
    public void signOut(String accessToken, String refreshToken) {
        try {
            logout(accessToken, refreshToken);
        } catch (GatewayException e) {
            if (e.status() != 401) {
                throw e;
            }
            TokenPair fresh = refresh(refreshToken);
            logout(fresh.accessToken(), fresh.refreshToken());
        }
    }

    private void logout(String accessToken, String refreshToken) {
        call(() -> HttpRequest.POST("/api/v1/auth/logout", new RefreshToken(refreshToken)).bearerAuth(accessToken),
                Argument.of(byte[].class));
    }

    /** The signed-in staff member's display preferences (大字模式), kept with their account at the gateway. */
    public DisplayPreferences preferences(String accessToken) {
        return call(() -> HttpRequest.GET("/api/v1/identity/me/preferences").bearerAuth(accessToken),
                Argument.of(DisplayPreferences.class));
    }

    public DisplayPreferences savePreferences(DisplayPreferences preferences, String accessToken) {
        return call(() -> HttpRequest.PUT("/api/v1/identity/me/preferences", preferences).bearerAuth(accessToken),
                Argument.of(DisplayPreferences.class));
    }

    public Region region(String regionCode, String accessToken) {
        return call(() -> HttpRequest.GET("/api/v1/regions/" + regionCode).bearerAuth(accessToken), Argument.of(Region.class));
    }

    public List<Region> regionChildren(String regionCode, String accessToken) {
        return call(() -> HttpRequest.GET("/api/v1/regions/" + regionCode + "/children").bearerAuth(accessToken),
                Argument.listOf(Region.class));
    }

    /** The clerk's (or supervisor's) open proxy requests, overdue first. */
    public List<ProxyRequestSummary> proxyWorkbench(String accessToken) {
        return call(() -> HttpRequest.GET("/api/v1/proxy/requests/workbench").bearerAuth(accessToken),
                Argument.listOf(ProxyRequestSummary.class));
    }

    /** The latest closed requests (followed up or withdrawn) the workbench no longer shows. */
    public List<ProxyRequestSummary> proxyClosed(String accessToken) {
        return call(() -> HttpRequest.GET("/api/v1/proxy/requests/closed?size=50").bearerAuth(accessToken),
                Paged.of(ProxyRequestSummary.class)).items();
    }

    /** The live catalogue (up to 100 items, by code). */
    public List<CatalogueEntry> catalogue(String accessToken) {
        return call(() -> HttpRequest.GET("/api/v1/catalogue/items?size=100").bearerAuth(accessToken),
                Paged.of(CatalogueEntry.class)).items();
    }

    /** Publishes a new item, or changes an existing one when {@code isNew} is false. */
    public CatalogueEntry saveCatalogueEntry(CatalogueEntry entry, boolean isNew, String accessToken) {
        return call(() -> (isNew ? HttpRequest.POST("/api/v1/catalogue/items", entry)
                : HttpRequest.PUT("/api/v1/catalogue/items/" + entry.code(), entry)).bearerAuth(accessToken),
                Argument.of(CatalogueEntry.class));
    }

    /** One request with its checklist and timeline. */
    public ProxyRequestSummary proxyRequest(String requestId, String accessToken) {
        return call(() -> HttpRequest.GET("/api/v1/proxy/requests/" + requestId).bearerAuth(accessToken),
                Argument.of(ProxyRequestSummary.class));
    }

    /** Moves a request one step on: accept (with the ticked materials), forward, deliver or archive. */
    public ProxyRequestSummary proxyStep(String requestId, String action, Map<String, Object> body, String accessToken) {
        return call(() -> HttpRequest.POST("/api/v1/proxy/requests/" + requestId + "/" + action, body).bearerAuth(accessToken),
                Argument.of(ProxyRequestSummary.class));
    }

    /** Uploads one file as multipart form data (part name {@code file}), e.g. a scanned material. */
    public <T> T upload(String path, String filename, byte[] content, String accessToken, Argument<T> type) {
        MultipartBody body = MultipartBody.builder()
                .addPart("file", filename, MediaType.APPLICATION_OCTET_STREAM_TYPE, content).build();
        return call(() -> HttpRequest.POST(path, body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(accessToken), type);
    }

    /**
     * Sends one request to the gateway and reads the answer; a problem answer becomes a {@link GatewayException} with
     * the gateway's Chinese explanation. Each domain's portal client (e.g. council, volunteers) builds on this.
     */
    public <T> T call(Supplier<MutableHttpRequest<?>> request, Argument<T> type) {
        return exchange(request.get().accept(MediaType.APPLICATION_JSON_TYPE, MediaType.of(Problem.MEDIA_TYPE)), type);
    }

    /** Downloads a file (e.g. a certificate PDF): any content type is accepted; failures still arrive as problems. */
    public byte[] download(Supplier<MutableHttpRequest<?>> request) {
        return exchange(request.get().accept(MediaType.ALL_TYPE), Argument.of(byte[].class));
    }

    private <T> T exchange(MutableHttpRequest<?> req, Argument<T> type) {
        try {
            HttpResponse<T> response = http.toBlocking().exchange(req, type, ERROR_BODY);
            T body = response.body();
            if (body == null && List.class.equals(type.getType())) {
                // An empty answer where a list was expected reads as an empty list, never as null.
                @SuppressWarnings("unchecked")
                T none = (T) List.of();
                return none;
            }
            return body;
        } catch (HttpClientResponseException e) {
            throw fromProblem(req, e);
        } catch (HttpClientException e) {
            LOG.warn("Gateway unreachable for {} {}: {}", req.getMethod(), req.getPath(), e.getMessage());
            throw new GatewayException(0, "暂时无法连接服务平台，请稍后再试。");
        }
    }

    private GatewayException fromProblem(HttpRequest<?> request, HttpClientResponseException e) {
        int status = e.getStatus().getCode();
        String body = e.getResponse().getBody(String.class).filter(b -> !b.isBlank()).orElse(null);
        Map<String, Object> problem = body == null ? Map.of() : problemMap(body);
        Object type = problem.get("type");
        String problemType = type == null ? null : type.toString().substring(type.toString().lastIndexOf('/') + 1);
        Long retryAfter = e.getResponse().getHeaders().get("Retry-After", Long.class).orElse(null);
        LOG.info("Gateway answered {} to {} {}", status, request.getMethod(), request.getPath());
        return new GatewayException(status, ProblemText.of(problem, status), problemType, problem, retryAfter);
    }

    private Map<String, Object> problemMap(String body) {
        try {
            Map<String, Object> problem = json.readValue(body, Argument.mapOf(String.class, Object.class));
            return problem == null ? Map.of() : problem;
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Credentials(String username, String password, String otp) {
    }

    @Serdeable
    record RefreshToken(String refreshToken) {
    }
}
