package cn.nanning.civic.services;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@MicronautTest(transactional = false)
class ProxyMaterialsApiTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0};
    private static final Path STORE = Path.of("target/test-materials");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ProxyFixture fixture;

    String requestId;

    @BeforeEach
    void aRequest() {
        fixture.setUp();
        requestId = fixture.authoriseAsCitizen().get("id").toString();
    }

    @Test
    void aPhotoIsStoredEncryptedAndDownloadedAsAnAttachmentByTheClerk() throws Exception {
        byte[] photo = withPayload(JPEG, "身份证照片");
        Map<?, ?> saved = upload("身份证.jpg", photo, fixture.citizen).body();
        assertThat(saved.get("contentType")).isEqualTo("image/jpeg");
        assertThat(saved.get("displayName")).isEqualTo("身份证.jpg");

        byte[] onDisk = Files.readAllBytes(STORE.resolve(saved.get("id") + ".bin"));
        assertThat(new String(onDisk, StandardCharsets.ISO_8859_1)).doesNotContain("JFIF");

        HttpResponse<byte[]> download = client.toBlocking().exchange(
                HttpRequest.GET("/api/v1/proxy/requests/" + requestId + "/materials/" + saved.get("id")).bearerAuth(fixture.clerk), byte[].class);
        assertThat(download.body()).isEqualTo(photo);
        assertThat(download.getHeaders().get("Content-Disposition")).startsWith("attachment;");
        assertThat(download.getHeaders().get("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(fixture.count("select count(*) from kernel.audit_log where action = 'proxy.material.download' and target_id = ?", requestId)).isEqualTo(1);
    }

    @Test
    void anHtmlPageRenamedToJpgIsRefused() {
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        var e = catchThrowableOfType(HttpClientResponseException.class, () -> upload("photo.jpg", html, fixture.citizen));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(e.getResponse().getBody(Map.class).orElseThrow().get("detail").toString()).contains("JPG、PNG");
    }

    @Test
    void aPathInTheFileNameIsHarmless() throws Exception {
        byte[] pdf = "%PDF-1.4\n材料".getBytes(StandardCharsets.UTF_8);
        Map<?, ?> saved = upload("../../../etc/passwd.pdf", pdf, fixture.citizen).body();
        assertThat(saved.get("displayName")).isEqualTo("passwd.pdf");
        try (Stream<Path> stored = Files.list(STORE)) {
            assertThat(stored.map(p -> p.getFileName().toString())).allMatch(name -> name.matches("[0-9a-f-]{36}\\.bin|upload-.*\\.part"));
        }
        assertThat(Path.of("target/etc/passwd.pdf")).doesNotExist();
    }

    @Test
    void anOversizedFileIsRefusedWithAClearMessage() {
        byte[] big = withPayload(JPEG, "x".repeat(250_000));
        var e = catchThrowableOfType(HttpClientResponseException.class, () -> upload("big.jpg", big, fixture.citizen));
        assertThat(e.getStatus().getCode()).isEqualTo(413);
        assertThat(e.getResponse().getBody(Map.class).orElseThrow().get("detail").toString()).contains("文件过大");
    }

    @Test
    void aClerkOfAnotherVillageCannotUploadOrDownload() {
        String stranger = fixture.clerkElsewhere();
        var e = catchThrowableOfType(HttpClientResponseException.class, () -> upload("a.jpg", JPEG, stranger));
        assertThat(e.getStatus().getCode()).as("the same answer as for a request that does not exist").isEqualTo(404);
        Map<?, ?> saved = upload("a.jpg", JPEG, fixture.citizen).body();
        var d = catchThrowableOfType(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.GET("/api/v1/proxy/requests/" + requestId + "/materials/" + saved.get("id")).bearerAuth(stranger), byte[].class));
        assertThat(d.getStatus().getCode()).isEqualTo(404);
        List<Map<String, Object>> listed = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/proxy/requests/" + requestId + "/materials").bearerAuth(fixture.clerk),
                io.micronaut.core.type.Argument.listOf(io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
        assertThat(listed).hasSize(1);
    }

    @Test
    void anUploadForAChecklistLineMarksThatLineUploadedAndTheOthersStillMissing() {
        Map<?, ?> loose = upload("其他.jpg", JPEG, fixture.citizen).body();
        Map<?, ?> idCard = upload("身份证正面.jpg", JPEG, fixture.citizen, "居民身份证").body();
        assertThat(idCard.get("checklistItem")).isEqualTo("居民身份证");
        assertThat(loose.get("checklistItem")).as("a loose upload names no line").isNull();

        List<Map<String, Object>> lines = checklist(fixture.citizen);
        assertThat(lines).extracting(l -> l.get("name")).containsExactly("居民身份证", "户口簿");
        assertThat(lines.get(0).get("uploaded")).isEqualTo(true);
        assertThat(lines.get(0).get("uploads")).asList().singleElement()
                .satisfies(u -> {
                    assertThat(((Map<?, ?>) u).get("id")).isEqualTo(idCard.get("id"));
                    assertThat(((Map<?, ?>) u).get("displayName")).isEqualTo("身份证正面.jpg");
                });
        assertThat(lines.get(1).get("uploaded")).isEqualTo(false);
        assertThat(lines.get(1).get("uploads")).asList().isEmpty();
        assertThat(checklist(fixture.clerk)).as("the clerk sees the same lines").isEqualTo(lines);

        // The loose upload is still listed with the request's materials, with the line of the other.
        List<Map<String, Object>> listed = materials(fixture.clerk);
        assertThat(listed).extracting(m -> m.get("displayName")).containsExactly("其他.jpg", "身份证正面.jpg");
        assertThat(listed).extracting(m -> m.get("checklistItem")).containsExactly(null, "居民身份证");
    }

    @Test
    void theClerkUploadsForALineToo() {
        upload("户口簿首页.pdf", "%PDF-1.4\n户口簿".getBytes(StandardCharsets.UTF_8), fixture.clerk, " 户口簿 ");
        Map<String, Object> line = checklist(fixture.citizen).get(1);
        assertThat(line.get("name")).isEqualTo("户口簿");
        assertThat(line.get("uploaded")).isEqualTo(true);
    }

    @Test
    void aLineNotOnTheChecklistIsRefusedInChineseAndNothingIsStored() throws Exception {
        long before = fixture.count("select count(*) from proxy.proxy_request_file where request_id = ?::uuid", requestId);
        long onDisk = storedFiles();

        var e = catchThrowableOfType(HttpClientResponseException.class, () -> upload("结婚证.jpg", JPEG, fixture.citizen, "结婚证"));

        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(e.getResponse().getContentType().orElseThrow().toString()).isEqualTo("application/problem+json");
        Map<?, ?> problem = e.getResponse().getBody(Map.class).orElseThrow();
        assertThat(problem.get("detail").toString()).contains("材料清单中没有“结婚证”这一项").contains("居民身份证；户口簿");
        assertThat(fixture.count("select count(*) from proxy.proxy_request_file where request_id = ?::uuid", requestId)).isEqualTo(before);
        assertThat(storedFiles()).as("no encrypted file left behind").isEqualTo(onDisk);
        assertThat(checklist(fixture.citizen)).allSatisfy(l -> assertThat(l.get("uploaded")).isEqualTo(false));

        var blank = catchThrowableOfType(HttpClientResponseException.class, () -> upload("a.jpg", JPEG, fixture.citizen, " "));
        assertThat(blank.getStatus().getCode()).isEqualTo(400);
        assertThat(blank.getResponse().getBody(Map.class).orElseThrow().get("detail").toString()).contains("材料清单中的哪一项");
    }

    @Test
    void aLineUploadStaysOnTheChecklistRecordedAtAcceptance() {
        upload("身份证.jpg", JPEG, fixture.citizen, "居民身份证");
        client.toBlocking().exchange(HttpRequest.POST("/api/v1/proxy/requests/" + requestId + "/accept",
                Map.of("materials", List.of("居民身份证", "户口簿"))).bearerAuth(fixture.clerk), Map.class);

        List<Map<String, Object>> lines = checklist(fixture.citizen);
        assertThat(lines).extracting(l -> l.get("ticked")).containsExactly(true, true);
        assertThat(lines).extracting(l -> l.get("uploaded")).containsExactly(true, false);
        upload("户口簿.jpg", JPEG, fixture.citizen, "户口簿");
        assertThat(checklist(fixture.citizen)).extracting(l -> l.get("uploaded")).containsExactly(true, true);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> checklist(String token) {
        Map<?, ?> view = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/proxy/requests/" + requestId).bearerAuth(token), Map.class);
        return (List<Map<String, Object>>) view.get("materials");
    }

    private List<Map<String, Object>> materials(String token) {
        return client.toBlocking().retrieve(HttpRequest.GET("/api/v1/proxy/requests/" + requestId + "/materials").bearerAuth(token),
                io.micronaut.core.type.Argument.listOf(io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
    }

    private static long storedFiles() throws Exception {
        if (!Files.exists(STORE)) {
            return 0;
        }
        try (Stream<Path> stored = Files.list(STORE)) {
            return stored.filter(p -> p.getFileName().toString().endsWith(".bin")).count();
        }
    }

    private HttpResponse<Map> upload(String name, byte[] content, String token) {
        return upload(name, content, token, null);
    }

    private HttpResponse<Map> upload(String name, byte[] content, String token, String checklistItem) {
        MultipartBody body = MultipartBody.builder().addPart("file", name, MediaType.APPLICATION_OCTET_STREAM_TYPE, content).build();
        String query = checklistItem == null ? "" : "?checklistItem=" + java.net.URLEncoder.encode(checklistItem, StandardCharsets.UTF_8);
        return client.toBlocking().exchange(HttpRequest.POST("/api/v1/proxy/requests/" + requestId + "/materials" + query, body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(token), Map.class);
    }

    private static byte[] withPayload(byte[] header, String payload) {
        byte[] tail = payload.getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(header, header.length + tail.length);
        System.arraycopy(tail, 0, all, header.length, tail.length);
        return all;
    }
}
