package cn.nanning.civic.portal.print;

import cn.nanning.civic.common.fonts.CjkFonts;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The portal's page writer for printable documents (the indicators' monthly report, proxy receipts, booking slips):
 * pages filled top-down, text, wrapped text, bars, lines and images. Text goes out in runs: ASCII in Helvetica (the
 * CJK fallback fonts lack Latin glyphs), everything else in the CJK font ({@link CjkFonts}), or in Helvetica where only
 * it has the glyph (‰, …); what neither has is left out.
 */
public final class PdfPages {

    public static final float MARGIN = 50;
    public static final Color INK = new Color(0x21, 0x21, 0x21);
    public static final Color GREY = new Color(0x75, 0x75, 0x75);
    /** Room for a field's label (five characters and the colon at 11 points). */
    private static final float FIELD_LABEL = 76;
    private static final PDFont LATIN = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    /** Marks characters neither font can show. */
    private static final PDFont NONE = new PDType1Font(Standard14Fonts.FontName.SYMBOL);

    private record Run(PDFont font, String text) {
    }

    private final PDDocument doc;
    private final PDFont cjk;
    private final PDRectangle size;
    private final boolean numbered;
    private final Map<Integer, PDFont> fontFor = new HashMap<>();
    private PDPageContentStream s;
    private int pages;
    /** Where the next line goes, from the page's bottom; callers move it down as they write. */
    public float y;

    /** A4 pages numbered at the foot, the CJK font embedded (as a subset) in {@code doc}. */
    public PdfPages(PDDocument doc) throws IOException {
        this(doc, PDRectangle.A4, true);
    }

    public PdfPages(PDDocument doc, PDRectangle size, boolean numbered) throws IOException {
        Path font = CjkFonts.installed().orElseThrow(() -> new IllegalStateException("no CJK font installed (fonts-droid-fallback)"));
        this.doc = doc;
        this.cjk = PDType0Font.load(doc, font.toFile());
        this.size = size;
        this.numbered = numbered;
    }

    /** Whether a font with Chinese glyphs is installed (without it no document can be written). */
    public static boolean available() {
        return CjkFonts.installed().isPresent();
    }

    public float pageWidth() {
        return size.getWidth();
    }

    public float pageHeight() {
        return size.getHeight();
    }

    public void newPage() throws IOException {
        if (s != null) {
            s.close();
        }
        PDPage page = new PDPage(size);
        doc.addPage(page);
        s = new PDPageContentStream(doc, page);
        pages++;
        y = page.getMediaBox().getHeight() - MARGIN;
        if (numbered) {
            text(8, page.getMediaBox().getWidth() - MARGIN - 40, MARGIN / 2, "第 " + pages + " 页", GREY);
        }
    }

    /** An image (e.g. a QR code's PNG) drawn with its lower left corner at x, bottom. */
    public void image(byte[] png, float x, float bottom, float width, float height) throws IOException {
        s.drawImage(PDImageXObject.createFromByteArray(doc, png, "image.png"), x, bottom, width, height);
    }

    /** A line of text centred on the page at the current height. */
    public void centred(float size, String text) throws IOException {
        text(size, (size().getWidth() - width(text, size)) / 2, y, text, INK);
    }

    /**
     * A labelled value of a form-like document ("受理日期：…"): the label in grey at the margin, the value wrapped within
     * {@code width} points from the margin, then a little space.
     */
    public void field(String label, String value, float width) throws IOException {
        text(11, MARGIN, y, label + "：", GREY);
        wrapped(11, MARGIN + FIELD_LABEL, width - FIELD_LABEL, value == null ? "" : value, INK);
        y -= 6;
    }

    /**
     * The head of a one-page slip handed over at a counter (预约单, 受理回执): who issues it, the title, its number at the
     * right, a rule; leaves {@link #y} where the slip's fields start.
     */
    public void slipHeader(String issuer, String title, String number) throws IOException {
        float right = pageWidth() - MARGIN;
        centred(12, issuer);
        y -= 26;
        centred(22, title);
        y -= 24;
        text(11, right - widthOf(number, 11), y, number, INK);
        y -= 10;
        rule(y);
        y -= 26;
    }

