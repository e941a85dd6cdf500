package cn.nanning.civic.portal.proxy;

import cn.nanning.civic.portal.base.PublicAddress;

import cn.nanning.civic.portal.gateway.ProxyRequestSummary;
import cn.nanning.civic.portal.print.PdfPages;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The printed 受理回执: what it says, that it hides the resident, and that its QR code opens the progress page. */
class ReceiptSlipTest {

    private static final Instant ACCEPTED = Instant.parse("2026-12-07T02:30:00Z");

    @BeforeAll
    static void aChineseFontIsInstalled() {
        Assumptions.assumeTrue(PdfPages.available(), "no CJK font installed");
    }

    @Test
    void theReceiptNamesItsNumberPointItemsAndDaysAndMasksTheResident() throws Exception {
        ProxyRequestSummary request = request(List.of(new ProxyRequestSummary.Material("居民身份证", true, false, List.of()),
                new ProxyRequestSummary.Material("户口簿", true, false, List.of())), "0771-5551234");
        byte[] pdf = new ReceiptSlip(new PublicAddress("https://civic.nanning.gov.cn/")).write(request,
                "https://civic.nanning.gov.cn/proxy/receipts/DB20261207-000042?code=0a1b2c3d4e5f");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("南宁市", "代办受理回执", "DB20261207-000042", "高龄津贴申领", "黄**", "2026年12月7日",
                    "2026年12月10日", "2026年12月17日", "那洪村代办服务点", "0771-5551234", "1. 居民身份证（已核验）", "2. 户口簿（已核验）");
            assertThat(text).doesNotContain("黄秀英", "139");
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150);
            save(page, "receipt");
            assertThat(qr(page)).isEqualTo("https://civic.nanning.gov.cn/proxy/receipts/DB20261207-000042?code=0a1b2c3d4e5f");
        }
    }

    @Test
    void aReceiptWithoutMaterialsOrPointPhoneAndOneWithManyStayReadable() throws Exception {
        byte[] none = new ReceiptSlip(new PublicAddress("")).write(request(List.of(), null), "http://127.0.0.1/proxy/receipts/DB20261207-000042");
        try (PDDocument doc = Loader.loadPDF(none)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("本事项无须提交材料", "请到服务点咨询");
            save(new PDFRenderer(doc).renderImageWithDPI(0, 100), "receipt-empty");
        }
        List<ProxyRequestSummary.Material> many = IntStream.rangeClosed(1, 40)
                .mapToObj(i -> new ProxyRequestSummary.Material("第" + i + "项材料：与申请人共同生活的家庭成员的居民身份证及户口簿复印件（加盖村委会公章）", true, false, List.of()))
                .toList();
        try (PDDocument doc = Loader.loadPDF(new ReceiptSlip(new PublicAddress("")).write(request(many, "0771-5551234"), "http://127.0.0.1/proxy/receipts/x"))) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("40. 第40项材料", "（续）");
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                save(new PDFRenderer(doc).renderImageWithDPI(i, 100), "receipt-many-" + (i + 1));
            }
        }
    }

    private static ProxyRequestSummary request(List<ProxyRequestSummary.Material> materials, String pointPhone) {
        return new ProxyRequestSummary("3f1c", "DB20261207-000042", "450100-001", "高龄津贴申领", "黄**", "139****6789",
                "SELF", null, "ACCEPTED", "已受理", ACCEPTED.minusSeconds(600), LocalDate.of(2026, 12, 10), false, null, null,
                materials, List.of(new ProxyRequestSummary.Step("AUTHORISED", "已委托", "代办员代为登记", "a", ACCEPTED.minusSeconds(600)),
                new ProxyRequestSummary.Step("ACCEPTED", "已受理", "受理，回执编号 DB20261207-000042", "a", ACCEPTED)),
                new ProxyRequestSummary.Point("p", "那洪村代办服务点", pointPhone, "南宁市江南区那洪村委会一楼"), LocalDate.of(2026, 12, 17),
                "0a1b2c3d4e5f");
    }

    static String qr(BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    }

    /** Kept for a look (target/slips). */
    static void save(BufferedImage image, String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "slips"));
        ImageIO.write(image, "png", dir.resolve(name + ".png").toFile());
    }
}
