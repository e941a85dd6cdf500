package cn.nanning.civic.kernel.audit;

import io.micronaut.core.annotation.Nullable;

/** One audited act: who did what to which record, and whether it succeeded. Never holds the personal data itself. */
public record AuditEntry(String actor, @Nullable String actorRoles, String action, @Nullable String targetType,
                         @Nullable String targetId, Outcome outcome, @Nullable String detail) {

    public enum Outcome { SUCCESS, FAILURE, DENIED }
}
