package cn.nanning.civic.appointments.legalaid;

import cn.nanning.civic.appointments.calendar.AppointmentClock;
import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.pii.FieldCipher;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.kernel.audit.AuditEntry;
import cn.nanning.civic.kernel.audit.AuditLog;
import cn.nanning.civic.kernel.documents.DisplayNames;
import cn.nanning.civic.kernel.documents.DocumentTypes;
import cn.nanning.civic.kernel.documents.EncryptedFileStore;
import cn.nanning.civic.kernel.outbox.Outbox;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Supporting documents (证明材料) of a legal-aid application: checked by content, limited in size, encrypted on disk
 * outside any web root under random ids, listed and downloaded only by the applicant and the staff handling the
 * application (administrator over its area, assigned lawyer). Uploads and downloads are audited.
 */
@Singleton
public class ApplicationDocuments {

    static final int MAX_PER_APPLICATION = 20;
    private static final String NAME_COLUMN = "legal_aid_document.display_name";

    private final JdbcOperations jdbc;
    private final LegalAidApplications applications;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final Outbox outbox;
    private final AppointmentClock clock;
    private final EncryptedFileStore store;
    private final long maxBytes;

    ApplicationDocuments(JdbcOperations jdbc, LegalAidApplications applications, FieldCipher cipher, AuditLog audit, Outbox outbox,
                         AppointmentClock clock,
                         @Value("${civic.appointments.documents-dir:.civic/materials/legal-aid}") String directory,
                         @Value("${civic.appointments.max-document-bytes:10485760}") long maxBytes) {
        this.jdbc = jdbc;
        this.applications = applications;
        this.cipher = cipher;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
        this.store = new EncryptedFileStore(cipher, Path.of(directory), "legal-aid-document");
        this.maxBytes = maxBytes;
    }

    @Serdeable
    public record Document(UUID id, UUID applicationId, String displayName, String contentType, long sizeBytes, String sha256,
                           boolean uploadedByApplicant, Instant uploadedAt) {
    }

    public record Download(Document document, byte[] content) {
    }

    /** The applicant adds documents while the application is open; the deciding administrator may add scans too. */
    @Transactional
    public Document upload(Caller caller, UUID applicationId, String submittedName, byte[] content) {
        LegalAidApplications.Application app = applications.read(caller, applicationId);
        boolean applicant = caller.accountId().equals(app.citizenAccountId());
        if (!applicant && !LegalAidApplications.isAdminOver(caller, app)) {
            throw ProblemException.forbidden("只有申请人或受理该申请的管理员可以上传证明材料。");
        }
        if (app.status() != ApplicationStatus.UNDER_REVIEW && app.status() != ApplicationStatus.SUPPLEMENT_REQUESTED) {
            throw ProblemException.conflict("application-closed", "该申请已作出决定，不能再上传材料。");
        }
        String contentType = DocumentTypes.require(content, maxBytes);
        if (count(applicationId) >= MAX_PER_APPLICATION) {
            throw ProblemException.conflict("too-many-documents", "每份申请最多上传 " + MAX_PER_APPLICATION + " 份材料。");
        }
        UUID id = UUID.randomUUID();
        Document doc = new Document(id, applicationId, DisplayNames.of(submittedName, contentType, "证明材料"), contentType,
                content.length, EncryptedFileStore.sha256(content), applicant, clock.now());
        jdbc.prepareStatement("""
                insert into appointments.legal_aid_document (id, application_id, display_name, content_type, size_bytes, sha256,
                    uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?)""", s -> {
            s.setObject(1, id);
            s.setObject(2, applicationId);
            s.setString(3, cipher.encrypt(doc.displayName(), NAME_COLUMN));
            s.setString(4, contentType);
            s.setLong(5, content.length);
            s.setString(6, doc.sha256());
            s.setString(7, caller.accountId());
            s.setTimestamp(8, Timestamp.from(doc.uploadedAt()));
            return s.executeUpdate();
        });
        // The file goes last: if the insert fails nothing is on disk; if this write fails the insert rolls back.
        store.put(id, content);
        audit.record(new AuditEntry(caller.accountId(), null, "legal-aid.document.upload", "legal_aid_application",
                applicationId.toString(), AuditEntry.Outcome.SUCCESS, id.toString()));
        outbox.add(LegalAidApplications.TOPIC, applicationId.toString(), "LegalAidDocumentAdded", "application",
                Map.of("applicationId", applicationId.toString(), "documentId", id.toString(), "contentType", contentType,
                        "byApplicant", applicant));
        return doc;
    }

    @Transactional(readOnly = true)
    public List<Document> list(Caller caller, UUID applicationId) {
        applications.read(caller, applicationId);
        return query(applicationId, null);
    }

    /** The decrypted document; every download is audited. A document of another application is simply not found. */
    @Transactional
    public Download download(Caller caller, UUID applicationId, UUID documentId) {
        applications.read(caller, applicationId);
        Document doc = query(applicationId, documentId).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("材料不存在。"));
        byte[] content = store.get(documentId);
        audit.record(new AuditEntry(caller.accountId(), null, "legal-aid.document.download", "legal_aid_application",
                applicationId.toString(), AuditEntry.Outcome.SUCCESS, documentId.toString()));
        return new Download(doc, content);
    }

    /**
     * Retention: deletes an application's document rows and returns their ids; the caller removes the files with
     * {@link #deleteFiles} once its transaction has committed (a rollback then leaves rows and files as they were).
     */
    public List<UUID> purgeRows(UUID applicationId) {
        return jdbc.prepareStatement("delete from appointments.legal_aid_document where application_id = ? returning id", s -> {
            s.setObject(1, applicationId);
            List<UUID> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getObject(1, UUID.class));
                }
            }
            return found;
        });
    }

    public void deleteFiles(List<UUID> documentIds) {
        documentIds.forEach(store::delete);
    }

    public boolean stored(UUID documentId) {
        return store.exists(documentId);
    }

    private long count(UUID applicationId) {
        return jdbc.prepareStatement("select count(*) from appointments.legal_aid_document where application_id = ?", s -> {
            s.setObject(1, applicationId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private List<Document> query(UUID applicationId, UUID documentId) {
        String sql = "select d.*, a.citizen_account_id from appointments.legal_aid_document d"
                + " join appointments.legal_aid_application a on a.id = d.application_id where d.application_id = ?"
                + (documentId == null ? "" : " and d.id = ?") + " order by d.uploaded_at";
        return jdbc.prepareStatement(sql, s -> {
            s.setObject(1, applicationId);
            if (documentId != null) {
                s.setObject(2, documentId);
            }
            List<Document> list = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    list.add(new Document(rs.getObject("id", UUID.class), applicationId,
                            cipher.decrypt(rs.getString("display_name"), NAME_COLUMN), rs.getString("content_type"),
                            rs.getLong("size_bytes"), rs.getString("sha256"),
                            rs.getString("uploaded_by").equals(rs.getString("citizen_account_id")),
                            rs.getTimestamp("uploaded_at").toInstant()));
                }
            }
            return list;
        });
    }
}
