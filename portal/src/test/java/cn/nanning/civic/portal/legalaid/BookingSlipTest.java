package cn.nanning.civic.portal.legalaid;

import cn.nanning.civic.portal.print.PdfPages;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The printed slip of a legal consultation booked at the counter. */
class BookingSlipTest {

    private static final String BOOKING = "0b7c2f3e-9a41-4d2b-8c11-5e6f7a8b9c0d";

    @Test
    void theSlipSaysWhenWhereWithWhomWhatToBringAndItsReference() throws Exception {
        Assumptions.assumeTrue(PdfPages.available(), "no CJK font installed");
        BookingSlip.Content content = new BookingSlip.Content(BOOKING, "韦**", "青秀区法援律师",
                "2026-12-08T09:00:00+08:00", "2026-12-08T09:30:00+08:00", false, "青秀区公共法律服务中心", "南宁市青秀区民族大道 100 号");
        try (PDDocument doc = Loader.loadPDF(BookingSlip.write(content))) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("法律咨询预约单", "预约编号：" + BookingSlip.reference(BOOKING), "12月8日", "09:00",
                    "青秀区公共法律服务中心", "民族大道", "青秀区法援律师", "韦**", "请携带", "居民身份证");
            assertThat(text).doesNotContain(BOOKING);
            Path dir = Files.createDirectories(Path.of("target", "slips"));
            ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 100), "png", dir.resolve("booking.png").toFile());
        }
        assertThat(BookingSlip.reference(BOOKING)).matches("\\d{4} \\d{3} \\d{3}");
    }
}
