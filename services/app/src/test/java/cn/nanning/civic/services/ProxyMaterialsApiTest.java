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

    private HttpResponse<Map> upload(String name, byte[] content, String token) {
        MultipartBody body = MultipartBody.builder().addPart("file", name, MediaType.APPLICATION_OCTET_STREAM_TYPE, content).build();
        return client.toBlocking().exchange(HttpRequest.POST("/api/v1/proxy/requests/" + requestId + "/materials", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(token), Map.class);
    }

    private static byte[] withPayload(byte[] header, String payload) {
        byte[] tail = payload.getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(header, header.length + tail.length);
        System.arraycopy(tail, 0, all, header.length, tail.length);
        return all;
    }
}
