package cn.nanning.civic.proxy.requests;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.pii.FieldCipher;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.kernel.audit.AuditEntry;
import cn.nanning.civic.kernel.audit.AuditLog;
import cn.nanning.civic.proxy.servicepoints.PointAccess;
import cn.nanning.civic.proxy.servicepoints.ServicePoints;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The resident behind a request in full, for the clerk handling it at their point (to tell two 黄** apart at the
 * counter, or to call with the result). Lists stay masked; this read is explicit and audited, a refused one too.
 */
@Singleton
class RequestContacts {

    /** Name and number as the clerk took them down; phone null when the resident has none. */
    @Serdeable
    record Contact(UUID requestId, String residentName, @Nullable String phone, String contactKind, @Nullable String contactRelation) {
    }

    private final ProxyRequestRepository requests;
    private final ServicePoints points;
    private final PointAccess access;
    private final FieldCipher cipher;
    private final ResidentContactStore contacts;
    private final AuditLog audit;

    RequestContacts(ProxyRequestRepository requests, ServicePoints points, PointAccess access, FieldCipher cipher,
                    ResidentContactStore contacts, AuditLog audit) {
        this.requests = requests;
        this.points = points;
        this.access = access;
        this.cipher = cipher;
        this.contacts = contacts;
        this.audit = audit;
    }

    /** A refused read is audited too: the refusal must not roll its audit row back. */
    @Transactional(noRollbackFor = ProblemException.class)
    Contact read(Caller caller, UUID id) {
        ProxyRequest request = requests.findById(id).orElseThrow(() -> ProblemException.notFound("代办事项不存在。"));
        String roles = caller.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        if (!access.mayWorkOn(caller, points.find(request.pointId()))) {
            audit.record(new AuditEntry(caller.accountId(), roles, "proxy.request.contact-read", "proxy_request", id.toString(),
                    AuditEntry.Outcome.DENIED, null));
            // The same answer as for a request that does not exist.
            throw ProblemException.notFound("代办事项不存在。");
        }
        audit.record(new AuditEntry(caller.accountId(), roles, "proxy.request.contact-read", "proxy_request", id.toString(),
                AuditEntry.Outcome.SUCCESS, null));
        ResidentContactStore.Row row = contacts.of(id);
        String phone = cipher.decrypt(request.residentPhone(), "proxy_request.resident_phone");
        return new Contact(id, cipher.decrypt(request.residentName(), "proxy_request.resident_name"),
                phone == null || phone.isEmpty() ? null : phone, row.kind(), row.relation());
    }
}
