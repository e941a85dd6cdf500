package cn.nanning.civic.gateway.accounts;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.identity.RegionCodes;
import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.gateway.audit.AuditLog;
import cn.nanning.civic.gateway.ratelimit.ClientAddresses;
import cn.nanning.civic.gateway.tokens.Tokens;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Staff accounts of an administrator's area: list, create, change roles, disable. Every change is audited.
 * Administrators hand out working roles only; ADMIN and AUDITOR accounts are created by operations (separation of
 * duties: nobody can make an auditor who would audit them, or a second administrator).
 */
@Controller("/api/v1/identity/staff")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "工作人员账号")
@SecurityRequirement(name = "bearerAuth")
class StaffDirectoryController {

    static final String STAFF_CREATE = "STAFF_CREATE";
    static final String ROLE_CHANGE = "ROLE_CHANGE";
    static final String STAFF_DISABLE = "STAFF_DISABLE";
    private static final Set<Role> GRANTABLE = EnumSet.of(Role.CLERK, Role.VOLUNTEER, Role.LAWYER, Role.COUNSELLOR,
            Role.CONVENER, Role.ORGANIZER);

    private final StaffDirectoryRepository directory;
    private final StaffAccounts accounts;
    private final AuditLog audit;
    private final ClientAddresses clients;
    private final Tokens tokens;

    StaffDirectoryController(StaffDirectoryRepository directory, StaffAccounts accounts, AuditLog audit,
                             ClientAddresses clients, Tokens tokens) {
        this.tokens = tokens;
        this.directory = directory;
        this.accounts = accounts;
        this.audit = audit;
        this.clients = clients;
    }

    @Get
    @Operation(summary = "本辖区工作人员", description = "管理员查看本人负责辖区内的工作人员账号，可按角色和区划筛选。")
    List<StaffMember> list(@Nullable @QueryValue String role, @Nullable @QueryValue String region,
                           Authentication authentication) {
        Caller admin = Caller.from(authentication);
        String area = region == null || region.isBlank() ? admin.regionCode() : region.strip();
        requireCovered(admin, area);
        String roleFilter = role == null || role.isBlank() ? null : parseRole(role).name();
        return directory.inArea(RegionCodes.significantPrefix(area), roleFilter).stream()
                .map(StaffDirectoryController::view).toList();
    }

    @Post
    @Transactional
    @Operation(summary = "新建工作人员账号", description = "在本人负责辖区内新建代办员、律师、心理咨询师、召集人、活动组织者等账号。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<StaffMember> create(@Valid @Body NewStaff command, Authentication authentication, HttpRequest<?> http) {
        Caller admin = Caller.from(authentication);
        requireCovered(admin, command.regionCode());
        Set<Role> roles = grantable(command.roles());
        if (accounts.exists(command.username())) {
            throw ProblemException.conflict("username-taken", "用户名 " + command.username() + " 已被使用，请换一个。");
        }
        UUID id = accounts.create(command.username(), command.initialPassword(), command.displayName().strip(), roles,
                command.regionCode());
        audit.record(new AuditLog.Entry(admin.accountId(), "ADMIN", STAFF_CREATE, "staff_account", id.toString(),
                AuditLog.SUCCESS, clients.of(http), "roles=" + names(roles) + " region=" + command.regionCode()));
        StaffMember created = view(directory.findById(id).orElseThrow());
        return HttpResponse.created(created, URI.create("/api/v1/identity/staff/" + id));
    }

    @Put("/{id}/roles")
    @Transactional
    @Operation(summary = "调整角色", description = "调整本辖区工作人员的工作角色；每次调整都记入审计日志。")
    StaffMember changeRoles(@PathVariable UUID id, @Valid @Body RoleChange command, Authentication authentication,
                            HttpRequest<?> http) {
        Caller admin = Caller.from(authentication);
        StaffAccount account = managed(admin, id);
        Set<Role> roles = grantable(command.roles());
        directory.updateRoles(id, names(roles));
        // Tokens name the roles they were issued with: end the sign-ins, so the new roles count from the next one.
        int revoked = tokens.revokeAll(id);
        audit.record(new AuditLog.Entry(admin.accountId(), "ADMIN", ROLE_CHANGE, "staff_account", id.toString(),
                AuditLog.SUCCESS, clients.of(http), "from=" + account.roles() + " to=" + names(roles) + " revoked=" + revoked));
        return view(directory.findById(id).orElseThrow());
    }

