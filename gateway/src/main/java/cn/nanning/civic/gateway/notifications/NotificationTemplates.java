package cn.nanning.civic.gateway.notifications;

import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The subscribe-message templates the platform sends: our key (what modules name), the WeChat template id
 * ({@code civic.wechat.templates}) and what it is for in Chinese ({@code civic.notifications.templates}).
 */
@Singleton
class NotificationTemplates {

    /** One template as clients see it. */
    record Template(String key, String templateId, String title, String purpose) {
    }

    private final List<Template> all;
    private final Map<String, Template> byKey;
    private final Map<String, Template> byTemplateId;

    NotificationTemplates(@Property(name = "civic.wechat.templates") Map<String, String> ids, List<TemplateText> texts) {
        Map<String, TemplateText> text = texts.stream().collect(Collectors.toMap(TemplateText::getKey, Function.identity()));
        this.all = ids.entrySet().stream()
                .map(e -> {
                    TemplateText t = text.get(e.getKey());
                    return new Template(e.getKey(), e.getValue(), t != null && t.getTitle() != null ? t.getTitle() : "服务通知",
                            t != null && t.getPurpose() != null ? t.getPurpose() : "办理进展通知。");
                })
                .sorted(Comparator.comparing(Template::key))
                .toList();
        this.byKey = all.stream().collect(Collectors.toUnmodifiableMap(Template::key, Function.identity()));
        this.byTemplateId = all.stream().collect(Collectors.toUnmodifiableMap(Template::templateId, Function.identity(), (a, b) -> a));
    }

    List<Template> all() {
        return all;
    }

    Optional<Template> byKey(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    Optional<Template> byTemplateId(String templateId) {
        return Optional.ofNullable(byTemplateId.get(templateId));
    }

    /** The inbox title of a notification: the template's title, or a generic one for a key without a template. */
    String title(String key) {
        return byKey(key).map(Template::title).orElse("服务通知");
    }
}
