package cn.nanning.civic.common.fonts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a font with Simplified Chinese glyphs is installed, for the PDFs the deployables write (volunteer
 * certificates, the indicators' monthly report, proxy receipts, booking slips). Debian packages fonts-droid-fallback,
 * fonts-wqy-microhei or fonts-arphic-uming, in this order of preference; .ci/run installs the first.
 */
public final class CjkFonts {

    private static final List<Path> CANDIDATES = List.of(
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"));

    private CjkFonts() {
    }

    /** The first installed font file of the candidates, or empty when none is. */
    public static Optional<Path> installed() {
        return CANDIDATES.stream().filter(Files::isReadable).findFirst();
    }
}
