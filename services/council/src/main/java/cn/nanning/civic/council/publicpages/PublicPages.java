package cn.nanning.civic.council.publicpages;

import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.council.councils.Council;
import cn.nanning.civic.council.councils.CouncilViews;
import cn.nanning.civic.council.councils.Councils;
import cn.nanning.civic.council.decisions.DecisionViews;
import cn.nanning.civic.council.decisions.Decisions;
import cn.nanning.civic.council.decisions.ProgressPhotos;
import cn.nanning.civic.kernel.documents.DocumentTypes;
import io.micronaut.http.HttpResponse;
import cn.nanning.civic.council.meetings.MeetingViews;
import cn.nanning.civic.council.meetings.Meetings;
import cn.nanning.civic.council.opinions.OpinionViews;
import cn.nanning.civic.council.opinions.Opinions;
import cn.nanning.civic.council.topics.TopicViews;
import cn.nanning.civic.council.topics.Topics;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What anyone may read without signing in: a council's charter, representatives, open topics and triage reasons,
 * and every decision from the moment its resolution is published, with the full step register and progress history.
 * Nothing here names a staff account; offline residents' names stay masked.
 */
@Controller("/api/v1/council/public")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "council-public", description = "老友议事会公开页面（无需登录）：议题、决议与实施结果公开")
class PublicPages {

    private final Councils councils;
    private final Topics topics;
    private final Decisions decisions;
    private final Opinions opinions;
    private final Meetings meetings;
    private final ProgressPhotos photos;

    PublicPages(Councils councils, Topics topics, Decisions decisions, Opinions opinions, Meetings meetings, ProgressPhotos photos) {
        this.photos = photos;
        this.meetings = meetings;
        this.opinions = opinions;
        this.councils = councils;
        this.topics = topics;
        this.decisions = decisions;
    }

    @Serdeable
    record PublicRepresentative(String name, @Nullable String duty, String term) {
    }

    @Serdeable
    record CouncilPage(UUID id, String regionCode, @Nullable String regionName, String name, String charter, String rules,
                       List<PublicRepresentative> representatives, List<String> conveners,
                       List<TopicViews.TopicView> openTopics, List<TopicViews.TopicView> closedTopics,
                       List<DecisionViews.DecisionSummary> resolutions, List<MeetingViews.MeetingView> upcomingMeetings,
                       List<TopicViews.HiddenTopic> hiddenTopics) {
    }

    @Get("/councils")
    @Operation(summary = "某地的老友议事会", description = "按县（区）、乡镇（街道）或村（社区）区划代码前缀查询，含征集中的议题和已公开的决议。")
    List<CouncilViews.PublicListing> search(@QueryValue String region) {
        return councils.publicListing(region);
    }

    @Get("/councils/{id}")
    @Operation(summary = "议事会公开页", description = "被隐藏的议题只显示日期和公开理由。")
    @Transactional
    CouncilPage page(@PathVariable UUID id) {
        Council c = councils.require(id);
        List<PublicRepresentative> reps = councils.representatives(id).stream().filter(CouncilViews.RepresentativeView::inTerm)
                .map(r -> new PublicRepresentative(r.name(), r.duty(), r.termStart() + " 至 " + r.termEnd())).toList();
        List<String> conveners = councils.conveners(id).stream().map(CouncilViews.ConvenerView::displayName).toList();
        List<TopicViews.TopicView> open = Stream.concat(topics.ofCouncil(id, "OPEN", 100).stream(),
                topics.ofCouncil(id, "ACCEPTED", 100).stream()).toList();
        List<TopicViews.TopicView> closed = Stream.concat(topics.ofCouncil(id, "MERGED", 50).stream(),
                topics.ofCouncil(id, "DECLINED", 50).stream()).toList();
        return new CouncilPage(c.id(), c.regionCode(), councils.regionName(c.regionCode()).orElse(null), c.name(), c.charter(),
                Councils.rulesLabel(c), reps, conveners, open, closed, decisions.ofCouncil(id, true, 100),
                meetings.ofCouncil(id, true), topics.hiddenOf(id, 50));
    }

    @Get("/decisions/{id}")
    @Operation(summary = "已公开的决议事项", description = "含决议、完整的四议登记和实施进程；resolution 为公开的决议内容 {content, publishedAt}（决议公开前没有该字段）。")
    @Transactional
    DecisionViews.DecisionView decision(@PathVariable UUID id) {
        if (!decisions.isPublished(id)) {
            throw ProblemException.notFound("没有找到已公开的决议。");
        }
        return decisions.find(id);
    }

    @Get("/decisions/{id}/photos/{photoId}")
    @Operation(summary = "决议事项的进展照片", description = "JPG 或 PNG，已去除元数据。")
    HttpResponse<byte[]> photo(@PathVariable UUID id, @PathVariable UUID photoId) {
        ProgressPhotos.Photo photo = photos.publicPhoto(id, photoId);
        return HttpResponse.ok(photo.content())
                .contentType(photo.contentType())
                .header("Content-Disposition", "inline; filename=\"photo" + DocumentTypes.extension(photo.contentType()) + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Cache-Control", "public, max-age=3600");
    }

    @Get("/topics/{id}/opinions")
    @Operation(summary = "议题已公开的意见", description = "不含被隐藏和待审核的意见；议题被隐藏时答 404。")
    List<OpinionViews.OpinionView> opinions(@PathVariable UUID id) {
        return opinions.ofTopic(id, null);
    }
}