    @Post("/{id}/disable")
    @Transactional
    @Operation(summary = "停用账号", description = "停用后该账号无法登录，已签发的令牌在数秒内全部失效。")
    StaffMember disable(@PathVariable UUID id, Authentication authentication, HttpRequest<?> http) {
        Caller admin = Caller.from(authentication);
        managed(admin, id);
        directory.updateEnabled(id, false);
        int revoked = tokens.revokeAll(id);
        audit.record(new AuditLog.Entry(admin.accountId(), "ADMIN", STAFF_DISABLE, "staff_account", id.toString(),
                AuditLog.SUCCESS, clients.of(http), "revoked=" + revoked));
        return view(directory.findById(id).orElseThrow());
    }

    @Post("/{id}/otp/reset")
    @Transactional
    @Operation(summary = "重置动态口令", description = "工作人员更换或遗失手机时，管理员清除其动态口令绑定并结束其所有登录；该人员下次登录时重新绑定。记入审计日志。")
    StaffMember resetSecondFactor(@PathVariable UUID id, Authentication authentication, HttpRequest<?> http) {
        Caller admin = Caller.from(authentication);
        StaffAccount account = managed(admin, id);
        accounts.resetTotp(id);
        // Whoever holds the old phone may also hold a signed-in session: end them all.
        int revoked = tokens.revokeAll(id);
        audit.record(new AuditLog.Entry(admin.accountId(), "ADMIN", AuditLog.OTP_RESET, "staff_account", id.toString(),
                AuditLog.SUCCESS, clients.of(http), "was_enrolled=" + account.totpEnabled() + " revoked=" + revoked));
        return view(directory.findById(id).orElseThrow());
    }

    /** An account the administrator may change: in their area, and not an administrator or auditor. */
    private StaffAccount managed(Caller admin, UUID id) {
        StaffAccount account = directory.findById(id)
                .filter(a -> admin.covers(a.regionCode()))
                .orElseThrow(() -> ProblemException.notFound("未找到该工作人员账号。"));
        if (account.roleList().contains(Role.ADMIN.name()) || account.roleList().contains(Role.AUDITOR.name())) {
            throw ProblemException.forbidden("管理员和审计员账号只能由运维人员调整。");
        }
        return account;
    }

    private static void requireCovered(Caller admin, @Nullable String region) {
        if (region == null || !region.matches("\\d{4}|\\d{6}|\\d{9}|\\d{12}")) {
            throw ProblemException.invalidField("region", "区划代码应为 4、6、9 或 12 位数字。");
        }
        if (!admin.covers(region)) {
            throw ProblemException.forbidden("您只能管理本人负责辖区内的工作人员。");
        }
    }

    private static Set<Role> grantable(List<String> requested) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : requested) {
            Role role = parseRole(name);
            if (!GRANTABLE.contains(role)) {
                throw ProblemException.invalidField("roles", "管理员不能授予“" + role.label() + "”角色。");
            }
            roles.add(role);
        }
        return roles;
    }

    private static Role parseRole(String name) {
        try {
            return Role.valueOf(name.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("roles", "未知的角色：" + name);
        }
    }

    private static String names(Set<Role> roles) {
        return roles.stream().map(Role::name).collect(Collectors.joining(","));
    }

    private static StaffMember view(StaffAccount a) {
        return new StaffMember(a.id(), a.username(), a.displayName(), a.roleList(), a.regionCode(), a.enabled(),
                a.totpEnabled());
    }

    /** A staff account as administrators see it: never the password hash or the TOTP secret. */
    @Serdeable
    record StaffMember(UUID id, String username, String displayName, List<String> roles, String regionCode,
                       boolean enabled, boolean secondFactorEnrolled) {
    }

    @Serdeable
    record NewStaff(
            @NotBlank(message = "请填写用户名") @Pattern(regexp = "[A-Za-z0-9_.-]{3,40}", message = "用户名为 3–40 位字母、数字或 _ . -") String username,
            @NotBlank(message = "请填写姓名") @Size(max = 50, message = "姓名不能超过 50 个字") String displayName,
            @NotEmpty(message = "请至少选择一个角色") List<String> roles,
            @NotBlank(message = "请选择所属区划") String regionCode,
            @NotBlank(message = "请设置初始密码") String initialPassword) {
    }

    @Serdeable
    record RoleChange(@NotEmpty(message = "请至少选择一个角色") List<String> roles) {
    }
}
