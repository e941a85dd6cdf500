package cn.nanning.civic.search.catalogue;

import cn.nanning.civic.common.paging.Paging;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.search.laws.LawTitleSuggestions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Public search over the service catalogue (also reached through the gateway at the same path). */
@Controller("/api/v1/search/services")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "服务事项检索")
class ServiceSearchController {

    static final int MAX_SIZE = 50;
    static final int MAX_QUERY_LENGTH = 200;
    /** The floor under service hits (scores of an item about the words run ~8–40; see EverydayServiceSearchTest). */
    static final String DEFAULT_MIN_SCORE = "3";
    static final double MAX_MIN_SCORE = 100;
    /** Elasticsearch's default index.max_result_window. */
    static final int MAX_WINDOW = 10_000;

    private final CatalogueSearch search;
    private final LawTitleSuggestions lawTitles;

    ServiceSearchController(CatalogueSearch search, LawTitleSuggestions lawTitles) {
        this.search = search;
        this.lawTitles = lawTitles;
    }

    @Get
    @Operation(summary = "按关键词检索服务事项", description = "在事项名称（加权）、受理条件、申请材料和设定依据中检索，可按实施部门、实施层级和是否可代办筛选；结果带高亮片段。")
    ServiceSearchResults search(
            @Parameter(description = "关键词，如“失业保险金 申领”；为空时按编码列出") @Nullable @QueryValue String q,
            @Parameter(description = "实施部门（精确匹配）") @Nullable @QueryValue String department,
            @Parameter(description = "实施层级（精确匹配），如“县级”“乡镇（街道）级”") @Nullable @QueryValue String implementingLevel,
            @Parameter(description = "只看可代办（true）或不可代办（false）的事项") @Nullable @QueryValue Boolean proxyAllowed,
            @Parameter(description = "页码，从 0 开始") @QueryValue(defaultValue = "0") int page,
            @Parameter(description = "每页条数，1–50") @QueryValue(defaultValue = "10") int size,
            @Parameter(description = "最低相关度得分，0–100；低于它的命中（只沾上一两个字的）不返回，也不计入总数。默认 " + DEFAULT_MIN_SCORE)
            @QueryValue(defaultValue = DEFAULT_MIN_SCORE) double minScore) {
        Paging.offset(page, size, MAX_SIZE, MAX_WINDOW);
        if (q != null && q.length() > MAX_QUERY_LENGTH) {
            throw ProblemException.invalidField("q", "关键词不能超过 " + MAX_QUERY_LENGTH + " 个字。");
        }
        if (!(minScore >= 0 && minScore <= MAX_MIN_SCORE)) {
            throw ProblemException.invalidField("minScore", "最低相关度得分须在 0 到 " + (int) MAX_MIN_SCORE + " 之间。");
        }
        return search.search(q, department, implementingLevel, proxyAllowed, page, size, minScore);
    }

    @Get("/suggest")
    @Operation(summary = "输入提示", description = "返回以输入内容开头或包含输入内容的服务事项名称和法规标题，各最多 10 条。")
    ServiceSuggestions suggest(@Parameter(description = "已输入的文字") @Nullable @QueryValue String prefix) {
        if (prefix != null && prefix.length() > MAX_QUERY_LENGTH) {
            throw ProblemException.invalidField("prefix", "输入内容不能超过 " + MAX_QUERY_LENGTH + " 个字。");
        }
        return new ServiceSuggestions(prefix == null ? "" : prefix.strip(), search.suggest(prefix), lawTitles.suggest(prefix));
    }
}