    /** The text's width in points at this size. */
    public float widthOf(String text, float size) throws IOException {
        return width(text, size);
    }

    public void finish() throws IOException {
        if (s != null) {
            s.close();
            s = null;
        }
    }

    public void text(float size, float x, float at, String text, Color colour) throws IOException {
        List<Run> runs = runs(text);
        if (runs.isEmpty()) {
            return;
        }
        s.beginText();
        s.setNonStrokingColor(colour);
        s.newLineAtOffset(x, at);
        for (Run run : runs) {
            s.setFont(run.font(), size);
            s.showText(run.text());
        }
        s.endText();
    }

    /** Text wrapped to the page width, moving down line by line. */
    public void wrapped(float size, String text, Color colour) throws IOException {
        wrapped(size, MARGIN, size().getWidth() - 2 * MARGIN, text, colour);
    }

    /** Text wrapped to {@code max} points from x, moving down line by line. */
    public void wrapped(float size, float x, float max, String text, Color colour) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int cp : text.codePoints().toArray()) {
            String next = line + new String(Character.toChars(cp));
            if (width(next, size) > max && !line.isEmpty()) {
                text(size, x, y, line.toString(), colour);
                y -= size + 5;
                line.setLength(0);
            }
            line.appendCodePoint(cp);
        }
        if (!line.isEmpty()) {
            text(size, x, y, line.toString(), colour);
            y -= size + 5;
        }
    }

    /** The text cut (with “…”) to fit the width. */
    public String fit(String text, float size, float max) throws IOException {
        if (width(text, size) <= max) {
            return text;
        }
        StringBuilder cut = new StringBuilder();
        for (int cp : text.codePoints().toArray()) {
            if (width(cut + new String(Character.toChars(cp)) + "…", size) > max) {
                break;
            }
            cut.appendCodePoint(cp);
        }
        return cut + "…";
    }

    public void box(float x, float bottom, float w, float h, Color colour) throws IOException {
        s.setNonStrokingColor(colour);
        s.addRect(x, bottom, w, h);
        s.fill();
    }

    public void line(float x1, float y1, float x2, float y2, Color colour, boolean dashed) throws IOException {
        s.setStrokingColor(colour);
        s.setLineWidth(dashed ? 1.2f : 0.8f);
        s.setLineDashPattern(dashed ? new float[]{4, 3} : new float[]{}, 0);
        s.moveTo(x1, y1);
        s.lineTo(x2, y2);
        s.stroke();
        s.setLineDashPattern(new float[]{}, 0);
    }

    public void rule(float at) throws IOException {
        line(MARGIN, at, size.getWidth() - MARGIN, at, GREY, false);
    }

    private PDRectangle size() {
        return size;
    }

    private float width(String text, float size) throws IOException {
        float width = 0;
        for (Run run : runs(text)) {
            width += run.font().getStringWidth(run.text()) / 1000 * size;
        }
        return width;
    }

    private List<Run> runs(String given) {
        // The CJK fallback font and Helvetica both lack “≥”; the words say the same.
        String text = given.replace("≥ ", "不低于").replace("≥", "不低于");
        List<Run> runs = new java.util.ArrayList<>();
        PDFont current = null;
        StringBuilder part = new StringBuilder();
        for (int cp : text.codePoints().toArray()) {
            PDFont font = fontFor.computeIfAbsent(cp, this::choose);
            if (font == NONE) {
                continue;
            }
            if (font != current && !part.isEmpty()) {
                runs.add(new Run(current, part.toString()));
                part.setLength(0);
            }
            current = font;
            part.appendCodePoint(cp);
        }
        if (!part.isEmpty()) {
            runs.add(new Run(current, part.toString()));
        }
        return runs;
    }

    private PDFont choose(int cp) {
        if (cp < 0x80) {
            return LATIN;
        }
        if (encodes(cjk, cp)) {
            return cjk;
        }
        return encodes(LATIN, cp) ? LATIN : NONE;
    }

    private static boolean encodes(PDFont font, int cp) {
        try {
            font.encode(new String(Character.toChars(cp)));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
