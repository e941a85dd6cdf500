package cn.nanning.civic.portal.indicators;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;

/**
 * A chart drawn in the browser by ECharts (SVG renderer, so its text is text). The library comes from the
 * {@code org.webjars.npm:echarts} jar on the classpath and is loaded at run time with {@code Page.addJavaScript};
 * nothing is added to the Vaadin bundle. The chart is an image to assistive technology, labelled with a summary;
 * the same figures are always in a table next to it.
 */
final class EChart extends Div {

    static final String LIBRARY = "context://webjars/echarts/5.3.1/dist/echarts.min.js";

    private static final String DRAW = """
            const el = this;
            const option = JSON.parse($0);
            const draw = (tries) => {
              if (!window.echarts) { if (tries < 200) { setTimeout(() => draw(tries + 1), 50); } return; }
              const chart = window.echarts.getInstanceByDom(el) || window.echarts.init(el, null, {renderer: 'svg'});
              chart.setOption(option, true);
              chart.resize();
              el.setAttribute('data-rendered', 'true');
              if (!el.__civicResize && window.ResizeObserver) {
                el.__civicResize = new ResizeObserver(() => chart.resize());
                el.__civicResize.observe(el);
              }
            };
            el.removeAttribute('data-rendered');
            draw(0);
            """;

    private String option;

    EChart(String id) {
        setId(id);
        setWidthFull();
        setHeight("320px");
        getElement().setAttribute("role", "img");
    }

    /** Draws the chart from an ECharts option (JSON) with a summary for screen readers. */
    void show(String optionJson, String summary, int heightPixels) {
        this.option = optionJson;
        setHeight(heightPixels + "px");
        getElement().setAttribute("aria-label", summary);
        setVisible(true);
        render();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        event.getUI().getPage().addJavaScript(LIBRARY);
        render();
    }

    private void render() {
        if (option != null && isAttached()) {
            getElement().executeJs(DRAW, option);
        }
    }
}
