package cn.nanning.civic.search.laws;

import cn.nanning.civic.common.paging.Paging;
import cn.nanning.civic.common.problem.ProblemException;
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

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Public search over laws, article by article, grouped by law (also reached through the gateway at the same path). */
@Controller("/api/v1/search/laws")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "法律法规检索")
class LawSearchController {

    static final int MAX_SIZE = 50;
    static final int MAX_PER_LAW = 10;
    static final int MAX_QUERY_LENGTH = 200;
    /** Elasticsearch's default index.max_result_window. */
    static final int MAX_WINDOW = 10_000;

    private final LawSearch search;

    LawSearchController(LawSearch search) {
        this.search = search;
    }

    @Get
    @Operation(summary = "按问题或关键词检索法律条文", description = "在条文正文和法规标题中检索，按法规分组返回最相关的条文及高亮片段；现行有效版本排在历史版本之前；同一标题只出现一次，其他版本列在 otherVersions 中；每部法规带版本状态（现行有效、已被修改、已废止）和下一步。可按效力位阶、地区、制定机关、版本状态和施行日期筛选。")
    LawSearchResults search(
            @Parameter(description = "问题或关键词，如“老板拖欠工资怎么办”") @Nullable @QueryValue String q,
            @Parameter(description = "效力位阶（精确匹配），如“法律”“行政法规”“司法解释”“地方性法规”") @Nullable @QueryValue String category,
            @Parameter(description = "地区（精确匹配，地方性法规）") @Nullable @QueryValue String region,
            @Parameter(description = "制定机关（精确匹配）") @Nullable @QueryValue String issuer,
            @Parameter(description = "current 只看现行有效的；historical 只看已被修改的历史版本；repealed 只看已废止或已失效的") @Nullable @QueryValue String status,
            @Parameter(description = "施行日期不早于（yyyy-MM-dd）") @Nullable @QueryValue String effectiveFrom,
            @Parameter(description = "施行日期不晚于（yyyy-MM-dd）") @Nullable @QueryValue String effectiveTo,
            @Parameter(description = "页码，从 0 开始") @QueryValue(defaultValue = "0") int page,
            @Parameter(description = "每页法规数，1–50") @QueryValue(defaultValue = "10") int size,
            @Parameter(description = "每部法规返回的条文数，1–10") @QueryValue(defaultValue = "3") int perLaw) {
        Paging.offset(page, size, MAX_SIZE, MAX_WINDOW);
        if (perLaw < 1 || perLaw > MAX_PER_LAW) {
            throw ProblemException.invalidField("perLaw", "每部法规返回的条文数须在 1 到 " + MAX_PER_LAW + " 之间。");
        }
        if (q != null && q.length() > MAX_QUERY_LENGTH) {
            throw ProblemException.invalidField("q", "关键词不能超过 " + MAX_QUERY_LENGTH + " 个字。");
        }
        if (status != null && !status.isBlank() && !LawStatus.CURRENT.equals(status.strip()) && !LawStatus.HISTORICAL.equals(status.strip())
                && !LawVersions.REPEALED.equals(status.strip())) {
            throw ProblemException.invalidField("status", "版本状态只能是 current（现行有效）、historical（已被修改）或 repealed（已废止）。");
        }
        LawSearch.Filters filters = new LawSearch.Filters(category, region, issuer,
                status == null || status.isBlank() ? null : status.strip(),
                date("effectiveFrom", effectiveFrom), date("effectiveTo", effectiveTo));
        return search.search(q, filters, page, size, perLaw);
    }

    private static @Nullable LocalDate date(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "日期格式应为 yyyy-MM-dd，例如 2021-01-01。");
        }
    }
}
