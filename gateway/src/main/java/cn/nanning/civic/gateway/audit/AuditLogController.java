package cn.nanning.civic.gateway.audit;

import cn.nanning.civic.common.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Sign-in and token audit of the gateway, readable by auditors only (separation of duties: not by administrators). */
@Controller("/api/v1/identity/audit-log")
@Secured("AUDITOR")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "登录审计")
@SecurityRequirement(name = "bearerAuth")
class AuditLogController {

    private final AuditRecordRepository records;

    AuditLogController(AuditRecordRepository records) {
        this.records = records;
    }

    @Get
    @Operation(summary = "查询登录审计记录", description = "按账号、操作、请求编号和起止时间查询，最新的在前；仅审计员可查。")
    List<AuditRecord> search(@Nullable @QueryValue String actor, @Nullable @QueryValue String action,
                             @Nullable @QueryValue String requestId, @Nullable @QueryValue String since,
                             @Nullable @QueryValue String until, @Nullable @QueryValue Integer limit) {
        Instant from;
        Instant to;
        try {
            from = since == null ? Instant.now().minus(Duration.ofDays(30)) : Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-since", "起始时间格式不正确，请使用 ISO-8601 格式，例如 2025-01-01T00:00:00Z。");
        }
        try {
            to = until == null || until.isBlank() ? Instant.now().plus(Duration.ofDays(1)) : Instant.parse(until.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-until", "截止时间格式不正确，请使用 ISO-8601 格式，例如 2025-01-31T16:00:00Z。");
        }
        int size = limit == null ? 50 : Math.max(1, Math.min(limit, 200));
        return records.search(blankToNull(actor), blankToNull(action), blankToNull(requestId), from, to, size);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
