package cn.nanning.civic.portal.ui;

import cn.nanning.civic.portal.gateway.GatewayException;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Supplier;

/**
 * The line beside an action that says how it went, success and failure alike, so the person sees it where they
 * clicked (not in a paragraph at the top of a long page). Runs the action itself: the services' refusal, a view's own
 * {@link Refusal} or an unexpected fault all end as a Chinese sentence here, never as a stack trace. When the action
 * rebuilt the panel this line sat in, the outcome appears as a notification instead, so nothing is said out of sight.
 * Success and failure differ by icon and words as well as by colour.
 */
public final class Outcome extends Span {

    public static final String UNEXPECTED = "操作未完成：系统出现问题，问题已记录。请稍后再试；如果仍不成功，请联系管理员。";
    private static final Logger LOG = LoggerFactory.getLogger(Outcome.class);

    /** What the line currently says. */
    public enum Kind { NONE, SUCCESS, FAILURE, NOTE }

    private final Span text = new Span();
    private Kind kind = Kind.NONE;

    public Outcome(String id) {
        setId(id);
        addClassName("outcome");
        text.addClassName("outcome-text");
        getElement().setAttribute("aria-live", "polite");
        setVisible(false);
    }

    /**
     * Runs the action; the text it returns is shown as its success. Returns whether it succeeded.
     */
    public boolean run(Supplier<String> action) {
        // A view that loads before it is shown (beforeEnter) shows the line with the view; only a line the action took
        // off the screen is said as a notification.
        boolean shown = isAttached();
        boolean succeeded;
        try {
            String done = action.get();
            if (done == null || done.isBlank()) {
                clear();
            } else {
                succeeded(done);
            }
            succeeded = true;
        } catch (GatewayException e) {
            failed(e.getMessage());
            succeeded = false;
        } catch (Refusal refusal) {
            failed(refusal.getMessage());
            succeeded = false;
        } catch (RuntimeException e) {
            LOG.error("Action behind {} failed unexpectedly", getId().orElse("an outcome line"), e);
            failed(UNEXPECTED);
            succeeded = false;
        }
        if (shown && !isAttached() && kind != Kind.NONE) {
            notifyInstead();
        }
        return succeeded;
    }

    public void succeeded(String message) {
        show(Kind.SUCCESS, VaadinIcon.CHECK_CIRCLE, message);
    }

    public void failed(String message) {
        show(Kind.FAILURE, VaadinIcon.WARNING, message);
    }

    /** A neutral remark (e.g. 当前没有待办事项。). */
    public void note(String message) {
        show(Kind.NOTE, VaadinIcon.INFO_CIRCLE, message);
    }

    public void clear() {
        kind = Kind.NONE;
        removeAll();
        setVisible(false);
    }

    public Kind kind() {
        return kind;
    }

    /** The sentence shown (empty when nothing is). */
    public String message() {
        return kind == Kind.NONE ? "" : text.getText();
    }

    private void show(Kind newKind, VaadinIcon symbol, String message) {
        kind = newKind;
        removeAll();
        Icon icon = symbol.create();
        icon.addClassName("outcome-icon");
        icon.getElement().setAttribute("aria-hidden", "true");
        text.setText(message);
        add(icon, text);
        removeClassNames("outcome-success", "outcome-failure", "outcome-note");
        addClassName(switch (newKind) {
            case SUCCESS -> "outcome-success";
            case FAILURE -> "outcome-failure";
            default -> "outcome-note";
        });
        getElement().setAttribute("role", newKind == Kind.FAILURE ? "alert" : "status");
        getStyle().set("color", switch (newKind) {
            case SUCCESS -> "var(--lumo-success-text-color)";
            case FAILURE -> "var(--lumo-error-text-color)";
            default -> "var(--lumo-body-text-color)";
        });
        setVisible(true);
    }

    private void notifyInstead() {
        Notification notice = new Notification(message(), kind == Kind.FAILURE ? 10_000 : 5_000, Notification.Position.BOTTOM_CENTER);
        notice.addThemeVariants(kind == Kind.FAILURE ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
        getId().ifPresent(id -> notice.setId(id + "-notice"));
        notice.open();
    }
}
