package cn.nanning.civic.volunteers.certificates;

import cn.nanning.civic.common.fonts.CjkFonts;
import cn.nanning.civic.common.problem.ProblemException;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import jakarta.inject.Singleton;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** Renders a certificate as a one-page A4 PDF with PDFBox, embedding a CJK font subset and a ZXing QR code. */
@Singleton
class CertificatePdf {

    private static final PDFont LATIN = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final Path font = CjkFonts.installed().orElse(null);

    byte[] render(CertificateRow c, String verificationUrl) {
        if (font == null) {
            throw ProblemException.unavailable("certificate-font-missing", "服务器缺少中文字体，暂时无法生成证明文件，请联系管理员。");
        }
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDFont f = PDType0Font.load(doc, font.toFile());
            PDImageXObject qr = LosslessFactory.createFromImage(doc, qr(verificationUrl));
            float w = page.getMediaBox().getWidth();
            float h = page.getMediaBox().getHeight();
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                line(s, f, 24, centred(f, 24, "志愿服务证明", w), h - 100, "志愿服务证明");
                float y = h - 160;
                for (String text : List.of(
                        "证明编号：" + c.number(),
                        "志愿者姓名：" + c.maskedName(),
                        "身份证号码：" + c.maskedId(),
                        "累计确认服务时长：" + c.hoursText() + " 小时",
                        "",
                        "兹证明该志愿者通过本组织参加志愿服务，上述服务时长经组织者确认并记录在册。",
                        "",
                        "出具组织：" + c.issuerName(),
                        "联系方式：" + c.issuerContact(),
                        "出具日期：" + DATE.format(c.issuedOn()))) {
                    if (!text.isEmpty()) {
                        line(s, f, 13, 72, y, text);
                    }
                    y -= 26;
                }
                s.drawImage(qr, w - 72 - 130, 90, 130, 130);
                line(s, f, 10, 72, 150, "扫描右侧二维码可核验本证明（仅显示脱敏信息）：");
                line(s, f, 8, 72, 132, verificationUrl);
            }
            doc.getDocumentInformation().setTitle("志愿服务证明 " + c.number());
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("certificate " + c.number() + " could not be rendered", e);
        }
    }

    /** Writes a line in runs: ASCII in Helvetica (the CJK fallback fonts lack Latin glyphs), everything else in the CJK font. */
    private static void line(PDPageContentStream s, PDFont cjk, float size, float x, float y, String text) throws IOException {
        s.beginText();
        s.newLineAtOffset(x, y);
        int i = 0;
        while (i < text.length()) {
            boolean ascii = text.charAt(i) < 0x80;
            int j = i;
            while (j < text.length() && (text.charAt(j) < 0x80) == ascii) {
                j++;
            }
            s.setFont(ascii ? LATIN : cjk, size);
            s.showText(text.substring(i, j));
            i = j;
        }
        s.endText();
    }

    private static float centred(PDFont f, float size, String text, float pageWidth) throws IOException {
        return (pageWidth - f.getStringWidth(text) / 1000 * size) / 2;
    }

    static BufferedImage qr(String content) {
        try {
            BitMatrix m = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 300, 300,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            BufferedImage img = new BufferedImage(m.getWidth(), m.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) {
                    img.setRGB(x, y, m.get(x, y) ? 0x000000 : 0xFFFFFF);
                }
            }
            return img;
        } catch (WriterException e) {
            throw new IllegalStateException("QR code for " + content, e);
        }
    }
}
