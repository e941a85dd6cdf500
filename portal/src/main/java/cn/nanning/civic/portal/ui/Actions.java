package cn.nanning.civic.portal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The portal's one way to wire an action: a button whose click runs it through an {@link Outcome} placed beside it,
 * optionally after a confirmation dialog (for what cannot be undone) that may ask for a reason. Put the button and
 * its outcome on one line with {@link #row}.
 */
public final class Actions {

    private Actions() {
    }

    /** A question asked before a consequential action. */
    public record Confirmation(String title, String text, String confirmLabel, boolean destructive) {

        public static Confirmation of(String title, String text, String confirmLabel) {
            return new Confirmation(title, text, confirmLabel, false);
        }

        public static Confirmation destructive(String title, String text, String confirmLabel) {
            return new Confirmation(title, text, confirmLabel, true);
        }
    }

    /** A secondary action. */
    public static Button button(String label, String id, Outcome outcome, Supplier<String> action) {
        Button button = new Button(label, click -> outcome.run(action));
        button.setId(id);
        return button;
    }

    /** The main action of a form or panel: looks primary. */
    public static Button primary(String label, String id, Outcome outcome, Supplier<String> action) {
        Button button = button(label, id, outcome, action);
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return button;
    }

    /** Asks first; runs only when the person confirms. */
    public static Button confirmed(String label, String id, Outcome outcome, Confirmation question, Supplier<String> action) {
        Button button = new Button(label);
        button.setId(id);
        button.addClickListener(click -> ask(id, question, null, outcome, reason -> action.get()));
        styled(button, question);
        return button;
    }

    /**
     * Asks first with a reason the person must give (e.g. 取消原因); the action gets the reason. An empty reason keeps the
     * dialog open with a Chinese hint beside the field.
     */
    public static Button withReason(String label, String id, Outcome outcome, Confirmation question, String reasonLabel,
                                    Function<String, String> action) {
        Button button = new Button(label);
        button.setId(id);
        button.addClickListener(click -> ask(id, question, reasonLabel, outcome, action));
        styled(button, question);
        return button;
    }

    /** Buttons (and fields) with their outcome line after them, aligned and wrapping on narrow screens. */
    public static HorizontalLayout row(Component... components) {
        HorizontalLayout row = new HorizontalLayout(components);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        row.addClassName("action-row");
        return row;
    }

    private static void styled(Button button, Confirmation question) {
        if (question.destructive()) {
            button.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
    }

    private static void ask(String id, Confirmation question, String reasonLabel, Outcome outcome, Function<String, String> action) {
        Dialog dialog = new Dialog();
        dialog.setId(id + "-dialog");
        dialog.setHeaderTitle(question.title());
        dialog.setCloseOnOutsideClick(false);
        Paragraph text = new Paragraph(question.text());
        text.getStyle().set("max-width", "32em");
        VerticalLayout body = new VerticalLayout(text);
        body.setPadding(false);
        TextArea reason = new TextArea(reasonLabel == null ? "" : reasonLabel);
        if (reasonLabel != null) {
            reason.setId(id + "-reason");
            reason.setRequired(true);
            reason.setMaxLength(500);
            reason.setWidthFull();
            body.add(reason);
        }
        dialog.add(body);
        Button cancel = new Button("取消", click -> dialog.close());
        cancel.setId(id + "-cancel");
        Button confirm = new Button(question.confirmLabel());
        confirm.setId(id + "-confirm");
        confirm.addThemeVariants(question.destructive() ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_PRIMARY,
                ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(click -> {
            String given = reasonLabel == null ? null : reason.getValue().strip();
            if (reasonLabel != null && given.isEmpty()) {
                reason.setInvalid(true);
                reason.setErrorMessage("请填写" + reasonLabel + "。");
                return;
            }
            dialog.close();
            outcome.run(() -> action.apply(given));
        });
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }
}
