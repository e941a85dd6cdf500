package cn.nanning.civic.search.laws;

import cn.nanning.civic.search.knowledge.KnowledgeBase;
import cn.nanning.civic.search.knowledge.KnowledgeEntry;
import cn.nanning.civic.search.knowledge.KnowledgeStore;
import cn.nanning.civic.search.knowledge.Topic;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.ArrayList;
import java.util.List;

/** One page of law search results: laws in order of their best article, each with its best articles. */
@Serdeable
@Schema(description = "法律法规检索结果（一页，按法规分组）")
record LawSearchResults(
        @Schema(description = "最相关的 200 条条文所属的法规（版本）数；无关键词浏览时为全部命中法规数") long total,
        @Schema(description = "命中的条文数") long articles,
        @Schema(description = "页码，从 0 开始") int page,
        @Schema(description = "每页法规数") int size,
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(description = "与问题相近的常见问题的通俗解答和下一步（最相近的在前；只在第一页；没有足够相近的为空）") List<Answer> answers,
        List<LawHit> laws) {

    @Serdeable
    @Schema(description = "常见问题的通俗解答：相近的问法、解答、下一步和所依据的条文")
    record Answer(
            @Schema(description = "知识库条目编号") String id,
            @Schema(description = "主题代码") String topic,
            @Schema(description = "主题名称") String topicLabel,
            @Schema(description = "知识库中与问题最相近的问法") String question,
            @Schema(description = "通俗解答") String answer,
            @Schema(description = "下一步：预约律师咨询、申请法律援助或办理服务事项") KnowledgeEntry.NextStep nextStep,
            @Schema(description = "所依据的条文") List<AnswerArticle> articles,
            @Schema(description = "相近程度") double score,
            @Schema(description = "下一步，依次为：本条解答的下一步，再加预约免费法律咨询、申请法律援助、找我村的服务点中它没有的") List<NextStep> nextSteps) {

        static Answer of(KnowledgeBase.Match match) {
            KnowledgeEntry e = match.known().entry();
            List<AnswerArticle> articles = new ArrayList<>();
            for (int i = 0; i < e.articles().size(); i++) {
                KnowledgeEntry.ArticleRef ref = e.articles().get(i);
                KnowledgeStore.ArticleDoc doc = i < match.known().articles().size() ? match.known().articles().get(i) : null;
                articles.add(new AnswerArticle(ref.lawId(), ref.law(), ref.no(), doc == null ? null : doc.id()));
            }
            List<NextStep> steps = new ArrayList<>();
            KnowledgeEntry.NextStep own = e.nextStep();
            if (own != null) {
                steps.add(new NextStep(own.kind(), own.label(), own.catalogueItem(), null));
            }
            NextStep.ALWAYS.stream().filter(s -> own == null || !s.kind().equals(own.kind())).forEach(steps::add);
            return new Answer(e.id(), e.topic(), Topic.of(e.topic()).map(Topic::label).orElse(e.topic()), match.phrasing(),
                    e.answer(), e.nextStep(), List.copyOf(articles), Math.round(match.score() * 1000) / 1000.0, List.copyOf(steps));
        }
    }

    @Serdeable
    @Schema(description = "解答所依据的条文")
    record AnswerArticle(
            @Schema(description = "法规版本编号") String lawId,
            @Schema(description = "法规标题") String title,
            @Schema(description = "条文序号") String no,
            @Schema(description = "条文编号；检索库中没有时为空") @Nullable String articleId) {
    }

    @Serdeable
    @Schema(description = "一部法规（一个版本）及其最相关的条文")
    record LawHit(
            @Schema(description = "法规版本编号") String lawId,
            @Schema(description = "标题") String title,
            @Schema(description = "效力位阶，如“法律”“行政法规”“司法解释”") @Nullable String category,
            @Schema(description = "地区（地方性法规）") @Nullable String region,
            @Schema(description = "制定机关") @Nullable String issuer,
            @Schema(description = "公布日期") @Nullable String promulgated,
            @Schema(description = "施行日期") @Nullable String effective,
            @Schema(description = "current 现行有效；historical 已被修改（有新版本）；repealed 已废止或已失效") String status,
            @Schema(description = "版本状态的中文名：现行有效、已被修改、已废止、已失效") String statusLabel,
            @Schema(description = "状态的依据，如“已由《中华人民共和国噪声污染防治法》废止（2022-06-05 起）”") @Nullable String statusNote,
            @Schema(description = "有新版本时，现行版本的法规编号") @Nullable String currentLawId,
            @Schema(description = "相关度得分（最相关条文的得分）") @Nullable Double score,
            List<ArticleHit> articles,
            @Schema(description = "同一标题的其他版本（历史版本归在现行版本之下，不再单列一条）") List<OtherVersion> otherVersions,
            @Schema(description = "下一步：引用这些条文的服务事项，以及预约免费法律咨询、申请法律援助、找我村的服务点") List<NextStep> nextSteps) {

        LawHit withSteps(List<NextStep> steps) {
            return new LawHit(lawId, title, category, region, issuer, promulgated, effective, status, statusLabel, statusNote,
                    currentLawId, score, articles, otherVersions, steps);
        }
    }

    @Serdeable
    @Schema(description = "同一法规的另一个版本")
    record OtherVersion(
            @Schema(description = "法规版本编号") String lawId,
            @Schema(description = "标题") String title,
            @Schema(description = "current 现行有效；historical 已被修改；repealed 已废止或已失效") String status,
            @Schema(description = "版本状态的中文名") String statusLabel,
            @Schema(description = "施行日期（没有时为公布日期）") @Nullable String effectiveOn) {

        static OtherVersion of(LawVersions.Version v) {
            return new OtherVersion(v.lawId(), v.title(), v.status(), v.statusLabel(), v.date());
        }
    }

    @Serdeable
    @Schema(description = "一条命中的条文")
    record ArticleHit(
            @Schema(description = "条文编号（GET /api/v1/search/law-articles/{articleId} 读全文）") String articleId,
            @Schema(description = "条文序号，如“第四十五条”") String no,
            @Schema(description = "所在章节") @Nullable String chapter,
            @Schema(description = "在法规中的位置，从 1 开始") int ordinal,
            @Schema(description = "相关度得分") @Nullable Double score,
            @Schema(description = "高亮片段，命中词以 <em> 标出，其余文字已做 HTML 转义") List<String> snippets) {
    }
}
