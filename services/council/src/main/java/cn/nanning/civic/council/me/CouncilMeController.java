package cn.nanning.civic.council.me;

import com.fasterxml.jackson.annotation.JsonInclude;
import cn.nanning.civic.common.identity.Caller;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** A resident's own part in 老友议事会, in one call, so the council pages can mark what is theirs. */
@Controller("/api/v1/council/me")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "council", description = "老友议事会")
class CouncilMeController {

    private final CouncilMeStore store;

    CouncilMeController(CouncilMeStore store) {
        this.store = store;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Mine(List<CouncilMeStore.MyTopic> topics, List<CouncilMeStore.MySupport> supports,
                List<CouncilMeStore.MyOpinion> opinions, List<CouncilMeStore.MyMeeting> meetingRegistrations,
                List<CouncilMeStore.MySubscription> subscriptions) {
    }

    @Get
    @Transactional(readOnly = true)
    @Operation(summary = "我在议事会", description = "本人提出的议题、支持过的议题、发表的意见（含审核状态与隐藏理由）、报名的会议与关注的议事会；"
            + "每类最多返回最近 50 条。")
    Mine mine(Authentication authentication) {
        String account = Caller.from(authentication).accountId();
        return new Mine(store.topics(account), store.supports(account), store.opinions(account), store.meetings(account),
                store.subscriptions(account));
    }
}
