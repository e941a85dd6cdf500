package cn.nanning.civic.council.subscriptions;

import cn.nanning.civic.common.identity.Caller;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.UUID;

@Controller("/api/v1/council/councils/{councilId}/subscription")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "council-subscriptions", description = "订阅议事会的决议与实施结果公开通知")
class SubscriptionController {

    private final Subscriptions subscriptions;

    SubscriptionController(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Get
    @Operation(summary = "是否已关注议事会", description = "本人是否已订阅该议事会的公开信息。")
    Subscriptions.SubscriptionView status(@PathVariable UUID councilId, Authentication authentication) {
        return subscriptions.status(Caller.from(authentication), councilId);
    }

    @Put
    @Operation(summary = "关注议事会", description = "订阅决议公开和实施结果公开的通知；限市民，可重复调用。")
    Subscriptions.SubscriptionView subscribe(@PathVariable UUID councilId, Authentication authentication) {
        return subscriptions.subscribe(Caller.from(authentication), councilId, true);
    }

    @Delete
    @Operation(summary = "取消关注", description = "不再接收通知；可重复调用。")
    Subscriptions.SubscriptionView unsubscribe(@PathVariable UUID councilId, Authentication authentication) {
        return subscriptions.subscribe(Caller.from(authentication), councilId, false);
    }
}
