package cn.nanning.civic.kernel.audit;

import cn.nanning.civic.common.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The services' audit trail (reads of full ID numbers and counselling notes, approvals, exports, staff changes to
 * service points …) for auditors only — separation of duties: administrators, whose actions it records, cannot read it.
 */
@Controller("/api/v1/audit-log")
@Secured("AUDITOR")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "audit", description = "业务操作与个人信息访问审计")
class AuditSearch {

    private final JdbcOperations jdbc;

    AuditSearch(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Get
    @Transactional(readOnly = true)
    @Operation(summary = "查询业务审计记录", description = "按操作人、操作（前缀匹配）、对象类型、请求编号和起止时间查询，最新的在前。")
    List<AuditRow> search(@Nullable @QueryValue String actor, @Nullable @QueryValue String action,
                          @Nullable @QueryValue String targetType, @Nullable @QueryValue String requestId,
                          @Nullable @QueryValue String since, @Nullable @QueryValue String until,
                          @Nullable @QueryValue Integer limit) {
        Instant from;
        Instant to;
        try {
            from = since == null || since.isBlank() ? Instant.now().minus(Duration.ofDays(30)) : Instant.parse(since.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("since", "起始时间格式不正确，请使用 ISO-8601 格式，例如 2025-01-01T00:00:00Z。");
        }
        try {
            to = until == null || until.isBlank() ? Instant.now().plus(Duration.ofDays(1)) : Instant.parse(until.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("until", "截止时间格式不正确，请使用 ISO-8601 格式，例如 2025-01-31T16:00:00Z。");
        }
        int size = limit == null ? 50 : Math.max(1, Math.min(limit, 200));
        return jdbc.prepareStatement("""
                select id, occurred_at, actor, actor_roles, action, target_type, target_id, outcome, request_id, detail
                from kernel.audit_log
                where occurred_at >= ? and occurred_at < ?
                  and (cast(? as text) is null or actor = cast(? as text))
                  and (cast(? as text) is null or action like cast(? as text) || '%')
                  and (cast(? as text) is null or target_type = cast(? as text))
                  and (cast(? as text) is null or request_id = cast(? as text))
                order by occurred_at desc, id desc limit ?""", s -> {
            s.setTimestamp(1, Timestamp.from(from));
            s.setTimestamp(2, Timestamp.from(to));
            int i = 3;
            for (String value : new String[]{blank(actor), blank(action), blank(targetType), blank(requestId)}) {
                s.setString(i++, value);
                s.setString(i++, value);
            }
            s.setInt(i, size);
            List<AuditRow> rows = new ArrayList<>();
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new AuditRow(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                            rs.getString("actor_roles"), rs.getString("action"), rs.getString("target_type"),
                            rs.getString("target_id"), rs.getString("outcome"), rs.getString("request_id"), rs.getString("detail")));
                }
            }
            return rows;
        });
    }

    private static @Nullable String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Serdeable
    record AuditRow(long id, Instant occurredAt, String actor, @Nullable String actorRoles, String action,
                    @Nullable String targetType, @Nullable String targetId, String outcome, @Nullable String requestId,
                    @Nullable String detail) {
    }
}
