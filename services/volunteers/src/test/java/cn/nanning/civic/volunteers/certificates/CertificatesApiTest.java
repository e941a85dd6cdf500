package cn.nanning.civic.volunteers.certificates;

import cn.nanning.civic.volunteers.MovableClock;
import cn.nanning.civic.volunteers.VolunteerFixture;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Map;

import static cn.nanning.civic.volunteers.VolunteerFixture.detail;
import static cn.nanning.civic.volunteers.VolunteerFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class CertificatesApiTest {

    static final String VERIFY = "https://civic.nanning.gov.cn/certificates/verify/";

    @Inject
    VolunteerFixture f;

    @Inject
    MovableClock clock;

    String township;
    String organiser;

    @BeforeEach
    void anOrganiser() {
        township = f.randomTownship();
        organiser = f.tokens.staff("ORGANIZER", township);
    }

    @AfterEach
    void realTimeAgain() {
        clock.release();
    }

    /** A volunteer of the township with {@code minutes} confirmed at an activity. */
    VolunteerFixture.Person served(int minutes) {
        return f.served(township, organiser, minutes);
    }

    Map<?, ?> issue(VolunteerFixture.Person person, String token) {
        return f.post("/api/v1/volunteers/" + person.volunteerId() + "/certificates",
                Map.of("issuer", "青秀区志愿者协会", "contact", "0771-5551234"), token);
    }

    byte[] pdf(String number, String token) {
        HttpResponse<byte[]> r = f.client.toBlocking().exchange(
                HttpRequest.GET("/api/v1/volunteers/certificates/" + number + "/pdf").bearerAuth(token), byte[].class);
        assertThat(r.getContentType().map(Object::toString).orElse("")).startsWith("application/pdf");
        return r.body();
    }

    java.util.List<Map<String, Object>> myCertificates(VolunteerFixture.Person p) {
        Map<?, ?> page = f.client.toBlocking().retrieve(HttpRequest.GET("/api/v1/volunteers/me/certificates").bearerAuth(p.token()), Map.class);
        assertThat(((Number) page.get("total")).longValue()).as("one page holds them all here").isEqualTo(((java.util.List<?>) page.get("items")).size());
        @SuppressWarnings("unchecked")
        java.util.List<Map<String, Object>> items = (java.util.List<Map<String, Object>>) page.get("items");
        return items;
    }

    Map<?, ?> verify(String number) {
        return f.client.toBlocking().retrieve(HttpRequest.GET("/api/v1/volunteers/public/certificates/" + number), Map.class);
    }

    @Test
    void thePdfStatesTheConfirmedTotalAndItsQrCodeOpensTheVerification() throws Exception {
        var person = served(150);
        Map<?, ?> issued = issue(person, organiser);
        String number = issued.get("number").toString();
        assertThat(issued.get("totalMinutes")).isEqualTo(150);
        assertThat(issued.get("idNumber").toString()).doesNotContain(person.idNumber()).startsWith(person.idNumber().substring(0, 4))
                .endsWith(person.idNumber().substring(14));

        byte[] bytes = pdf(number, person.token());
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("证明编号：" + number, "累计确认服务时长：2.5 小时", "志愿者姓名：韦**",
                    "身份证号码：" + person.idNumber().substring(0, 4) + "**********" + person.idNumber().substring(14),
                    "出具组织：青秀区志愿者协会", "联系方式：0771-5551234");
            assertThat(text).doesNotContain(person.idNumber()).doesNotContain("韦小燕");
            assertThat(decodeQr(doc)).isEqualTo(VERIFY + number);
        }

        Map<?, ?> verified = verify(number);
        assertThat(verified.get("statusLabel")).isEqualTo("有效");
        assertThat(verified.get("volunteerName")).isEqualTo("韦**");
        assertThat(verified.get("idNumber").toString()).contains("****").doesNotContain(person.idNumber());
        assertThat(verified.get("totalHours")).isEqualTo(2.5);
        assertThat(verified.containsKey("volunteerId") || verified.containsKey("phone")).isFalse();

        assertThat(f.count("select count(*) from kernel.outbox where topic = 'volunteers.certificate.v1' and event_key = ?", number))
                .isEqualTo(1);
    }

    @Test
    void unknownAndRevokedNumbersAreRefused() {
        var e = refused(() -> verify("NNZY2026-000000000000"));
        assertThat(e.getStatus().getCode()).isEqualTo(404);
        assertThat(detail(e)).contains("没有找到该证明编号");

        var person = served(60);
        String number = issue(person, organiser).get("number").toString();
        var noReason = refused(() -> f.post("/api/v1/volunteers/certificates/" + number + "/revocation", Map.of("reason", " "), organiser));
        assertThat(noReason.getStatus().getCode()).isEqualTo(400);
        Map<?, ?> revoked = f.post("/api/v1/volunteers/certificates/" + number + "/revocation", Map.of("reason", "时长记录有误，重新出具"), organiser);
        assertThat(revoked.get("statusLabel")).isEqualTo("已撤销");
        var gone = refused(() -> verify(number));
        assertThat(gone.getStatus().getCode()).isEqualTo(410);
        assertThat(detail(gone)).contains("已被出具组织撤销");
    }

    @Test
    void othersCannotIssueOrDownload() {
        var person = served(60);
        String otherArea = f.tokens.staff("ORGANIZER", "450127");
        String otherAreaOnly = township.startsWith("450127") ? f.tokens.staff("ORGANIZER", "450102") : otherArea;
        var notHers = refused(() -> issue(person, otherAreaOnly));
        assertThat(notHers.getStatus().getCode()).isEqualTo(404);
        var missing = refused(() -> f.post("/api/v1/volunteers/" + java.util.UUID.randomUUID() + "/certificates",
                Map.of("issuer", "青秀区志愿者协会", "contact", "0771-5551234"), organiser));
        assertThat(detail(missing)).isEqualTo(detail(notHers));
        var citizen = refused(() -> issue(person, person.token()));
        assertThat(citizen.getStatus().getCode()).isEqualTo(403);

        String number = issue(person, organiser).get("number").toString();
        var stranger = f.volunteer();
        var forbidden = refused(() -> pdf(number, stranger.token()));
        var unknown = refused(() -> pdf("NNZY2026-000000000000", stranger.token()));
        assertThat(forbidden.getStatus().getCode()).isEqualTo(404);
        assertThat(detail(forbidden)).isEqualTo(detail(unknown));
        assertThat(refused(() -> pdf(number, otherAreaOnly)).getStatus().getCode()).isEqualTo(404);
        assertThat(myCertificates(person)).hasSize(1);
        assertThat(myCertificates(stranger)).isEmpty();
    }

    @Test
    void noCertificateWithoutConfirmedHours() {
        var person = f.volunteer(f.villageIn(township), java.util.List.of("急救"));
        var e = refused(() -> issue(person, organiser));
        assertThat(e.getStatus().getCode()).isEqualTo(409);
        assertThat(detail(e)).contains("还没有经确认的服务时长");
    }

    /** Finds the page's image and decodes it as a QR code. */
    static String decodeQr(PDDocument doc) throws Exception {
        PDResources resources = doc.getPage(0).getResources();
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDImageXObject image) {
                BufferedImage img = image.getImage();
                int[] pixels = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
                var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(img.getWidth(), img.getHeight(), pixels)));
                // The embedded image is the barcode itself (lossless), so it is read as a pure barcode.
                return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE,
                        DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
            }
        }
        throw new AssertionError("the certificate has no image");
    }
}
