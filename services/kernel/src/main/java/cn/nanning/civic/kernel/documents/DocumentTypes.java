package cn.nanning.civic.kernel.documents;

import cn.nanning.civic.common.problem.ProblemException;
import io.micronaut.http.HttpStatus;

import java.util.Arrays;
import java.util.Optional;

/**
 * The document types citizens and staff may upload (JPG, PNG, PDF), recognised from their first bytes, never from the
 * file name or the declared type: an HTML page renamed to .jpg is still HTML and is refused. Shared by every module
 * that accepts uploads so they all refuse the same things with the same Chinese explanations.
 */
public final class DocumentTypes {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};

    private DocumentTypes() {
    }

    public static Optional<String> detect(byte[] content) {
        if (startsWith(content, JPEG)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(content, PNG)) {
            return Optional.of("image/png");
        }
        if (startsWith(content, PDF)) {
            return Optional.of("application/pdf");
        }
        return Optional.empty();
    }

    /**
     * Checks an upload (not empty, at most {@code maxBytes}, one of our types by content) and returns its content type;
     * otherwise a problem the client can show as it is.
     */
    public static String require(byte[] content, long maxBytes) {
        if (content == null || content.length == 0) {
            throw ProblemException.invalidField("file", "上传的文件是空的，请重新选择。");
        }
        if (content.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        return detect(content).orElseThrow(() -> ProblemException.badRequest("material-type",
                "只能上传 JPG、PNG 图片或 PDF 文件；该文件的内容不是这几种格式。"));
    }

    public static ProblemException tooLarge(long maxBytes) {
        return new ProblemException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "material-too-large", null,
                "文件过大：单个材料不能超过 " + (maxBytes / (1024 * 1024)) + " MB，请压缩后再上传。");
    }

    public static String extension(String contentType) {
        return switch (contentType) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            default -> ".pdf";
        };
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
}
