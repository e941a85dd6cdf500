package cn.nanning.civic.council.decisions;

import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.jpeg.JpegProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Phones store a photo as the sensor saw it and say in the EXIF orientation how to turn it for display. Stripping the
 * EXIF block would lose that, so a photo taken upright shows sideways. Where the orientation says the picture must be
 * turned, the pixels are turned here and the photo re-encoded (which also leaves no metadata behind); upright photos
 * keep their original bytes. The orientation is read with metadata-extractor, which reads EXIF as cameras write it.
 */
final class PhotoOrientation {

    private static final float JPEG_QUALITY = 0.92f;

    private PhotoOrientation() {
    }

    /** The EXIF orientation of a JPEG (1–8), or 1 when there is none or it cannot be read. */
    static int of(byte[] jpeg) {
        try {
            Metadata metadata = JpegMetadataReader.readMetadata(new ByteArrayInputStream(jpeg));
            ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (exif == null || !exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                return 1;
            }
            int orientation = exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
            return orientation >= 1 && orientation <= 8 ? orientation : 1;
        } catch (JpegProcessingException | MetadataException | IOException | RuntimeException unreadable) {
            return 1;
        }
    }

    /**
     * The JPEG turned upright as its EXIF orientation asks, re-encoded without metadata; the input unchanged when it
     * is upright already; null when the picture cannot be decoded.
     */
    static byte[] upright(byte[] jpeg) {
        int orientation = of(jpeg);
        if (orientation == 1) {
            return jpeg;
        }
        try {
            BufferedImage source = ImageIO.read(new ByteArrayInputStream(jpeg));
            if (source == null) {
                return null;
            }
            return encode(turn(source, orientation));
        } catch (IOException | RuntimeException damaged) {
            return null;
        }
    }

    /** Applies one of the eight EXIF orientations: where each source pixel lands in the upright picture. */
    static BufferedImage turn(BufferedImage source, int orientation) {
        int w = source.getWidth();
        int h = source.getHeight();
        boolean swapped = orientation >= 5;
        BufferedImage target = new BufferedImage(swapped ? h : w, swapped ? w : h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = source.getRGB(x, y);
                switch (orientation) {
                    case 2 -> target.setRGB(w - 1 - x, y, rgb);
                    case 3 -> target.setRGB(w - 1 - x, h - 1 - y, rgb);
                    case 4 -> target.setRGB(x, h - 1 - y, rgb);
                    case 5 -> target.setRGB(y, x, rgb);
                    case 6 -> target.setRGB(h - 1 - y, x, rgb);
                    case 7 -> target.setRGB(h - 1 - y, w - 1 - x, rgb);
                    case 8 -> target.setRGB(y, w - 1 - x, rgb);
                    default -> target.setRGB(x, y, rgb);
                }
            }
        }
        return target;
    }

    private static byte[] encode(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
