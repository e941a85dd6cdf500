package cn.nanning.civic.portal.base;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** Fields and their button on one line, aligned on the text baseline, wrapping on narrow screens (village PCs, tablets). */
public final class FormRow {

    private FormRow() {
    }

    public static HorizontalLayout of(Component... components) {
        HorizontalLayout row = new HorizontalLayout(components);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }
}
