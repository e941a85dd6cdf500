package cn.nanning.civic.kernel.homeregion;

import cn.nanning.civic.common.identity.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The citizen's home village, kept on the server (the mini-program shows it on every device). */
@Controller("/api/v1/me/home-region")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "me", description = "我的")
class HomeRegionController {

    private final HomeRegions homeRegions;

    HomeRegionController(HomeRegions homeRegions) {
        this.homeRegions = homeRegions;
    }

    @Serdeable
    record HomeRegionChange(@Nullable String regionCode) {
    }

    @Put
    @Operation(summary = "设置我的常住村（社区）", description = "regionCode 为 12 位村（社区）区划代码；返回村名及所属乡镇街道、县区名称。")
    HomeRegions.HomeRegion set(@Body HomeRegionChange change, Authentication authentication) {
        return homeRegions.set(Caller.from(authentication), change.regionCode());
    }
}
