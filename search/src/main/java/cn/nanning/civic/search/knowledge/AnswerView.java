package cn.nanning.civic.search.knowledge;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.ArrayList;
import java.util.List;

/** A knowledge-base entry as the API shows it: the entry, its topic's name, where it comes from, its articles' ids. */
@Serdeable
@Schema(description = "常见法律问题知识库条目")
public record AnswerView(
        @Schema(description = "条目编号") String id,
        @Schema(description = "主题代码") String topic,
        @Schema(description = "主题名称") String topicLabel,
        @Schema(description = "群众的几种问法") List<String> questions,
        @Schema(description = "回答这个问题的条文") List<Article> articles,
        @Schema(description = "一段通俗的解答") String answer,
        @Schema(description = "下一步") KnowledgeEntry.NextStep nextStep,
        @Schema(description = "bundled 随版本发布；admin 由管理员添加或替换") String origin) {

    @Serdeable
    @Schema(description = "条文")
    public record Article(
            @Schema(description = "法规标题") String law,
            @Schema(description = "法规版本编号") String lawId,
            @Schema(description = "条文序号") String no,
            @Schema(description = "条文编号（可用于 /api/v1/search/law-articles/{articleId}/services）；检索库中没有时为空") @Nullable String articleId) {
    }

    static AnswerView of(KnowledgeBase.Known known) {
        KnowledgeEntry e = known.entry();
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < e.articles().size(); i++) {
            KnowledgeEntry.ArticleRef ref = e.articles().get(i);
            KnowledgeStore.ArticleDoc doc = i < known.articles().size() ? known.articles().get(i) : null;
            articles.add(new Article(ref.law(), ref.lawId(), ref.no(), doc == null ? null : doc.id()));
        }
        return new AnswerView(e.id(), e.topic(), Topic.of(e.topic()).map(Topic::label).orElse(e.topic()), e.questions(),
                articles, e.answer(), e.nextStep(), known.origin());
    }
}
