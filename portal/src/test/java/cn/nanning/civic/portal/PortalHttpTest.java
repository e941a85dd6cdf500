package cn.nanning.civic.portal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Boots the real portal (Micronaut context + Jetty on a free port) and talks to it over HTTP. */
class PortalHttpTest {

    private static PortalApplication portal;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void boot() throws Exception {
        portal = PortalApplication.start(Map.of(
                "civic.portal.port", 0,
                "civic.portal.host", "127.0.0.1",
                "civic.portal.gateway-url", "http://127.0.0.1:9"));
    }

    @AfterAll
    static void shutDown() {
        portal.close();
    }

    @Test
    void health_answers_up_for_probes() throws Exception {
        HttpResponse<String> response = get("/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void prometheus_metrics_are_served_for_scraping() throws Exception {
        HttpResponse<String> response = get("/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void the_root_serves_the_vaadin_bootstrap_page_in_chinese() throws Exception {
        HttpResponse<String> response = get("/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("<html lang=\"zh-CN\"")
                .contains("<title>南宁市民服务与志愿者平台</title>")
                .contains("<div id=\"outlet\">");
    }

    @Test
    void the_login_page_serves_the_bootstrap_page_and_starts_a_server_side_session() throws Exception {
        HttpResponse<String> response = get("/login");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<html lang=\"zh-CN\"");
        assertThat(response.headers().firstValue("Set-Cookie")).hasValueSatisfying(
                cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly"));
    }

    @Test
    void the_client_side_engine_comes_from_the_pre_built_production_bundle() throws Exception {
        String page = get("/login").body();
        Matcher script = Pattern.compile("src=\"\\./(VAADIN/build/indexhtml-[^\"]+\\.js)\"").matcher(page);
        assertThat(script.find()).as("bundle entry script in %s", page).isTrue();

        HttpResponse<String> bundle = get("/" + script.group(1));
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("javascript"));
        assertThat(bundle.body()).isNotBlank();
    }

    @Test
    void static_resources_inside_jars_are_served_from_their_meta_inf_resources() throws Exception {
        // flow-push ships this file in its jar's META-INF/resources.
        HttpResponse<String> push = get("/VAADIN/static/push/vaadinPush-min.js");
        assertThat(push.statusCode()).isEqualTo(200);
        assertThat(push.body()).contains("atmosphere");
    }

    @Test
    void every_response_carries_a_request_id_and_a_safe_incoming_one_is_kept() throws Exception {
        assertThat(get("/login").headers().firstValue("X-Request-Id")).hasValueSatisfying(
                id -> assertThat(id).matches("[0-9a-f-]{36}"));

        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portal.port() + "/health"))
                .header("X-Request-Id", "probe-12345678").GET().build();
        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).headers().firstValue("X-Request-Id"))
                .hasValue("probe-12345678");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portal.port() + path)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
