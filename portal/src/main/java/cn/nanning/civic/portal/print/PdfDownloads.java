package cn.nanning.civic.portal.print;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.util.function.Function;

/** A link that downloads a PDF the portal writes when it is clicked (never a public URL: the session's own link). */
public final class PdfDownloads {

    private static final Logger LOG = LoggerFactory.getLogger(PdfDownloads.class);

    private PdfDownloads() {
    }

    /**
     * A download link labelled {@code label}; {@code pdf} writes the document on click (outside the UI lock: read what
     * the session holds with {@code event.getSession().accessSynchronously}). A failure answers an error status and is
     * logged, so the browser shows no half-written file.
     */
    public static Anchor link(String id, String label, String fileName, Function<DownloadEvent, byte[]> pdf) {
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            try {
                byte[] bytes = pdf.apply(event);
                return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, "application/pdf", bytes.length);
            } catch (RuntimeException e) {
                LOG.error("Could not write {}", fileName, e);
                return DownloadResponse.error(500);
            }
        }), label);
        link.setId(id);
        link.getElement().setAttribute("download", true);
        link.addClassName("pdf-download");
        return link;
    }
}
