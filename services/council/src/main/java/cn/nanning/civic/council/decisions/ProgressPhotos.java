package cn.nanning.civic.council.decisions;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.pii.FieldCipher;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.council.CouncilClock;
import cn.nanning.civic.council.Db;
import cn.nanning.civic.council.councils.Council;
import cn.nanning.civic.council.councils.Councils;
import cn.nanning.civic.kernel.audit.AuditEntry;
import cn.nanning.civic.kernel.audit.AuditLog;
import cn.nanning.civic.kernel.documents.DocumentTypes;
import cn.nanning.civic.kernel.documents.EncryptedFileStore;
import cn.nanning.civic.kernel.outbox.Outbox;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

/**
 * Photos of implementation progress, public with the result. An upload must be a real JPEG or PNG: recognised by its
 * content (kernel {@link DocumentTypes}: an HTML page named .jpg is refused), PDFs refused, and its structure must
 * parse and its size read as a picture. Metadata is stripped ({@link PhotoMetadata}) before the photo is stored,
 * encrypted, under its own id on the materials volume; it is served only through the public decision page.
 */
@Singleton
public class ProgressPhotos {

    static final int MAX_PER_UPDATE = 9;
    private static final int MAX_SIDE = 12000;

    private static final Logger LOG = LoggerFactory.getLogger(ProgressPhotos.class);

    private final Db db;
    private final Councils councils;
    private final AuditLog audit;
    private final Outbox outbox;
    private final CouncilClock clock;
    private final EncryptedFileStore store;
    private final TransactionOperations<Connection> transactions;
    private final long maxBytes;

    ProgressPhotos(Db db, Councils councils, AuditLog audit, Outbox outbox, CouncilClock clock, FieldCipher cipher,
                   TransactionOperations<Connection> transactions,
                   @Value("${civic.council.photos-dir:.civic/materials/council-photos}") String directory,
                   @Value("${civic.council.max-photo-bytes:5242880}") long maxBytes) {
        this.db = db;
        this.councils = councils;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
        this.store = new EncryptedFileStore(cipher, Path.of(directory), "council-progress-photo");
        this.transactions = transactions;
        this.maxBytes = maxBytes;
    }

    public record Photo(byte[] content, String contentType) {
    }

