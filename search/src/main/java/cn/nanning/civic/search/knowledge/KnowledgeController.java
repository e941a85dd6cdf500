package cn.nanning.civic.search.knowledge;

import cn.nanning.civic.common.problem.Problem;
import cn.nanning.civic.common.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The everyday legal-questions knowledge base: anyone reads it (it is the plain answers law search shows);
 * administrators add or replace an entry (stored in Elasticsearch, seen by every search instance within 30 s, at
 * once on this one) and retire one.
 */
@Controller("/api/v1/search/law-answers")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "常见法律问题知识库")
class KnowledgeController {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeController.class);
    static final Pattern ID = Pattern.compile("^[a-z][a-z0-9]*(-[a-z0-9]+)+$");
    static final Pattern LAW_ID = Pattern.compile("^[0-9a-f]{32}$");
    static final Pattern CATALOGUE_ITEM = Pattern.compile("^NN-[A-Z]{2}-[0-9]{3}$");
    static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    static final Set<String> KINDS = Set.of("CONSULTATION", "LEGAL_AID", "CATALOGUE_ITEM");
    static final Set<String> CASE_TYPES = Set.of("STATE_COMPENSATION", "SOCIAL_INSURANCE_OR_ASSISTANCE", "SURVIVOR_PENSION",
            "MAINTENANCE", "LABOUR", "CIVIL_CAPACITY", "PERSONAL_INJURY", "ENVIRONMENTAL_DAMAGE", "OTHER");

    private final KnowledgeBase knowledge;
    private final KnowledgeStore store;

    KnowledgeController(KnowledgeBase knowledge, KnowledgeStore store) {
        this.knowledge = knowledge;
        this.store = store;
    }

    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "列出知识库条目", description = "可按主题筛选；包括随版本发布的条目和管理员添加、替换的条目。")
    List<AnswerView> list(@Parameter(description = "主题代码，如 wages") @Nullable @QueryValue String topic) {
        if (topic != null && !topic.isBlank() && Topic.of(topic.strip()).isEmpty()) {
            throw ProblemException.invalidField("topic", "没有这个主题。");
        }
        return knowledge.snapshot().entries().stream()
                .filter(k -> topic == null || topic.isBlank() || k.entry().topic().equals(topic.strip()))
                .map(AnswerView::of).toList();
    }

    @Get("/{id}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "查看一个知识库条目")
    AnswerView get(@PathVariable String id) {
        return knowledge.find(id).map(AnswerView::of).orElseThrow(() -> ProblemException.notFound("知识库中没有这个条目。"));
    }

    @Put("/{id}")
    @Secured("ADMIN")
    @Operation(summary = "添加或替换一个知识库条目（管理员）", description = "条文须在法规检索库中存在；替换随版本发布的同编号条目。保存后本实例立即生效，其他实例 30 秒内生效。")
    AnswerView put(@PathVariable String id, @Body KnowledgeEntry entry, Authentication caller) {
        validate(id, entry);
        store.put(entry, caller.getName());
        knowledge.rebuild();
        LOG.info("Knowledge-base entry {} saved by {}", id, caller.getName());
        return knowledge.find(id).map(AnswerView::of).orElseThrow(() -> ProblemException.notFound("知识库中没有这个条目。"));
    }

    @Delete("/{id}")
    @Secured("ADMIN")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "停用一个知识库条目（管理员）", description = "随版本发布的条目也会被停用，直到管理员再次保存同编号条目。")
    void retire(@PathVariable String id, Authentication caller) {
        if (knowledge.find(id).isEmpty()) {
            throw ProblemException.notFound("知识库中没有这个条目。");
        }
        store.retire(id, caller.getName());
        knowledge.rebuild();
        LOG.info("Knowledge-base entry {} retired by {}", id, caller.getName());
    }

    /** Every rule of knowledge/everyday-questions.schema.json, with Chinese messages, plus: the articles exist. */
    void validate(String id, KnowledgeEntry entry) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (entry == null) {
            throw ProblemException.badRequest("validation", "请提交条目内容。");
        }
        if (!id.equals(entry.id())) {
            errors.add(new Problem.FieldError("id", "条目编号须与地址中的编号一致。"));
        }
        if (!ID.matcher(id).matches() || id.length() > 80) {
            errors.add(new Problem.FieldError("id", "条目编号须为小写英文词，用连字符相连，如 wages-arrears-complaint。"));
        }
        if (entry.topic() == null || Topic.of(entry.topic()).isEmpty()) {
            errors.add(new Problem.FieldError("topic", "请选择一个已有的主题。"));
        }
        if (entry.questions().size() < 2 || entry.questions().size() > 12) {
            errors.add(new Problem.FieldError("questions", "请填写 2 到 12 种问法。"));
        }
        for (int i = 0; i < entry.questions().size(); i++) {
            String q = entry.questions().get(i);
            if (q == null || q.strip().length() < 4 || q.strip().length() > 60 || !HAN.matcher(q).find()) {
                errors.add(new Problem.FieldError("questions[" + i + "]", "每种问法须为 4 到 60 个字的中文。"));
            }
        }
        if (entry.questions().stream().distinct().count() != entry.questions().size()) {
            errors.add(new Problem.FieldError("questions", "问法不能重复。"));
        }
        if (entry.articles().isEmpty() || entry.articles().size() > 6) {
            errors.add(new Problem.FieldError("articles", "请填写 1 到 6 条回答这个问题的条文。"));
        }
        List<KnowledgeEntry.ArticleRef> wellFormed = new ArrayList<>();
        for (int i = 0; i < entry.articles().size(); i++) {
            KnowledgeEntry.ArticleRef ref = entry.articles().get(i);
            if (ref == null || ref.lawId() == null || !LAW_ID.matcher(ref.lawId()).matches() || ref.no() == null || ref.no().isBlank()
                    || ref.law() == null || ref.law().isBlank()) {
                errors.add(new Problem.FieldError("articles[" + i + "]", "条文须写明法规标题、法规版本编号（32 位）和条文序号。"));
            } else {
                wellFormed.add(ref);
            }
        }
        if (!wellFormed.isEmpty()) {
            Map<String, KnowledgeStore.ArticleDoc> found = store.articles(knowledge.articlesIndex(), wellFormed);
            for (int i = 0; i < entry.articles().size(); i++) {
                KnowledgeEntry.ArticleRef ref = entry.articles().get(i);
                if (!wellFormed.contains(ref)) {
                    continue;
                }
                KnowledgeStore.ArticleDoc doc = found.get(KnowledgeStore.key(ref.lawId(), ref.no()));
                if (doc == null) {
                    errors.add(new Problem.FieldError("articles[" + i + "]", "法规检索库中没有" + ref.law() + ref.no() + "。"));
                } else if (!ref.law().equals(String.valueOf(doc.fields().get("title")))) {
                    errors.add(new Problem.FieldError("articles[" + i + "]", "法规版本编号对应的标题是" + doc.fields().get("title") + "。"));
                }
            }
        }
        if (entry.answer() == null || entry.answer().strip().length() < 20 || entry.answer().strip().length() > 400) {
            errors.add(new Problem.FieldError("answer", "解答须为 20 到 400 个字。"));
        }
        KnowledgeEntry.NextStep step = entry.nextStep();
        if (step == null || step.kind() == null || !KINDS.contains(step.kind())) {
            errors.add(new Problem.FieldError("nextStep.kind", "下一步须为预约咨询、申请法律援助或办理服务事项之一。"));
        } else {
            if (step.label() == null || step.label().strip().length() < 2 || step.label().strip().length() > 40) {
                errors.add(new Problem.FieldError("nextStep.label", "下一步的说明须为 2 到 40 个字。"));
            }
            if ("CATALOGUE_ITEM".equals(step.kind()) && (step.catalogueItem() == null || !CATALOGUE_ITEM.matcher(step.catalogueItem()).matches())) {
                errors.add(new Problem.FieldError("nextStep.catalogueItem", "请填写服务事项编码，如 NN-LD-001。"));
            }
            if ("LEGAL_AID".equals(step.kind()) && (step.caseType() == null || !CASE_TYPES.contains(step.caseType()))) {
                errors.add(new Problem.FieldError("nextStep.caseType", "请选择法律援助事项类别。"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", null, "知识库条目有 " + errors.size() + " 处需要修改。", errors);
        }
    }
}
