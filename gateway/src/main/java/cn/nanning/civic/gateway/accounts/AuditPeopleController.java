package cn.nanning.civic.gateway.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Who the account ids in the audit trails are: display name and roles of staff accounts, for auditors, so an audit
 * record reads "青秀区代办员（代办员）" instead of an id. Ids of citizens (or unknown ids) are simply not in the answer.
 */
@Controller("/api/v1/identity/audit-log/people")
@Secured("AUDITOR")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "登录审计")
@SecurityRequirement(name = "bearerAuth")
class AuditPeopleController {

    static final int MAX_IDS = 200;

    private final StaffDirectoryRepository directory;

    AuditPeopleController(StaffDirectoryRepository directory) {
        this.directory = directory;
    }

    @Get
    @Operation(summary = "审计记录中的工作人员", description = "按账号编号（逗号分隔，最多 200 个）查姓名和角色；仅审计员可查。")
    List<Person> people(@Nullable @QueryValue String ids) {
        Set<UUID> wanted = new LinkedHashSet<>();
        if (ids != null) {
            Arrays.stream(ids.split(",")).map(String::strip).filter(id -> !id.isEmpty()).limit(MAX_IDS)
                    .forEach(id -> parse(id, wanted));
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        return directory.findByIdIn(wanted).stream()
                .map(account -> new Person(account.id(), account.displayName(), account.roleList(), account.regionCode()))
                .toList();
    }

    private static void parse(String id, Set<UUID> into) {
        try {
            into.add(UUID.fromString(id));
        } catch (IllegalArgumentException notAnAccountId) {
            // An audit actor that is not an account id (e.g. "system") has no name to look up.
        }
    }

    @Serdeable
    record Person(UUID id, String displayName, List<String> roles, String regionCode) {
    }
}
