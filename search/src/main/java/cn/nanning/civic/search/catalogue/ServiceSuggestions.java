package cn.nanning.civic.search.catalogue;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** Catalogue names and law titles offered while someone types. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(description = "输入提示：匹配的服务事项名称（suggestions）和法规标题（laws），各最多 10 条")
record ServiceSuggestions(String prefix, List<String> suggestions, List<String> laws) {
}
