package cn.nanning.civic.proxy.materials;

/**
 * Turns a client-supplied file name into something safe to show and to offer as a download name. It never becomes
 * a path: files are stored under random ids. Directory parts, control characters and quotes are dropped.
 */
final class DisplayNames {

    private static final int MAX_LENGTH = 100;

    private DisplayNames() {
    }

    static String of(String submitted, String contentType) {
        String name = submitted == null ? "" : submitted;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints()
                .filter(cp -> !Character.isISOControl(cp) && cp != '"' && cp != '\'' && cp != ';' && cp != '%')
                .forEach(clean::appendCodePoint);
        String result = clean.toString().strip().replaceAll("^\\.+", "");
        if (result.isEmpty()) {
            result = "材料";
        }
        if (result.length() > MAX_LENGTH) {
            result = result.substring(0, MAX_LENGTH);
        }
        String extension = ContentTypes.extension(contentType);
        return result.toLowerCase().endsWith(extension) ? result : result + extension;
    }
}
