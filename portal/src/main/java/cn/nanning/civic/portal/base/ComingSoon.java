package cn.nanning.civic.portal.base;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** Body of a capability view whose screens are not built yet. */
public class ComingSoon extends VerticalLayout {

    public ComingSoon(String title, String whatItWillDo) {
        addClassName("coming-soon");
        Paragraph notice = new Paragraph("「" + title + "」功能正在建设中，即将上线。" + whatItWillDo);
        notice.setId("coming-soon");
        add(new H2(title), notice);
    }
}
