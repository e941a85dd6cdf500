package cn.nanning.civic.kernel.documents;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Turns a client-supplied file name into something safe to show and to offer as a download name. It never becomes
 * a path: files are stored under random ids. Directory parts, control characters and quotes are dropped.
 */
public final class DisplayNames {

    private static final int MAX_LENGTH = 100;

    private DisplayNames() {
    }

    public static String of(String submitted, String contentType, String fallback) {
        String name = submitted == null ? "" : submitted;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints()
                .filter(cp -> !Character.isISOControl(cp) && cp != '"' && cp != '\'' && cp != ';' && cp != '%')
                .forEach(clean::appendCodePoint);
        String result = clean.toString().strip().replaceAll("^\\.+", "");
        if (result.isEmpty()) {
            result = fallback;
        }
        if (result.length() > MAX_LENGTH) {
            result = result.substring(0, MAX_LENGTH);
        }
        String extension = DocumentTypes.extension(contentType);
        return result.toLowerCase().endsWith(extension) ? result : result + extension;
    }

    /** A Content-Disposition that always downloads, with a plain ASCII name and the display name per RFC 6266. */
    public static String attachment(String asciiStem, String displayName, String contentType) {
        String encoded = URLEncoder.encode(displayName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + asciiStem + DocumentTypes.extension(contentType) + "\"; filename*=UTF-8''" + encoded;
    }
}
