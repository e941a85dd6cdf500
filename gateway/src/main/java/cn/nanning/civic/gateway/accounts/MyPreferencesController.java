package cn.nanning.civic.gateway.accounts;

import cn.nanning.civic.common.problem.ProblemException;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/**
 * A staff member's own display preferences (大字模式), stored with the account so they follow the person to whichever
 * computer they sign in on. Only the member reads and writes their own; nothing here is personal data.
 */
@Controller("/api/v1/identity/me/preferences")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "工作人员账号")
@SecurityRequirement(name = "bearerAuth")
class MyPreferencesController {

    private static final String PROBLEM = "application/problem+json";
    private static final String STAFF_ONLY = "只有工作人员账号可以保存显示设置。";

    private final StaffPreferencesStore store;

    MyPreferencesController(StaffPreferencesStore store) {
        this.store = store;
    }

    @Get
    @Operation(summary = "我的显示设置", description = "当前工作人员的显示设置（如大字模式），登录后工作台据此显示。")
    @ApiResponse(responseCode = "200", description = "当前的显示设置", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = "不是工作人员账号（如市民账号），或账号已停用",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    StaffPreferences get(Authentication authentication) {
        return store.of(staffAccountId(authentication)).map(StaffPreferences::of)
                .orElseThrow(() -> ProblemException.forbidden(STAFF_ONLY));
    }

    @Put
    @Operation(summary = "保存我的显示设置", description = "保存当前工作人员的显示设置；换一台电脑登录后同样生效。")
    @ApiResponse(responseCode = "200", description = "已保存的显示设置", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", description = "设置内容不完整（例如未说明是否开启大字模式）",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "403", description = "不是工作人员账号（如市民账号），或账号已停用",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    StaffPreferences put(@Valid @Body StaffPreferences preferences, Authentication authentication) {
        UUID accountId = staffAccountId(authentication);
        if (!store.save(accountId, new StaffPreferencesStore.Preferences(preferences.largeText()))) {
            throw ProblemException.forbidden(STAFF_ONLY);
        }
        return store.of(accountId).map(StaffPreferences::of).orElseThrow(() -> ProblemException.forbidden(STAFF_ONLY));
    }

    private static UUID staffAccountId(Authentication authentication) {
        return Callers.staff(authentication, STAFF_ONLY);
    }

    /** The display preferences: {@code largeText} is the age-friendly larger text (大字模式). */
    @Serdeable
    @Schema(description = "工作人员的显示设置")
    record StaffPreferences(
            @NotNull(message = "请说明是否开启大字模式") @Schema(description = "大字模式：正文放大到 20 像素以上", requiredMode = Schema.RequiredMode.REQUIRED)
            Boolean largeText) {

        static StaffPreferences of(StaffPreferencesStore.Preferences stored) {
            return new StaffPreferences(stored.largeText());
        }
    }
}
