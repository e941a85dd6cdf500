package cn.nanning.civic.search.laws;

import cn.nanning.civic.common.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A whole article with its neighbours and where it leads, and a law's table of contents. */
@Singleton
class LawReading {

    private final LawTexts texts;
    private final LawVersions versions;
    private final CitingItems citing;

    LawReading(LawTexts texts, LawVersions versions, CitingItems citing) {
        this.texts = texts;
        this.versions = versions;
        this.citing = citing;
    }

    ArticleView article(String articleId) {
        LawTexts.Article a = texts.article(articleId).orElseThrow(() -> ProblemException.notFound("未找到该法条。"));
        LawTexts.Entry previous = null;
        LawTexts.Entry next = null;
        for (LawTexts.Entry e : texts.around(a.lawId(), a.ordinal())) {
            if (e.ordinal() == a.ordinal() - 1) {
                previous = e;
            } else if (e.ordinal() == a.ordinal() + 1) {
                next = e;
            }
        }
        Map<String, List<CitingItems.Item>> cited = a.no() == null ? Map.of()
                : citing.citing(List.of(new CitingItems.Cited(a.id(), a.title(), a.no())));
        LawRef law = lawRef(a.lawId(), a.title(), a.category(), a.effective(), a.status());
        return new ArticleView(a.id(), a.no(), a.ordinal(), a.text() == null ? "" : a.text(), headings(a.chapter()), law,
                neighbour(previous), neighbour(next), NextStep.of(List.of(a.id()), cited, Integer.MAX_VALUE));
    }

    LawContents law(String lawId) {
        Map<?, ?> doc = texts.law(lawId).orElseThrow(() -> ProblemException.notFound("未找到该法律法规。"));
        String title = String.valueOf(doc.get("title"));
        LawVersions.Standing standing = versions.standing(lawId, str(doc.get("status")));
        List<Section> sections = new ArrayList<>();
        List<LawTexts.Entry> entries = texts.contents(lawId);
        for (LawTexts.Entry e : entries) {
            String heading = e.chapter() == null || e.chapter().isBlank() ? null : e.chapter();
            if (sections.isEmpty() || !java.util.Objects.equals(sections.getLast().heading(), heading)) {
                sections.add(new Section(heading, headings(heading), new ArrayList<>()));
            }
            sections.getLast().articles().add(new ArticleEntry(e.id(), e.no(), e.ordinal()));
        }
        @SuppressWarnings("unchecked")
        List<String> history = doc.get("history") instanceof List<?> h ? (List<String>) h : List.of();
        return new LawContents(lawId, title, str(doc.get("category")), str(doc.get("region")), str(doc.get("issuer")),
                str(doc.get("promulgated")), str(doc.get("effective")), standing.status(), standing.statusLabel(),
                standing.note(), standing.currentLawId(), standing.repealedByLawId(),
                history, entries.size(), versions.othersOf(title, lawId), sections);
    }

    private LawRef lawRef(String lawId, String title, @Nullable String category, @Nullable String effective, @Nullable String indexStatus) {
        LawVersions.Standing standing = versions.standing(lawId, indexStatus);
        return new LawRef(lawId, title, category, effective, standing.status(), standing.statusLabel(), standing.note(),
                standing.currentLawId());
    }

    /** The corpus writes an article's place as "编 / 章" or "编 / 节" (a 节 without its 章 in some laws). */
    static List<String> headings(@Nullable String chapter) {
        if (chapter == null || chapter.isBlank()) {
            return List.of();
        }
        return Arrays.stream(chapter.split(" / ")).map(String::strip).filter(h -> !h.isEmpty()).toList();
    }

    private static @Nullable Neighbour neighbour(@Nullable LawTexts.Entry e) {
        return e == null ? null : new Neighbour(e.id(), e.no());
    }

    private static @Nullable String str(@Nullable Object value) {
        return value == null ? null : value.toString();
    }

    @Serdeable
    @Schema(description = "一条法律条文的全文，连同所属法规、位置、前后条和下一步")
    record ArticleView(
            @Schema(description = "条文编号") String articleId,
            @Schema(description = "条文序号，如“第三十条”") @Nullable String no,
            @Schema(description = "在法规中的位置，从 1 开始") int ordinal,
            @Schema(description = "条文全文") String text,
            @Schema(description = "所在的编、章、节标题，由大到小（法规库有的才有）") List<String> headings,
            @Schema(description = "所属法规") LawRef law,
            @Schema(description = "上一条；第一条没有") @Nullable Neighbour previous,
            @Schema(description = "下一条；最后一条没有") @Nullable Neighbour next,
            @Schema(description = "下一步：引用本条的服务事项，以及预约免费法律咨询、申请法律援助、找我村的服务点") List<NextStep> nextSteps) {
    }

    @Serdeable
    @Schema(description = "条文所属的法规（版本）")
    record LawRef(
            @Schema(description = "法规版本编号") String lawId,
            @Schema(description = "标题") String title,
            @Schema(description = "效力位阶") @Nullable String category,
            @Schema(description = "施行日期") @Nullable String effective,
            @Schema(description = "current 现行有效；historical 已被修改；repealed 已废止或已失效") String status,
            @Schema(description = "版本状态的中文名") String statusLabel,
            @Schema(description = "状态的依据") @Nullable String statusNote,
            @Schema(description = "有新版本时，现行版本的法规编号") @Nullable String currentLawId) {
    }

    @Serdeable
    @Schema(description = "相邻的条文")
    record Neighbour(
            @Schema(description = "条文编号") String articleId,
            @Schema(description = "条文序号") @Nullable String no) {
    }

    @Serdeable
    @Schema(description = "一部法规（一个版本）的基本信息和目录")
    record LawContents(
            @Schema(description = "法规版本编号") String lawId,
            @Schema(description = "标题") String title,
            @Schema(description = "效力位阶") @Nullable String category,
            @Schema(description = "地区（地方性法规）") @Nullable String region,
            @Schema(description = "制定机关") @Nullable String issuer,
            @Schema(description = "公布日期") @Nullable String promulgated,
            @Schema(description = "施行日期") @Nullable String effective,
            @Schema(description = "current 现行有效；historical 已被修改；repealed 已废止或已失效") String status,
            @Schema(description = "版本状态的中文名") String statusLabel,
            @Schema(description = "状态的依据") @Nullable String statusNote,
            @Schema(description = "有新版本时，现行版本的法规编号") @Nullable String currentLawId,
            @Schema(description = "废止它的法规的编号（法规库收录时）") @Nullable String repealedByLawId,
            @Schema(description = "制定和修改经过") List<String> history,
            @Schema(description = "条文数") int articleCount,
            @Schema(description = "同一标题的其他版本") List<LawSearchResults.OtherVersion> otherVersions,
            @Schema(description = "目录：按编、章、节分段，每段列出条文编号和序号（不含正文）") List<Section> contents) {
    }

    @Serdeable
    @Schema(description = "目录中的一段：一个章节标题和其下的条文")
    record Section(
            @Schema(description = "章节标题，如“总则 / 第一章 基本规定”；不分章的法规为空") @Nullable String heading,
            @Schema(description = "标题的各层，由大到小") List<String> headings,
            @Schema(description = "这一段的条文") List<ArticleEntry> articles) {
    }

    @Serdeable
    @Schema(description = "目录中的一条")
    record ArticleEntry(
            @Schema(description = "条文编号") String articleId,
            @Schema(description = "条文序号") @Nullable String no,
            @Schema(description = "在法规中的位置，从 1 开始") int ordinal) {
    }
}
