package cn.nanning.civic.council.decisions;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Removes what a public photo must not carry: camera, time and GPS data (EXIF), XMP and IPTC blocks, comments and PNG
 * text chunks. Works on the file's structure without re-encoding, so the picture is untouched; a file whose structure
 * does not parse is refused as damaged (returns null). JPEG keeps JFIF (APP0), the colour profile (APP2) and Adobe
 * (APP14) segments. The EXIF orientation goes with EXIF, so {@link PhotoOrientation} turns the pixels upright first.
 */
final class PhotoMetadata {

    /** PNG chunks with free text or time: tEXt, zTXt, iTXt, eXIf, tIME. */
    private static final Set<String> PNG_DROPPED = Set.of("tEXt", "zTXt", "iTXt", "eXIf", "tIME");

    private PhotoMetadata() {
    }

    static byte[] strip(byte[] image, String contentType) {
        return "image/png".equals(contentType) ? stripPng(image) : stripJpeg(image);
    }

    private static byte[] stripJpeg(byte[] in) {
        if (in.length < 4 || (in[0] & 0xFF) != 0xFF || (in[1] & 0xFF) != 0xD8) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(0xFF);
        out.write(0xD8);
        int i = 2;
        while (i + 1 < in.length) {
            if ((in[i] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = in[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++; // fill byte
                continue;
            }
            if (marker == 0xDA) {
                // Start of scan: the compressed picture and everything after it are copied as they are.
                out.write(in, i, in.length - i);
                return out.toByteArray();
            }
            if (marker == 0xD9) {
                return null; // end of image before any picture
            }
            if (i + 3 >= in.length) {
                return null;
            }
            int length = ((in[i + 2] & 0xFF) << 8) | (in[i + 3] & 0xFF);
            if (length < 2 || i + 2 + length > in.length) {
                return null;
            }
            boolean metadata = marker == 0xFE || (marker >= 0xE1 && marker <= 0xEF && marker != 0xE2 && marker != 0xEE);
            if (!metadata) {
                out.write(in, i, 2 + length);
            }
            i += 2 + length;
        }
        return null;
    }

    private static byte[] stripPng(byte[] in) {
        if (in.length < 8) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, 8);
        int i = 8;
        while (i + 12 <= in.length) {
            long length = ((long) (in[i] & 0xFF) << 24) | ((in[i + 1] & 0xFF) << 16) | ((in[i + 2] & 0xFF) << 8) | (in[i + 3] & 0xFF);
            if (length > in.length - i - 12L) {
                return null;
            }
            String type = new String(in, i + 4, 4, StandardCharsets.US_ASCII);
            int total = (int) length + 12;
            if (!PNG_DROPPED.contains(type)) {
                out.write(in, i, total);
            }
            i += total;
            if (type.equals("IEND")) {
                return out.toByteArray();
            }
        }
        return null;
    }
}
