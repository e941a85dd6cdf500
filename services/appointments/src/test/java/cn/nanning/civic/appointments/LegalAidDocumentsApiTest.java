package cn.nanning.civic.appointments;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static cn.nanning.civic.appointments.Api.refused;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class LegalAidDocumentsApiTest {

    static final Path STORE = Path.of("target/test-documents");
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};

    @Inject
    Api api;

    @Inject
    @Client("/")
    HttpClient client;

    String applicant;
    String applicationId;

    @BeforeEach
    void anApplication() {
        applicant = api.tokens.citizen();
        Map<String, Object> body = new HashMap<>();
        body.put("applicantName", "韦小红");
        body.put("idNumber", TestIds.bornOn("19880606"));
        body.put("phone", "13807715678");
        body.put("regionCode", Api.DISTRICT);
        body.put("caseType", "LABOUR");
        body.put("otherParty", "南宁某餐饮公司");
        body.put("description", "被拖欠两个月工资。");
        body.put("hardshipStatement", "家庭困难，无固定收入。");
        applicationId = api.post(LegalAidApplicationApiTest.PATH, body, applicant).get("id").toString();
    }

    @Test
    void theApplicantUploadsAScanThatIsEncryptedOnDiskAndTheAdministratorDownloadsIt() throws Exception {
        byte[] photo = withPayload(JPEG, "劳动合同照片 JFIF");
        Map<?, ?> saved = upload("劳动合同.jpg", photo, applicant).body();
        assertThat(saved.get("contentType")).isEqualTo("image/jpeg");
        assertThat(saved.get("displayName")).isEqualTo("劳动合同.jpg");
        assertThat(saved.get("uploadedByApplicant")).isEqualTo(true);

        byte[] onDisk = Files.readAllBytes(STORE.resolve(saved.get("id") + ".bin"));
        assertThat(new String(onDisk, StandardCharsets.ISO_8859_1)).doesNotContain("JFIF");
        assertThat(api.count("select count(*) from appointments.legal_aid_document where id = ?::uuid and display_name like '%劳动合同%'",
                saved.get("id").toString())).isZero();

        String admin = api.admin();
        HttpResponse<byte[]> download = client.toBlocking().exchange(
                HttpRequest.GET(documents() + "/" + saved.get("id")).bearerAuth(admin), byte[].class);
        assertThat(download.body()).isEqualTo(photo);
        assertThat(download.getHeaders().get("Content-Disposition")).startsWith("attachment;");
        assertThat(download.getHeaders().get("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(api.count("select count(*) from kernel.audit_log where action = 'legal-aid.document.download' and target_id = ?",
                applicationId)).isEqualTo(1);
        assertThat(api.count("select count(*) from kernel.audit_log where action = 'legal-aid.document.upload' and target_id = ?",
                applicationId)).isEqualTo(1);
        assertThat(api.list(documents(), applicant)).extracting(d -> d.get("id")).containsExactly(saved.get("id"));
    }

    @Test
    void anHtmlPageRenamedToJpgIsRefused() {
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        Map<?, ?> problem = refused(400, () -> upload("photo.jpg", html, applicant));
        assertThat(problem.get("detail").toString()).contains("JPG、PNG");
        assertThat(api.count("select count(*) from appointments.legal_aid_document where application_id = ?::uuid", applicationId)).isZero();
    }

    @Test
    void aPathInTheFileNameIsHarmless() throws Exception {
        byte[] pdf = "%PDF-1.4\n收入证明".getBytes(StandardCharsets.UTF_8);
        Map<?, ?> saved = upload("../../../etc/passwd.pdf", pdf, applicant).body();
        assertThat(saved.get("displayName")).isEqualTo("passwd.pdf");
        try (Stream<Path> stored = Files.list(STORE)) {
            assertThat(stored.map(p -> p.getFileName().toString())).allMatch(name -> name.matches("[0-9a-f-]{36}\\.bin|upload-.*\\.part"));
        }
        assertThat(Path.of("target/etc/passwd.pdf")).doesNotExist();
        assertThat(Path.of("etc/passwd.pdf")).doesNotExist();
    }

    @Test
    void anOversizedFileIsRefusedInChinese() {
        byte[] big = withPayload(JPEG, "x".repeat(250_000));
        Map<?, ?> problem = refused(413, () -> upload("big.jpg", big, applicant));
        assertThat(problem.get("detail").toString()).contains("文件过大");
    }

    @Test
    void anotherCitizenAndAnotherDistrictsAdministratorBothGet404() {
        Map<?, ?> saved = upload("a.jpg", JPEG, applicant).body();
        String stranger = api.tokens.citizen();
        String path = documents() + "/" + saved.get("id");
        Map<?, ?> forbidden = refused(404, () -> client.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(stranger), byte[].class));
        Map<?, ?> missing = refused(404, () -> client.toBlocking().exchange(
                HttpRequest.GET(LegalAidApplicationApiTest.PATH + "/" + UUID.randomUUID() + "/documents/" + saved.get("id")).bearerAuth(stranger),
                byte[].class));
        assertThat(forbidden.get("detail")).isEqualTo(missing.get("detail"));
        refused(404, () -> client.toBlocking().retrieve(HttpRequest.GET(documents()).bearerAuth(stranger),
                Argument.listOf(Map.class)));
        refused(404, () -> upload("b.jpg", JPEG, stranger));

        String otherAdmin = api.tokens.staff(UUID.randomUUID().toString(), "ADMIN", "450102");
        refused(404, () -> client.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(otherAdmin), byte[].class));
        // A document id under another application is not found, even for its own applicant.
        refused(404, () -> client.toBlocking().exchange(HttpRequest.GET(LegalAidApplicationApiTest.PATH + "/" + UUID.randomUUID()
                + "/documents/" + saved.get("id")).bearerAuth(applicant), byte[].class));
        assertThat(api.count("select count(*) from kernel.audit_log where action = 'legal-aid.document.download' and target_id = ?",
                applicationId)).isZero();
    }

    @Test
    void nothingCanBeAddedOnceDecided() {
        api.post(LegalAidApplicationApiTest.PATH + "/" + applicationId + "/decision", Map.of("approve", false, "reasons", "测试结束"), api.admin());
        Map<?, ?> problem = refused(409, () -> upload("late.pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8), applicant));
        assertThat(problem.get("detail").toString()).contains("已作出决定");
    }

    private String documents() {
        return LegalAidApplicationApiTest.PATH + "/" + applicationId + "/documents";
    }

    private HttpResponse<Map> upload(String name, byte[] content, String token) {
        MultipartBody body = MultipartBody.builder().addPart("file", name, MediaType.APPLICATION_OCTET_STREAM_TYPE, content).build();
        return client.toBlocking().exchange(HttpRequest.POST(documents(), body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(token), Map.class);
    }

    private static byte[] withPayload(byte[] magic, String payload) {
        byte[] rest = payload.getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(magic, magic.length + rest.length);
        System.arraycopy(rest, 0, all, magic.length, rest.length);
        return all;
    }
}
