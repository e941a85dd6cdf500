package cn.nanning.civic.gateway.audit;

import cn.nanning.civic.common.requestid.RequestIds;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.TransactionDefinition;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * Writes audit rows in a transaction of their own, so a refused sign-in (whose work rolls back) is still recorded.
 * Callers pass account ids and outcomes, never tokens, passwords or ID numbers.
 */
@Singleton
public class AuditLog {

    public static final String SIGN_IN = "SIGN_IN";
    public static final String LOCKOUT = "LOCKOUT";
    public static final String TOKEN_REFRESH = "TOKEN_REFRESH";
    public static final String TOKEN_REVOKE = "TOKEN_REVOKE";
    public static final String PASSWORD_CHANGE = "PASSWORD_CHANGE";
    public static final String OTP_ENROL = "OTP_ENROL";
    public static final String OTP_RESET = "OTP_RESET";
    public static final String PHONE_BIND = "PHONE_BIND";
    public static final String PROFILE_READ = "PROFILE_READ";
    public static final String PROFILE_SAVE = "PROFILE_SAVE";
    public static final String PROFILE_ERASE = "PROFILE_ERASE";
    public static final String SUCCESS = "SUCCESS";
    public static final String FAILURE = "FAILURE";
    /** The actor when a sign-in names no existing account: the typed name is not kept (it may be a mistyped password). */
    public static final String UNKNOWN_ACTOR = "unknown";

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    private final AuditRecordRepository records;

    AuditLog(AuditRecordRepository records) {
        this.records = records;
    }

    /** What happened, to whom and how it ended. */
    public record Entry(String actor, @Nullable String actorRoles, String action, @Nullable String targetType,
                        @Nullable String targetId, String outcome, @Nullable String clientAddress, @Nullable String detail) {
    }

    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public void record(Entry entry) {
        records.save(new AuditRecord(null, Instant.now(), entry.actor(), entry.actorRoles(), entry.action(),
                entry.targetType(), entry.targetId(), entry.outcome(), RequestIds.current(), entry.clientAddress(),
                entry.detail()));
        LOG.info("audit {} {} actor={} target={} detail={}", entry.action(), entry.outcome(), entry.actor(),
                entry.targetId(), entry.detail());
    }
}
