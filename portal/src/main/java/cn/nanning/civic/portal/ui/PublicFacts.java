package cn.nanning.civic.portal.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * What the public pages a QR code opens (certificate verification, 代办 progress) show: the answer first — by words and
 * icon as well as by colour, announced to screen readers — then large labelled lines.
 */
public final class PublicFacts {

    /** How the answer reads: confirmed genuine, found, or not found / refused. */
    public enum Tone {
        GENUINE(VaadinIcon.CHECK_CIRCLE, "var(--lumo-success-text-color)"),
        FOUND(VaadinIcon.CLIPBOARD_CHECK, "var(--lumo-body-text-color)"),
        REFUSED(VaadinIcon.WARNING, "var(--lumo-error-text-color)");

        private final VaadinIcon icon;
        private final String colour;

        Tone(VaadinIcon icon, String colour) {
            this.icon = icon;
            this.colour = colour;
        }
    }

    private PublicFacts() {
    }

    public static Div verdict(String id, Tone tone, String text) {
        Div box = new Div();
        box.setId(id);
        var icon = tone.icon.create();
        icon.getElement().setAttribute("aria-hidden", "true");
        Span words = new Span(text);
        words.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600").set("margin-left", "0.5em");
        box.add(icon, words);
        box.getStyle().set("color", tone.colour);
        box.getElement().setAttribute("role", "status");
        return box;
    }

    /** "label：value" in large text, with the page's class so tests and print styles find the lines. */
    public static Paragraph line(String cssClass, String label, String value) {
        Paragraph p = new Paragraph(label + "：" + value);
        p.addClassName(cssClass);
        p.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0.25em 0");
        return p;
    }
}
