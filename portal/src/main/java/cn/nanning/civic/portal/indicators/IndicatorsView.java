package cn.nanning.civic.portal.indicators;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.FormRow;
import cn.nanning.civic.portal.base.MainLayout;
import cn.nanning.civic.portal.base.PortalShell;
import cn.nanning.civic.portal.base.RequiresRole;
import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.base.StaffSession;
import cn.nanning.civic.portal.gateway.GatewayException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.micronaut.context.annotation.Prototype;

import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * 规划指标看板: what a 市委政法委 or district officer opens every Monday. The plan's indicators for their area or any
 * region under it (city → district → township → village), each with value, target and status; for the chosen
 * indicator the child regions ranked against the target and the month-by-month trend, as charts and as tables;
 * the view as an Excel workbook and a printable monthly PDF report. The region and indicator are in the address
 * (?region=…&indicator=…), so a view can be bookmarked and the browser's back button walks back up.
 */
@Prototype
@Route(value = "indicators", layout = MainLayout.class)
@PageTitle("规划指标看板 | " + PortalShell.PRODUCT)
@Menu(title = "规划指标看板", order = 5, icon = "vaadin:dashboard")
@RequiresRole({Role.ADMIN, Role.AUDITOR})
public final class IndicatorsView extends VerticalLayout implements BeforeEnterObserver {

    static final String DEFAULT_INDICATOR = "council-coverage";

    private final IndicatorsClient client;
    private final SignIn signIn;
    private final IndicatorWorkbook workbook;
    private final MonthlyReport report;
    private final Paragraph message = new Paragraph();
    private final HorizontalLayout path = new HorizontalLayout();
    private final ComboBox<IndicatorsClient.RegionRef> child = new ComboBox<>("下钻到下级区划");
    private final Button drill = new Button("进入");
    private final Paragraph asOf = new Paragraph();
    private final IndicatorCards cards;
    private final IndicatorCharts charts;
    private String region;
    private String indicator = DEFAULT_INDICATOR;

    IndicatorsView(IndicatorsClient client, SignIn signIn, ChartOptions options, IndicatorWorkbook workbook, MonthlyReport report) {
        this.client = client;
        this.signIn = signIn;
        this.workbook = workbook;
        this.report = report;
        this.cards = new IndicatorCards(this::choose);
        this.charts = new IndicatorCharts(options, this::open);
        setId("indicators");
        message.setId("indicators-message");
        message.setVisible(false);
        path.setId("indicators-path");
        path.setSpacing(false);
        path.setAlignItems(Alignment.BASELINE);
        child.setId("indicators-child");
        child.setItemLabelGenerator(IndicatorsClient.RegionRef::name);
        child.setPlaceholder("选择下级区划");
        child.setWidth("18em");
        drill.setId("indicators-drill");
        drill.addClickListener(click -> {
            if (child.getValue() == null) {
                say("请先选择要查看的下级区划。");
            } else {
                open(child.getValue().code());
            }
        });
        asOf.setId("indicators-asof");
        asOf.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");

        Anchor excel = download("indicators-excel", "导出电子表格", "xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook::write);
        Anchor pdf = download("indicators-pdf", "下载月度报告（PDF）", "pdf", "application/pdf",
                data -> this.report.write(data, YearMonth.now(Presentation.NANNING)));
        if (!report.available()) {
            pdf.setEnabled(false);
            pdf.setText("月度报告暂不可用（服务器缺少中文字体）");
        }
        HorizontalLayout exports = new HorizontalLayout(excel, pdf);
        exports.setAlignItems(Alignment.BASELINE);

        add(new H2("规划指标看板"), path, FormRow.of(child, drill, exports), asOf, message, cards, charts);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        String own = StaffSession.current().map(StaffSession::regionCode).orElse(null);
        region = first(query, "region", own);
        indicator = first(query, "indicator", DEFAULT_INDICATOR);
        show();
    }

    private static String first(Map<String, List<String>> query, String name, String fallback) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? fallback : values.get(0).strip();
    }

    /** Goes to another region, keeping the chosen indicator (a new entry in the browser's history). */
    void open(String code) {
        navigate(code, indicator);
    }

    /** Shows another indicator's ranking and trend for the same region. */
    void choose(String id) {
        navigate(region, id);
    }

    private void navigate(String code, String id) {
        Map<String, String> query = new LinkedHashMap<>();
        if (code != null) {
            query.put("region", code);
        }
        query.put("indicator", id);
        UI.getCurrent().navigate(IndicatorsView.class, QueryParameters.simple(query));
    }

