package cn.nanning.civic.search.catalogue;

import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** One page of catalogue search results. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(description = "服务事项检索结果（一页）")
record ServiceSearchResults(
        @Schema(description = "命中总数") long total,
        @Schema(description = "页码，从 0 开始") int page,
        @Schema(description = "每页条数") int size,
        List<ServiceHit> hits) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(description = "一条命中的服务事项")
    record ServiceHit(
            @Schema(description = "事项编码") String code,
            @Schema(description = "事项名称") String name,
            @Schema(description = "实施部门") @Nullable String department,
            @Schema(description = "是否可代办") boolean proxyAllowed,
            @Schema(description = "相关度得分；无关键词时为空") @Nullable Double score,
            @Schema(description = "按字段的高亮片段，命中词以 <em> 标出，其余文字已做 HTML 转义") Map<String, List<String>> highlights) {
    }
}
