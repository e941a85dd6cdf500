package cn.nanning.civic.search.laws;

import cn.nanning.civic.common.problem.Problem;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Reading the law: a whole article with its neighbours, a law's table of contents. Public, like the search. */
@Controller("/api/v1/search")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "法律法规检索")
class LawReadingController {

    private final LawReading reading;

    LawReadingController(LawReading reading) {
        this.reading = reading;
    }

    @Get("/law-articles/{articleId}")
    @Operation(summary = "读一条法条全文", description = "条文全文、所属法规及其版本状态（现行有效、已被修改、已废止）、所在编章节、上一条和下一条，以及下一步（引用本条的服务事项、预约免费法律咨询、申请法律援助、找我村的服务点）。")
    @ApiResponse(responseCode = "200", description = "条文全文", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "没有这个条文编号", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "503", description = "检索服务暂时不可用", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    LawReading.ArticleView article(@PathVariable String articleId) {
        return reading.article(articleId);
    }

    @Get("/laws/{lawId}")
    @Operation(summary = "一部法规的目录", description = "法规的基本信息、版本状态（有新版本时给出现行版本编号）、其他版本和目录：按编章节分段的条文编号和序号，不含正文。")
    @ApiResponse(responseCode = "200", description = "法规信息和目录", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "没有这个法规编号", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "503", description = "检索服务暂时不可用", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    LawReading.LawContents law(@PathVariable String lawId) {
        return reading.law(lawId);
    }
}
