package cn.nanning.civic.search.knowledge;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * One everyday legal question of the knowledge base: how residents phrase it, the articles that answer it (named as
 * laws.jsonl.gz names them), a plain answer and the next step. The format of {@code knowledge/everyday-questions.jsonl}
 * (schema {@code knowledge/everyday-questions.schema.json}) and of the administrators' API.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "常见法律问题知识库条目")
public record KnowledgeEntry(
        @Schema(description = "条目编号，小写英文词以连字符相连，如 wages-arrears-complaint") String id,
        @Schema(description = "主题代码，如 wages、marriage、rural-land") String topic,
        @Schema(description = "群众的几种问法") List<String> questions,
        @Schema(description = "回答这个问题的条文") List<ArticleRef> articles,
        @Schema(description = "一段通俗的解答") String answer,
        @Schema(description = "下一步可以做什么") NextStep nextStep) {

    public KnowledgeEntry {
        questions = questions == null ? List.of() : List.copyOf(questions);
        articles = articles == null ? List.of() : List.copyOf(articles);
    }

    /** An article as laws.jsonl.gz names it: the law version's id and title and the article number (第三十条). */
    @Serdeable
    @Schema(description = "法规条文")
    public record ArticleRef(
            @Schema(description = "法规标题") String law,
            @Schema(description = "法规版本编号") String lawId,
            @Schema(description = "条文序号，如“第三十条”") String no) {
    }

    /** What the resident can do next: book a free consultation, apply for legal aid, or use a catalogue item. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "下一步")
    public record NextStep(
            @Schema(description = "CONSULTATION 预约律师咨询；LEGAL_AID 申请法律援助；CATALOGUE_ITEM 办理服务事项") String kind,
            @Schema(description = "给群众看的一句话，如“申请法律援助”") String label,
            @Schema(description = "服务事项编码，如 NN-LD-001") @Nullable String catalogueItem,
            @Schema(description = "法律援助事项类别（申请法律援助时），如 LABOUR") @Nullable String caseType) {
    }
}
