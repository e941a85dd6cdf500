package cn.nanning.civic.gateway.notifications;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

/** The Chinese title and purpose of one subscribe-message template ({@code civic.notifications.templates.<key>}). */
@EachProperty("civic.notifications.templates")
class TemplateText {

    private final String key;
    private String title;
    private String purpose;

    TemplateText(@Parameter String key) {
        this.key = key;
    }

    String getKey() {
        return key;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getPurpose() {
        return purpose;
    }

    public void setPurpose(String purpose) {
        this.purpose = purpose;
    }
}