    @Transactional
    DecisionViews.PhotoView upload(Caller caller, UUID decisionId, UUID progressId, byte[] content) {
        UUID councilId = db.one("select council_id from council.decision where id = ? for update", rs -> rs.getObject(1, UUID.class), decisionId)
                .orElseThrow(() -> ProblemException.notFound("没有找到该决策事项。"));
        Council council = councils.require(councilId);
        councils.requireManager(caller, council, "上传实施进度照片");
        if (db.count("select count(*) from council.decision_progress where id = ? and decision_id = ?", progressId, decisionId) == 0) {
            throw ProblemException.notFound("没有找到该实施进度。");
        }
        String type = DocumentTypes.require(content, maxBytes);
        if (!type.startsWith("image/")) {
            throw ProblemException.badRequest("photo-type", "实施进度照片只能是 JPG 或 PNG 图片；该文件的内容不是图片。");
        }
        // Turn a phone's sideways-stored photo upright first: stripping drops the EXIF orientation that said how.
        byte[] upright = "image/jpeg".equals(type) ? PhotoOrientation.upright(content) : content;
        byte[] clean = upright == null ? null : PhotoMetadata.strip(upright, type);
        int[] size = clean == null ? null : dimensions(clean);
        if (size == null) {
            throw ProblemException.badRequest("photo-damaged", "照片文件已损坏或不是真实的 JPG、PNG 图片，请重新拍摄或导出后上传。");
        }
        if (db.count("select count(*) from council.decision_progress_photo where progress_id = ? and removed_at is null", progressId)
                >= MAX_PER_UPDATE) {
            throw ProblemException.conflict("too-many-photos", "每条实施进度最多上传 " + MAX_PER_UPDATE + " 张照片。");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.now();
        db.update("""
                insert into council.decision_progress_photo (id, decision_id, progress_id, content_type, size_bytes, width, height, sha256,
                  uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, decisionId, progressId, type, clean.length, size[0], size[1], EncryptedFileStore.sha256(clean), caller.accountId(), now);
        // The file goes last: if the insert fails nothing is on disk; if this write fails the insert rolls back.
        store.put(id, clean);
        audit.record(new AuditEntry(caller.accountId(), Councils.roles(caller), "council.decision.photo", "decision", decisionId.toString(),
                AuditEntry.Outcome.SUCCESS, id.toString()));
        outbox.add(Decisions.TOPIC, decisionId.toString(), "DecisionProgressPhotoAdded", "decision",
                Map.of("decisionId", decisionId.toString(), "councilId", councilId.toString(), "progressId", progressId.toString(),
                        "photoId", id.toString(), "occurredAt", now.toString()));
        return new DecisionViews.PhotoView(id, type, size[0], size[1], url(decisionId, id));
    }

    /**
     * Removes a photo uploaded by mistake (the same people who may upload): it leaves the decision's pages at once, its
     * public address answers 404, and its encrypted file is deleted. The row stays as the record of when, by whom and
     * why; the removal is audited and published ({@code DecisionProgressPhotoRemoved}).
     */
    @Transactional
    void remove(Caller caller, UUID decisionId, UUID progressId, UUID photoId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalidField("reason", "删除照片须说明理由。");
        }
        UUID councilId = db.one("select council_id from council.decision where id = ? for update", rs -> rs.getObject(1, UUID.class), decisionId)
                .orElseThrow(() -> ProblemException.notFound("没有找到该决策事项。"));
        Council council = councils.require(councilId);
        councils.requireManager(caller, council, "删除实施进度照片");
        Instant now = clock.now();
        int removed = db.update("""
                update council.decision_progress_photo set removed_at = ?, removed_by = ?, removed_reason = ?
                where id = ? and decision_id = ? and progress_id = ? and removed_at is null""",
                now, caller.accountId(), reason.strip(), photoId, decisionId, progressId);
        if (removed == 0) {
            throw ProblemException.notFound("没有找到该照片，可能已被删除。");
        }
        audit.record(new AuditEntry(caller.accountId(), Councils.roles(caller), "council.decision.photo.remove", "decision",
                decisionId.toString(), AuditEntry.Outcome.SUCCESS, photoId + " " + reason.strip()));
        outbox.add(Decisions.TOPIC, decisionId.toString(), "DecisionProgressPhotoRemoved", "decision",
                Map.of("decisionId", decisionId.toString(), "councilId", councilId.toString(), "progressId", progressId.toString(),
                        "photoId", photoId.toString(), "occurredAt", now.toString()));
        // The file goes once the removal is committed: a failed commit leaves the photo exactly as it was, never a live
        // row without its file. Should the delete itself fail, the row already hides the (encrypted) bytes; it is logged.
        transactions.findTransactionStatus().orElseThrow().registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    store.delete(photoId);
                } catch (RuntimeException e) {
                    LOG.error("Removed progress photo {}: its encrypted file could not be deleted; delete it by hand", photoId, e);
                }
            }
        });
    }

    /** A photo of a decision whose resolution is public; anything else (a removed photo too) is not found. */
    @Transactional
    public Photo publicPhoto(UUID decisionId, UUID photoId) {
        String type = db.one("""
                select p.content_type from council.decision_progress_photo p where p.id = ? and p.decision_id = ? and p.removed_at is null
                and exists (select 1 from council.decision_step s where s.decision_id = p.decision_id and s.step = 'RESOLUTION_PUBLISHED')""",
                rs -> rs.getString(1), photoId, decisionId).orElseThrow(() -> ProblemException.notFound("没有找到该照片。"));
        return new Photo(store.get(photoId), type);
    }

    static String url(UUID decisionId, UUID photoId) {
        return "/api/v1/council/public/decisions/" + decisionId + "/photos/" + photoId;
    }

    /** Width and height as the image's own header states them, or null when no reader understands it. */
    private static int[] dimensions(byte[] image) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                return width > 0 && height > 0 && width <= MAX_SIDE && height <= MAX_SIDE ? new int[] {width, height} : null;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
