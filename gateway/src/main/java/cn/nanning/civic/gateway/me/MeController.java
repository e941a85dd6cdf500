package cn.nanning.civic.gateway.me;

import com.fasterxml.jackson.annotation.JsonInclude;
import cn.nanning.civic.gateway.accounts.Callers;
import cn.nanning.civic.gateway.accounts.CitizenAccounts;
import cn.nanning.civic.gateway.notifications.NotificationSettings;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * "Who am I" for the mini-program at launch. The gateway owns the account (bound phone) and the notices; the modules'
 * part (home village, volunteer standing, open items) comes from services' {@code GET /api/v1/me/summary}, which
 * composes it through each module's public api package. When services cannot answer, the account part is still
 * served with {@code complete: false}.
 */
@Controller("/api/v1/me")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "我的")
@SecurityRequirement(name = "bearerAuth")
class MeController {

    private final CitizenAccounts accounts;
    private final NotificationSettings notifications;
    private final ServicesSummary services;

    MeController(CitizenAccounts accounts, NotificationSettings notifications, ServicesSummary services) {
        this.accounts = accounts;
        this.notifications = notifications;
        this.services = services;
    }

    /** The bound phone, masked; {@code bound: false} and no number when none is bound. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Phone(boolean bound, @Nullable String masked, @Nullable Instant boundAt) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Me(String accountId, Phone phone,
              @Schema(description = "家乡村（社区）：code、name、townshipName、districtName", additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
              @Nullable Map<String, Object> homeRegion,
              @Schema(description = "志愿者概况：registered、starLevel、starLabel、confirmedHours、upcomingSignups", additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
              @Nullable Map<String, Object> volunteer,
              @Schema(description = "各项未办完的事项数", additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
              @Nullable Map<String, Object> openItems,
              NotificationSettings.Summary notifications, boolean complete) {
    }

    @Get
    @Operation(summary = "我是谁", description = "小程序启动时调用一次：手机号是否绑定（脱敏）、是否志愿者（星级与已确认时长）、"
            + "常住村（社区）代码与名称、各项在办事项数量、未读消息与订阅消息剩余次数。业务部分暂不可用时 complete 为 false，"
            + "其余照常返回。")
    Me me(Authentication authentication, HttpRequest<?> request) {
        UUID account = Callers.citizen(authentication, "这是市民本人的概况，工作人员账号没有。");
        Phone phone = accounts.phone(account).map(p -> new Phone(true, p.maskedPhone(), p.boundAt()))
                .orElse(new Phone(false, null, null));
        NotificationSettings.Summary notices = notifications.of(account);
        Optional<Map<String, Object>> summary = services.of(request);
        Map<String, Object> openItems = null;
        if (summary.isPresent() && summary.get().get("openItems") instanceof Map<?, ?> items) {
            openItems = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : items.entrySet()) {
                openItems.put(e.getKey().toString(), e.getValue());
            }
            openItems.put("unreadNotifications", notices.unread());
        }
        return new Me(account.toString(), phone, summary.map(s -> section(s.get("homeRegion"))).orElse(null),
                summary.map(s -> section(s.get("volunteer"))).orElse(null), openItems, notices, summary.isPresent());
    }

    private static Map<String, Object> section(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return null;
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k.toString(), v));
        return copy;
    }
}
