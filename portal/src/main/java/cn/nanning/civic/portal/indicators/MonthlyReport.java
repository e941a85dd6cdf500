package cn.nanning.civic.portal.indicators;

import cn.nanning.civic.portal.print.PdfPages;
import jakarta.inject.Singleton;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The printable monthly report for the evaluation rounds (PDFBox, A4): a summary table of every indicator with value,
 * target and status in words, then one page per indicator with its child regions as bars against the target line and
 * its monthly trend as a line — drawn as vector graphics, with the CJK font the volunteer certificates use.
 */
@Singleton
class MonthlyReport {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy年M月");
    private static final float MARGIN = PdfPages.MARGIN;
    private static final Color INK = PdfPages.INK;
    private static final Color GREY = PdfPages.GREY;

    /** Whether a font with Chinese glyphs is installed (Debian fonts-droid-fallback; .ci/run installs it). */
    boolean available() {
        return PdfPages.available();
    }

    byte[] write(ReportData data, YearMonth month) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfPages w = new PdfPages(doc);
            summary(w, data, month);
            for (IndicatorsClient.IndicatorValue v : data.board().indicatorsOrEmpty()) {
                indicatorPage(w, data, v);
            }
            w.finish();
            doc.getDocumentInformation().setTitle("南宁市规划指标月度报告 " + data.board().region().name() + " " + MONTH.format(month));
            doc.getDocumentInformation().setAuthor("南宁市民服务与志愿者平台");
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void summary(PdfPages w, ReportData data, YearMonth month) throws IOException {
        IndicatorsClient.Board b = data.board();
        w.newPage();
        w.text(20, MARGIN, w.y, "南宁市规划指标月度报告", INK);
        w.y -= 30;
        w.text(13, MARGIN, w.y, pathText(b) + " · " + MONTH.format(month), INK);
        w.y -= 20;
        w.wrapped(10, "数据更新于 " + Presentation.time(b.asOf()) + "；统计期：" + (b.periodLabel() == null ? "近12个月" : b.periodLabel())
                + "。状态说明：达标＝达到目标；接近＝达到目标的 90% 及以上；落后＝低于目标的 90%；监测＝规划未设目标值；"
                + "人口数据未接入的指标只列人数，不估算比例。", GREY);
        w.y -= 10;
        float[] columns = {MARGIN, MARGIN + 62, MARGIN + 272, MARGIN + 345, MARGIN + 420};
        String[] headers = {"规划序号", "指标", "数值", "目标", "状态"};
        for (int i = 0; i < headers.length; i++) {
            w.text(10, columns[i], w.y, headers[i], INK);
        }
        w.y -= 6;
        w.rule(w.y);
        w.y -= 16;
        for (IndicatorsClient.IndicatorValue v : b.indicatorsOrEmpty()) {
            if (w.y < MARGIN + 40) {
                w.newPage();
            }
            w.text(9, columns[0], w.y, w.fit(v.planNo(), 9, 60), INK);
            w.text(9, columns[1], w.y, w.fit(v.name(), 9, 206), INK);
            w.text(9, columns[2], w.y, w.fit(v.valueText(), 9, 70), INK);
            w.text(9, columns[3], w.y, w.fit(v.target() == null && v.targetText().startsWith("—") ? "—" : v.targetText(), 9, 72), INK);
            w.text(9, columns[4], w.y, w.fit(v.statusLabel(), 9, 75), Color.decode(Presentation.colour(v.status())));
            w.y -= 18;
        }
        w.rule(w.y + 8);
    }

    private void indicatorPage(PdfPages w, ReportData data, IndicatorsClient.IndicatorValue v) throws IOException {
        w.newPage();
        w.text(15, MARGIN, w.y, v.name(), INK);
        w.y -= 20;
        w.text(10, MARGIN, w.y, "规划序号：" + v.planNo() + "　分组：" + v.group() + (v.source() == null ? "" : "　数据来源：" + v.source()), GREY);
        w.y -= 16;
        if (v.description() != null) {
            w.wrapped(10, v.description() + "。", GREY);
        }
        w.y -= 4;
        w.text(12, MARGIN, w.y, data.board().region().name() + "：" + v.valueText() + "　目标：" + v.targetText() + "　状态：" + v.statusLabel(),
                Color.decode(Presentation.colour(v.status())));
        w.y -= 18;
        String parts = Presentation.parts(v);
        if (!parts.isEmpty()) {
            w.wrapped(10, parts, INK);
        }
        for (IndicatorsClient.Detail d : v.detailsOrEmpty()) {
            w.wrapped(9, d.label() + "：" + d.value(), GREY);
        }
        w.y -= 8;
        IndicatorsClient.Ranking ranking = data.rankings().get(v.id());
        if (ranking != null) {
            bars(w, ranking);
        } else {
            w.text(10, MARGIN, w.y, "本区划没有下级区划，无排名。", GREY);
            w.y -= 20;
        }
        IndicatorsClient.Trend trend = data.trends().get(v.id());
        if (trend != null && !trend.pointsOrEmpty().isEmpty()) {
            line(w, trend);
        }
    }