    private void show() {
        message.setVisible(false);
        IndicatorsClient.Board board = call(token -> client.board(region, token));
        if (board == null) {
            cards.clear();
            charts.clear();
            path.removeAll();
            child.setItems(List.of());
            return;
        }
        region = board.region().code();
        showPath(board);
        child.setItems(board.childrenOrEmpty());
        child.setValue(null);
        boolean hasChildren = !board.childrenOrEmpty().isEmpty();
        child.setEnabled(hasChildren);
        drill.setEnabled(hasChildren);
        child.setHelperText(hasChildren ? board.childrenOrEmpty().size() + " 个" + board.childrenOrEmpty().get(0).levelLabel() : "村（社区）是最下一级");
        asOf.setText("数据更新于 " + Presentation.time(board.asOf()) + "（每 10 分钟重新计算）；统计期："
                + (board.periodLabel() == null ? "近12个月" : board.periodLabel()) + "。");
        IndicatorsClient.IndicatorValue chosen = board.indicatorsOrEmpty().stream().filter(v -> v.id().equals(indicator)).findFirst()
                .orElse(board.indicatorsOrEmpty().isEmpty() ? null : board.indicatorsOrEmpty().get(0));
        indicator = chosen == null ? DEFAULT_INDICATOR : chosen.id();
        cards.show(board.indicatorsOrEmpty(), indicator);
        if (chosen == null) {
            charts.clear();
            return;
        }
        IndicatorsClient.Ranking ranking = hasChildren ? call(token -> client.ranking(indicator, region, token)) : null;
        IndicatorsClient.Trend trend = call(token -> client.trend(indicator, region, token));
        charts.show(chosen, board.region(), ranking, trend);
    }

    private void showPath(IndicatorsClient.Board board) {
        path.removeAll();
        path.add(new Span("当前区划："));
        List<IndicatorsClient.RegionRef> steps = board.pathOrEmpty().isEmpty() ? List.of(board.region()) : board.pathOrEmpty();
        String own = StaffSession.current().map(StaffSession::regionCode).orElse(null);
        boolean reachable = false;
        for (int i = 0; i < steps.size(); i++) {
            IndicatorsClient.RegionRef step = steps.get(i);
            // Only regions inside the officer's own area are links; the ones above it are named for orientation.
            reachable = reachable || own == null || step.code().equals(own);
            if (i > 0) {
                Span separator = new Span("›");
                separator.getStyle().set("margin", "0 0.4em");
                separator.getElement().setAttribute("aria-hidden", "true");
                path.add(separator);
            }
            if (i == steps.size() - 1) {
                Span here = new Span(step.name());
                here.setId("indicators-region");
                here.getStyle().set("font-weight", "600");
                path.add(here);
            } else if (reachable) {
                Button up = new Button(step.name(), click -> open(step.code()));
                up.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                up.setId("path-" + step.code());
                path.add(up);
            } else {
                path.add(new Span(step.name()));
            }
        }
    }

    /** Runs one gateway call with the staff member's token; a refusal or failure is shown above the cards. */
    private <T> T call(Function<String, T> action) {
        try {
            return signIn.withToken(action);
        } catch (GatewayException e) {
            say(e.getMessage());
            return null;
        }
    }

    private void say(String text) {
        message.setText(text);
        message.setVisible(true);
    }

    @FunctionalInterface
    private interface Export {
        byte[] write(ReportData data);
    }

    private Anchor download(String id, String text, String extension, String contentType, Export export) {
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            // Downloads run outside the UI lock; the token (and its refresh) and the region live in the locked session.
            byte[][] bytes = new byte[1][];
            String[] name = new String[1];
            event.getSession().accessSynchronously(() -> {
                ReportData data = signIn.withToken(token -> ReportData.collect(client, region, token));
                bytes[0] = export.write(data);
                name[0] = "规划指标-" + data.board().region().name() + "-" + YearMonth.now(Presentation.NANNING) + "." + extension;
            });
            return new DownloadResponse(new ByteArrayInputStream(bytes[0]), name[0], contentType, bytes[0].length);
        }), text);
        anchor.setId(id);
        anchor.getElement().setAttribute("download", true);
        anchor.getElement().getThemeList().add("button");
        anchor.getStyle().set("padding", "0.4em 0.8em").set("border", "1px solid var(--lumo-contrast-30pct)")
                .set("border-radius", "var(--lumo-border-radius-m)");
        return anchor;
    }
}
