package cn.nanning.civic.portal.indicators;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;

import java.util.List;
import java.util.function.Consumer;

/**
 * One card per indicator: plan number, name, value, target, status (symbol, words and colour) and what it was
 * computed from, with a button that shows the indicator's ranking and trend below.
 */
final class IndicatorCards extends FlexLayout {

    private final Consumer<String> choose;

    IndicatorCards(Consumer<String> choose) {
        this.choose = choose;
        setId("indicators-cards");
        setFlexWrap(FlexWrap.WRAP);
        getStyle().set("gap", "var(--lumo-space-m)");
        setWidthFull();
    }

    void clear() {
        removeAll();
    }

    void show(List<IndicatorsClient.IndicatorValue> values, String selected) {
        removeAll();
        for (IndicatorsClient.IndicatorValue v : values) {
            add(card(v, v.id().equals(selected)));
        }
    }

    private Div card(IndicatorsClient.IndicatorValue v, boolean selected) {
        Span plan = new Span(v.planNo().equals(v.group()) ? Presentation.plan(v.planNo()) : Presentation.plan(v.planNo()) + " · " + v.group());
        plan.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)");
        Span name = new Span(v.name());
        name.getStyle().set("font-weight", "600").set("display", "block").set("min-height", "2.6em");
        Span value = new Span(v.valueText());
        value.setId("value-" + v.id());
        value.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600").set("display", "block");
        Span status = new Span(Presentation.status(v.status(), v.statusLabel()));
        status.setId("status-" + v.id());
        status.getElement().getThemeList().add(Presentation.badgeTheme(v.status()));
        Span target = line("目标：" + v.targetText());
        target.setId("target-" + v.id());
        Div card = new Div(plan, name, value, status, target);
        String parts = Presentation.parts(v);
        if (!parts.isEmpty()) {
            Span p = line(parts);
            p.setId("parts-" + v.id());
            card.add(p);
        }
        for (IndicatorsClient.Detail d : v.detailsOrEmpty()) {
            Span line = line(d.label() + "：" + d.value());
            line.getStyle().set("font-size", "var(--lumo-font-size-xs)");
            card.add(line);
        }
        Button show = new Button(selected ? "正在查看排名与趋势" : "查看排名与趋势", click -> choose.accept(v.id()));
        show.setId("select-" + v.id());
        show.addThemeVariants(selected ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        show.getElement().setAttribute("aria-pressed", String.valueOf(selected));
        show.getElement().setAttribute("title", v.description() == null ? v.name() : v.description());
        card.add(show);
        card.setId("card-" + v.id());
        card.addClassName("indicator-card");
        card.getStyle().set("box-sizing", "border-box").set("width", "17.5em").set("padding", "var(--lumo-space-m)")
                .set("border", selected ? "2px solid var(--lumo-primary-color)" : "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-l)").set("background", "var(--lumo-base-color)");
        card.getElement().setAttribute("role", "group");
        card.getElement().setAttribute("aria-label", v.name() + "：" + v.valueText() + "，" + v.statusLabel());
        return card;
    }

    private static Span line(String text) {
        Span span = new Span(text);
        span.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)").set("margin-top", "0.2em");
        return span;
    }
}
