package cn.nanning.civic.proxy.materials;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.pii.FieldCipher;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.kernel.audit.AuditEntry;
import cn.nanning.civic.kernel.audit.AuditLog;
import cn.nanning.civic.proxy.requests.Requests;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
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
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final Path store;
    private final long maxBytes;

    Materials(MaterialFileRepository files, Requests requests, FieldCipher cipher, AuditLog audit,
              @Value("${civic.proxy.materials-dir:.civic/materials}") String store,
              @Value("${civic.proxy.max-material-bytes:10485760}") long maxBytes) {
        this.files = files;
        this.requests = requests;
        this.cipher = cipher;
        this.audit = audit;
        this.store = Path.of(store).toAbsolutePath();
        this.maxBytes = maxBytes;
    }

    @Transactional
    public MaterialFile upload(Caller caller, UUID requestId, String submittedName, byte[] content) {
        requests.requireAccess(caller, requestId);
        if (content.length == 0) {
            throw ProblemException.invalidField("file", "上传的文件是空的，请重新选择。");
        }
        if (content.length > maxBytes) {
            throw new ProblemException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "material-too-large", null,
                    "文件过大：单个材料不能超过 " + (maxBytes / (1024 * 1024)) + " MB，请压缩后再上传。");
        }
        String contentType = ContentTypes.detect(content).orElseThrow(() -> ProblemException.badRequest("material-type",
                "只能上传 JPG、PNG 图片或 PDF 文件；该文件的内容不是这几种格式。"));
        UUID id = UUID.randomUUID();
        write(id, cipher.encryptBytes(content, context(id)));
        MaterialFile file = files.save(new MaterialFile(id, requestId, DisplayNames.of(submittedName, contentType), contentType,
                content.length, sha256(content), caller.accountId(), Instant.now().truncatedTo(ChronoUnit.MICROS)));
        audit.record(new AuditEntry(caller.accountId(), null, "proxy.material.upload", "proxy_request", requestId.toString(),
                AuditEntry.Outcome.SUCCESS, id.toString()));
        return file;
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
        byte[] content;
        try {
            content = cipher.decryptBytes(Files.readAllBytes(pathOf(fileId)), context(fileId));
        } catch (IOException e) {
            throw new UncheckedIOException("material " + fileId + " missing from the store", e);
        }
        audit.record(new AuditEntry(caller.accountId(), null, "proxy.material.download", "proxy_request", requestId.toString(),
                AuditEntry.Outcome.SUCCESS, fileId.toString()));
        return new Download(file, content);
    }

    private void write(UUID id, byte[] encrypted) {
        try {
            Files.createDirectories(store);
            Path temp = Files.createTempFile(store, "upload-", ".part");
            Files.write(temp, encrypted);
            Files.move(temp, pathOf(id), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store material", e);
        }
    }

    /** Only our own random id names the file on disk. */
    private Path pathOf(UUID id) {
        return store.resolve(id + ".bin");
    }

    private static String context(UUID id) {
        return "proxy-material:" + id;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Download(MaterialFile file, byte[] content) {
    }
}