    /** Child regions as horizontal bars, where to act first on top, the target as a dashed line. */
    private void bars(PdfPages w, IndicatorsClient.Ranking ranking) throws IOException {
        String unit = ranking.indicator().unit();
        List<IndicatorsClient.RankedRegion> valued = ranking.itemsOrEmpty().stream().filter(r -> r.value() != null).toList();
        w.text(11, MARGIN, w.y, "下级区划排名（需优先关注的在前；虚线为目标）", INK);
        w.y -= 16;
        if (valued.isEmpty()) {
            w.text(10, MARGIN, w.y, ranking.note() != null ? ranking.note() : "下级区划暂无该指标的数值。", GREY);
            w.y -= 20;
            return;
        }
        float labelWidth = 110;
        float x0 = MARGIN + labelWidth;
        float width = 280;
        float row = Math.min(16, Math.max(7, 360f / valued.size()));
        float fontSize = Math.min(8, row - 1);
        BigDecimal target = Presentation.chartValue(unit, ranking.indicator().target());
        double max = "PERCENT".equals(unit) ? 100 : Math.max(target == null ? 0 : target.doubleValue(),
                valued.stream().mapToDouble(r -> Presentation.chartValue(unit, r.value()).doubleValue()).max().orElse(0));
        max = max <= 0 ? 1 : max;
        float top = w.y;
        for (IndicatorsClient.RankedRegion r : valued) {
            double value = Presentation.chartValue(unit, r.value()).doubleValue();
            float length = (float) (width * Math.min(1, value / max));
            w.text(fontSize, MARGIN, w.y - row * 0.7f, w.fit(r.region().name(), fontSize, labelWidth - 6), INK);
            w.box(x0, w.y - row * 0.85f, Math.max(length, 0.5f), row * 0.7f, Color.decode(Presentation.colour(r.status())));
            w.text(fontSize, x0 + length + 4, w.y - row * 0.7f, r.valueText() + " " + r.statusLabel(), INK);
            w.y -= row;
        }
        w.line(x0, top + 2, x0, w.y, GREY, false);
        if (target != null) {
            float tx = x0 + (float) (width * Math.min(1, target.doubleValue() / max));
            w.line(tx, top + 2, tx, w.y, INK, true);
            w.text(8, tx - 10, top + 6, "目标 " + ranking.indicator().targetText(), INK);
        }
        w.y -= 24;
    }

    /** The monthly values as a line over the months, the target as a dashed line. */
    private void line(PdfPages w, IndicatorsClient.Trend trend) throws IOException {
        if (w.y < MARGIN + 190) {
            w.newPage();
        }
        String unit = trend.indicator().unit();
        w.text(11, MARGIN, w.y, "月度趋势（" + Presentation.axisUnit(unit) + "；平台开始统计之前的月份不补录）", INK);
        w.y -= 18;
        List<IndicatorsClient.TrendPoint> points = trend.pointsOrEmpty();
        float x0 = MARGIN + 30;
        float width = 420;
        float height = 130;
        float bottom = w.y - height;
        BigDecimal target = Presentation.chartValue(unit, trend.indicator().target());
        double max = "PERCENT".equals(unit) ? 100 : Math.max(target == null ? 0 : target.doubleValue(),
                points.stream().filter(p -> p.value() != null).mapToDouble(p -> Presentation.chartValue(unit, p.value()).doubleValue()).max().orElse(0));
        max = max <= 0 ? 1 : max * ("PERCENT".equals(unit) ? 1 : 1.15);
        w.line(x0, bottom, x0 + width, bottom, GREY, false);
        w.line(x0, bottom, x0, bottom + height, GREY, false);
        w.text(7, MARGIN, bottom + height - 3, format(max), GREY);
        w.text(7, MARGIN, bottom - 3, "0", GREY);
        if (target != null) {
            float ty = bottom + (float) (height * Math.min(1, target.doubleValue() / max));
            w.line(x0, ty, x0 + width, ty, INK, true);
            w.text(7, x0 + width - 60, ty + 3, "目标 " + trend.indicator().targetText(), INK);
        }
        float step = points.size() > 1 ? width / (points.size() - 1) : 0;
        Float lastX = null;
        Float lastY = null;
        for (int i = 0; i < points.size(); i++) {
            IndicatorsClient.TrendPoint p = points.get(i);
            float x = points.size() > 1 ? x0 + i * step : x0 + width / 2;
            w.text(7, x - 14, bottom - 12, p.month(), GREY);
            if (p.value() == null) {
                lastX = null;
                continue;
            }
            float y = bottom + (float) (height * Math.min(1, Presentation.chartValue(unit, p.value()).doubleValue() / max));
            if (lastX != null) {
                w.line(lastX, lastY, x, y, Color.decode("#1565c0"), false);
            }
            w.box(x - 2.5f, y - 2.5f, 5, 5, Color.decode(Presentation.colour(p.status())));
            w.text(7, x - 10, y + 6, p.valueText(), INK);
            lastX = x;
            lastY = y;
        }
        w.y = bottom - 30;
    }

    private static String format(double value) {
        return BigDecimal.valueOf(value).setScale(value >= 10 ? 0 : 2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String pathText(IndicatorsClient.Board b) {
        return b.pathOrEmpty().isEmpty() ? b.region().name()
                : b.pathOrEmpty().stream().map(IndicatorsClient.RegionRef::name).collect(Collectors.joining(" › "));
    }
}
