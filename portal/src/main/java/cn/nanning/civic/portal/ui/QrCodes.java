package cn.nanning.civic.portal.ui;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** QR codes drawn on the server as PNG images (no client library): check-in codes, authenticator enrolment, page links. */
public final class QrCodes {

    private QrCodes() {
    }

    /** An image of a QR code for {@code content}, {@code pixels} wide, described for screen readers by {@code alt}. */
    public static Image image(String content, int pixels, String alt) {
        byte[] png = png(content, pixels);
        Image image = new Image(DownloadHandler.fromInputStream(event ->
                new DownloadResponse(new ByteArrayInputStream(png), "qr.png", "image/png", png.length)).inline(), alt);
        image.setWidth(pixels + "px");
        image.setHeight(pixels + "px");
        image.addClassName("qr-code");
        return image;
    }

    /** The QR code as PNG bytes (black on white, a quiet zone of two modules). */
    public static byte[] png(String content, int pixels) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, pixels, pixels,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
            BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_INT_RGB);
            for (int x = 0; x < matrix.getWidth(); x++) {
                for (int y = 0; y < matrix.getHeight(); y++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code of " + content.length() + " characters", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
