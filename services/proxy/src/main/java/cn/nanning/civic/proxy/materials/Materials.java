package cn.nanning.civic.proxy.materials;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.pii.FieldCipher;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.kernel.audit.AuditEntry;
import cn.nanning.civic.kernel.audit.AuditLog;
import cn.nanning.civic.kernel.documents.DisplayNames;
import cn.nanning.civic.kernel.documents.DocumentTypes;
import cn.nanning.civic.kernel.documents.EncryptedFileStore;
import cn.nanning.civic.proxy.requests.Requests;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Materials residents and clerks upload for a proxy request: checked by content, limited in size, encrypted on disk
 * under random names outside any web root, and handed out only to those allowed to see the request.
 */
@Singleton
public class Materials {

    private final MaterialFileRepository files;
    private final Requests requests;
    private final AuditLog audit;
    private final EncryptedFileStore store;
    private final long maxBytes;

    Materials(MaterialFileRepository files, Requests requests, FieldCipher cipher, AuditLog audit,
              @Value("${civic.proxy.materials-dir:.civic/materials}") String store,
              @Value("${civic.proxy.max-material-bytes:10485760}") long maxBytes) {
        this.files = files;
        this.requests = requests;
        this.audit = audit;
        this.store = new EncryptedFileStore(cipher, Path.of(store), "proxy-material");
        this.maxBytes = maxBytes;
    }

    /**
     * Stores an upload, tied to the checklist line named {@code checklistItem} (as the request's checklist shows it) or
     * loose when null. A name that is not a line of the checklist is refused before anything is stored.
     */
    @Transactional
    public MaterialFile upload(Caller caller, UUID requestId, @Nullable String checklistItem, String submittedName, byte[] content) {
        requests.requireAccess(caller, requestId);
        String line = checklistLine(requestId, checklistItem);
        String contentType = DocumentTypes.require(content, maxBytes);
        UUID id = UUID.randomUUID();
        store.put(id, content);
        MaterialFile file = files.save(new MaterialFile(id, requestId, line, DisplayNames.of(submittedName, contentType, "材料"), contentType,
                content.length, EncryptedFileStore.sha256(content), caller.accountId(), Instant.now().truncatedTo(ChronoUnit.MICROS)));
        audit.record(new AuditEntry(caller.accountId(), null, "proxy.material.upload", "proxy_request", requestId.toString(),
                AuditEntry.Outcome.SUCCESS, id.toString()));
        return file;
    }

    /** The checklist line named, as the checklist spells it; null for a loose upload. */
    private String checklistLine(UUID requestId, @Nullable String checklistItem) {
        if (checklistItem == null) {
            return null;
        }
        String wanted = checklistItem.strip();
        if (wanted.isEmpty()) {
            throw ProblemException.invalidField("checklistItem", "请选择要上传的是材料清单中的哪一项。");
        }
        List<String> lines = requests.checklistLines(requestId);
        return lines.stream().filter(wanted::equals).findFirst().orElseThrow(() -> ProblemException.invalidField("checklistItem",
                lines.isEmpty() ? "该事项没有材料清单，请直接上传材料。"
                        : "材料清单中没有“" + (wanted.length() > 40 ? wanted.substring(0, 40) + "…" : wanted) + "”这一项，请按清单选择：" + String.join("；", lines) + "。"));
    }

    @Transactional(readOnly = true)
    public List<MaterialFile> list(Caller caller, UUID requestId) {
        requests.requireAccess(caller, requestId);
        return files.findByRequestIdOrderByUploadedAt(requestId);
    }

    /** The decrypted document for download; every download is audited. */
    @Transactional
    public Download download(Caller caller, UUID requestId, UUID fileId) {
        requests.requireAccess(caller, requestId);
        MaterialFile file = files.findById(fileId).filter(f -> f.requestId().equals(requestId))
                .orElseThrow(() -> ProblemException.notFound("材料不存在。"));
        byte[] content = store.get(fileId);
        audit.record(new AuditEntry(caller.accountId(), null, "proxy.material.download", "proxy_request", requestId.toString(),
                AuditEntry.Outcome.SUCCESS, fileId.toString()));
        return new Download(file, content);
    }

    public record Download(MaterialFile file, byte[] content) {
    }
}
