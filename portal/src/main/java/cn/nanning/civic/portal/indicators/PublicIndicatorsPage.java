package cn.nanning.civic.portal.indicators;

import cn.nanning.civic.portal.base.PortalShell;
import cn.nanning.civic.portal.base.PublicView;
import cn.nanning.civic.portal.gateway.GatewayException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The public summary of the plan indicators (no sign-in): the city or one district, the districts compared for an
 * indicator, and the monthly trend. Aggregate figures only, from the gateway's public indicators API.
 */
@Prototype
@PublicView
@Route("indicators/public")
@PageTitle("规划指标公开 | " + PortalShell.PRODUCT)
public final class PublicIndicatorsPage extends VerticalLayout implements BeforeEnterObserver {

    private final IndicatorsClient client;
    private final H1 title = new H1("南宁市社会治理规划指标");
    private final Paragraph asOf = new Paragraph();
    private final Paragraph message = new Paragraph();
    private final ComboBox<IndicatorsClient.RegionRef> area = new ComboBox<>("查看");
    private final IndicatorCards cards;
    private final IndicatorCharts charts;
    private String region;
    private String indicator = IndicatorsView.DEFAULT_INDICATOR;
    private boolean filling;

    PublicIndicatorsPage(IndicatorsClient client, ChartOptions options) {
        this.client = client;
        this.cards = new IndicatorCards(id -> navigate(region, id));
        this.charts = new IndicatorCharts(options, null);
        setId("indicators-public");
        setMaxWidth("1200px");
        title.getStyle().set("font-size", "var(--lumo-font-size-xxl)");
        asOf.setId("public-asof");
        message.setId("public-message");
        message.setVisible(false);
        area.setId("public-area");
        area.setItemLabelGenerator(IndicatorsClient.RegionRef::name);
        area.setWidth("18em");
        area.addValueChangeListener(change -> {
            if (!filling && change.isFromClient() && change.getValue() != null) {
                navigate(change.getValue().code(), indicator);
            }
        });
        add(title, new Paragraph("南宁市 2021—2025 年社会治理规划专栏1 中可由本平台数据计算的指标：全市及各县（市、区）的汇总数值，不含任何个人信息。"),
                area, asOf, message, cards, charts);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        region = query.getOrDefault("region", List.of()).stream().findFirst().orElse(null);
        indicator = query.getOrDefault("indicator", List.of()).stream().findFirst().orElse(IndicatorsView.DEFAULT_INDICATOR);
        show();
    }

    private void navigate(String code, String id) {
        Map<String, String> query = new LinkedHashMap<>();
        if (code != null) {
            query.put("region", code);
        }
        query.put("indicator", id);
        UI.getCurrent().navigate(PublicIndicatorsPage.class, QueryParameters.simple(query));
    }

    private void show() {
        message.setVisible(false);
        IndicatorsClient.Board board = call(() -> client.board(region, null));
        IndicatorsClient.Board city = board == null || "city".equals(board.region().level()) ? board : call(() -> client.board(null, null));
        if (board == null) {
            cards.clear();
            charts.clear();
            return;
        }
        region = board.region().code();
        List<IndicatorsClient.RegionRef> choices = new ArrayList<>();
        if (city != null) {
            choices.add(city.region());
            choices.addAll(city.childrenOrEmpty());
        }
        filling = true;
        area.setItems(choices);
        choices.stream().filter(c -> c.code().equals(board.region().code())).findFirst().ifPresent(area::setValue);
        filling = false;
        title.setText(board.region().name() + "社会治理规划指标");
        asOf.setText("数据更新于 " + Presentation.time(board.asOf()) + "；统计期：" + (board.periodLabel() == null ? "近12个月" : board.periodLabel()) + "。");
        IndicatorsClient.IndicatorValue chosen = board.indicatorsOrEmpty().stream().filter(v -> v.id().equals(indicator)).findFirst()
                .orElse(board.indicatorsOrEmpty().isEmpty() ? null : board.indicatorsOrEmpty().get(0));
        if (chosen == null) {
            cards.clear();
            charts.clear();
            return;
        }
        indicator = chosen.id();
        cards.show(board.indicatorsOrEmpty(), indicator);
        boolean cityLevel = "city".equals(board.region().level());
        IndicatorsClient.Ranking ranking = cityLevel ? call(() -> client.ranking(indicator, null, null)) : null;
        IndicatorsClient.Trend trend = call(() -> client.trend(indicator, region, null));
        charts.show(chosen, board.region(), ranking, trend, "公开汇总只比较各县（市、区）；乡镇（街道）和村（社区）的数据请工作人员登录后查看。");
    }

    private <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (GatewayException e) {
            message.setText(e.getMessage());
            message.setVisible(true);
            return null;
        }
    }
}
