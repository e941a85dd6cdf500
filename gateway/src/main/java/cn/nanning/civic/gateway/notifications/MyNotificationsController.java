package cn.nanning.civic.gateway.notifications;

import com.fasterxml.jackson.annotation.JsonInclude;
import cn.nanning.civic.gateway.accounts.Callers;
import cn.nanning.civic.common.paging.Paging;
import cn.nanning.civic.common.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The citizen's in-app notices and subscribe-message settings. Notices are kept whatever WeChat does with them; the
 * templates list tells the mini-program which ids to ask wx.requestSubscribeMessage for, and the answers it posts
 * decide how many WeChat messages the platform may still send per template.
 */
@Controller("/api/v1/me")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "我的消息")
@SecurityRequirement(name = "bearerAuth")
class MyNotificationsController {

    static final int MAX_PAGE_SIZE = 50;

    private final NotificationInbox inbox;
    private final NotificationConsents consents;
    private final NotificationTemplates templates;
    private final JsonMapper json;

    MyNotificationsController(NotificationInbox inbox, NotificationConsents consents, NotificationTemplates templates, JsonMapper json) {
        this.inbox = inbox;
        this.consents = consents;
        this.templates = templates;
        this.json = json;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record NoticePage(List<NotificationInbox.Notice> items, int page, int size, long total, long unread) {
    }

    @Serdeable
    record TemplateView(String key, String templateId, String title, String purpose, int remaining) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TemplateList(List<TemplateView> items) {
    }

    @Serdeable
    record Answer(@Nullable String templateId, @Nullable Boolean accepted) {
    }

    @Serdeable
    record Answers(@Nullable List<Answer> results) {
    }

    @Get("/notifications{?unread,page,size}")
    @Operation(summary = "我的消息", description = "站内消息，最新的在前；unread=true 只看未读。每条消息无论微信是否送达都会保存。"
            + "size 为 1 到 50。")
    NoticePage notifications(@Nullable @QueryValue Boolean unread, @Nullable @QueryValue Integer page,
                             @Nullable @QueryValue Integer size, Authentication authentication) {
        UUID account = citizen(authentication);
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        int offset = Paging.offset(p, s, MAX_PAGE_SIZE);
        boolean unreadOnly = Boolean.TRUE.equals(unread);
        return new NoticePage(inbox.page(account, unreadOnly, offset, s, this::data), p, s, inbox.count(account, unreadOnly),
                inbox.count(account, true));
    }

    @Post("/notifications/{id}/read")
    @Operation(summary = "标记消息已读", description = "再次标记不改变首次阅读时间；不是本人的消息与不存在的一样答 404。")
    NotificationInbox.Notice read(@PathVariable String id, Authentication authentication) {
        UUID account = citizen(authentication);
        UUID notice;
        try {
            notice = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("没有找到这条消息。");
        }
        return inbox.markRead(account, notice, Instant.now(), this::data)
                .orElseThrow(() -> ProblemException.notFound("没有找到这条消息。"));
    }

    @Get("/notification-templates")
    @Operation(summary = "订阅消息模板", description = "小程序调用 wx.requestSubscribeMessage 时使用的模板编号、用途说明，"
            + "以及本人对每个模板还剩几次一次性订阅。")
    @Transactional(readOnly = true)
    TemplateList notificationTemplates(Authentication authentication) {
        return templateList(citizen(authentication));
    }

    @Post("/notification-consents")
    @Operation(summary = "记录订阅消息授权结果", description = "提交 wx.requestSubscribeMessage 的结果：每个模板接受（accepted=true）"
            + "或拒绝。每次接受可发送一条该模板的微信消息；返回更新后的模板列表。")
    @Transactional
    TemplateList consent(@Body Answers answers, Authentication authentication) {
        UUID account = citizen(authentication);
        if (answers.results() == null || answers.results().isEmpty()) {
            throw ProblemException.invalidField("results", "请提交至少一个模板的授权结果。");
        }
        if (answers.results().size() > 20) {
            throw ProblemException.invalidField("results", "一次最多提交 20 个模板的授权结果。");
        }
        Instant now = Instant.now();
        for (int i = 0; i < answers.results().size(); i++) {
            Answer answer = answers.results().get(i);
            if (answer == null || answer.templateId() == null || answer.accepted() == null) {
                throw ProblemException.invalidField("results[" + i + "]", "每项须包含模板编号 templateId 和是否接受 accepted。");
            }
            NotificationTemplates.Template template = templates.byTemplateId(answer.templateId().strip())
                    .orElseThrow(() -> ProblemException.invalidField("results[].templateId", "没有这个订阅消息模板，请刷新后重试。"));
            consents.answer(account, template.key(), answer.accepted(), now);
        }
        return templateList(account);
    }

    private TemplateList templateList(UUID account) {
        Map<String, Integer> remaining = consents.remaining(account);
        return new TemplateList(templates.all().stream()
                .map(t -> new TemplateView(t.key(), t.templateId(), t.title(), t.purpose(), remaining.getOrDefault(t.key(), 0)))
                .toList());
    }

    private Map<String, String> data(String stored) {
        try {
            return json.readValue(stored, Argument.mapOf(String.class, String.class));
        } catch (IOException e) {
            return Map.of();
        }
    }

    /** The calling citizen's account id; staff have no inbox. */
    static UUID citizen(Authentication authentication) {
        return Callers.citizen(authentication, "消息与订阅设置只属于市民本人，工作人员账号没有。");
    }
}
