package cn.nanning.civic.portal.indicators;

import jakarta.inject.Singleton;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The current view as an Excel workbook (Apache POI): 指标概览 (every indicator of the region, values as numbers with
 * their formats), 下级区划 (each child region's value and status per indicator) and 月度趋势 (the monthly snapshots).
 */
@Singleton
class IndicatorWorkbook {

    static final String OVERVIEW = "指标概览";
    static final String CHILDREN = "下级区划";
    static final String TREND = "月度趋势";

    byte[] write(ReportData data) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(book);
            overview(book.createSheet(OVERVIEW), data, styles);
            children(book.createSheet(CHILDREN), data, styles);
            trend(book.createSheet(TREND), data, styles);
            book.getProperties().getCoreProperties().setTitle("规划指标 " + data.board().region().name());
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle title;
        final CellStyle percent;
        final CellStyle permille;
        final CellStyle whole;
        final CellStyle decimal;

        Styles(XSSFWorkbook book) {
            Font bold = book.createFont();
            bold.setBold(true);
            header = book.createCellStyle();
            header.setFont(bold);
            Font big = book.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = book.createCellStyle();
            title.setFont(big);
            percent = format(book, "0.0%");
            permille = format(book, "0.00\"‰\"");
            whole = format(book, "0");
            decimal = format(book, "0.0");
        }

        private static CellStyle format(XSSFWorkbook book, String pattern) {
            CellStyle style = book.createCellStyle();
            style.setDataFormat(book.createDataFormat().getFormat(pattern));
            return style;
        }
    }

    private void overview(Sheet sheet, ReportData data, Styles styles) {
        IndicatorsClient.Board b = data.board();
        text(sheet.createRow(0), 0, "南宁市规划指标看板：" + pathText(b), styles.title);
        text(sheet.createRow(1), 0, "数据更新于 " + Presentation.time(b.asOf()) + "；统计期：" + (b.periodLabel() == null ? "近12个月" : b.periodLabel()), null);
        text(sheet.createRow(2), 0, "状态：✔ 达标（达到目标）、▲ 接近（达到目标的 90% 及以上）、✘ 落后、● 监测（规划未设目标值）、— 暂无数据或不适用", null);
        String[] headers = {"规划序号", "分组", "指标", "数值", "数值（文字）", "目标", "状态", "分子", "分母", "分子含义", "分母含义", "说明", "数据来源"};
        header(sheet.createRow(4), headers, styles);
        int r = 5;
        for (IndicatorsClient.IndicatorValue v : b.indicatorsOrEmpty()) {
            Row row = sheet.createRow(r++);
            text(row, 0, v.planNo(), null);
            text(row, 1, v.group(), null);
            text(row, 2, v.name(), null);
            number(row, 3, v.unit(), v.value(), styles);
            text(row, 4, v.valueText(), null);
            text(row, 5, v.targetText(), null);
            text(row, 6, Presentation.status(v.status(), v.statusLabel()), null);
            count(row, 7, v.numerator());
            count(row, 8, v.denominator());
            text(row, 9, v.numeratorLabel() == null ? "" : v.numeratorLabel(), null);
            text(row, 10, v.denominatorLabel() == null ? "" : v.denominatorLabel(), null);
            text(row, 11, v.detailsOrEmpty().stream().map(d -> d.label() + "：" + d.value()).collect(Collectors.joining("；")), null);
            text(row, 12, v.source() == null ? "" : v.source(), null);
        }
        int[] widths = {14, 12, 36, 10, 14, 16, 14, 10, 10, 22, 16, 60, 16};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        sheet.createFreezePane(0, 5);
    }

    private void children(Sheet sheet, ReportData data, Styles styles) {
        IndicatorsClient.Board b = data.board();
        if (b.childrenOrEmpty().isEmpty()) {
            text(sheet.createRow(0), 0, b.region().name() + "没有下级区划。", null);
            return;
        }
        List<IndicatorsClient.IndicatorValue> indicators = b.indicatorsOrEmpty();
        Row head = sheet.createRow(0);
        text(head, 0, "区划代码", styles.header);
        text(head, 1, "区划", styles.header);
        for (int i = 0; i < indicators.size(); i++) {
            text(head, i + 2, indicators.get(i).name(), styles.header);
            sheet.setColumnWidth(i + 2, 20 * 256);
        }
        sheet.setColumnWidth(0, 16 * 256);
        sheet.setColumnWidth(1, 24 * 256);
        int r = 1;
        for (IndicatorsClient.RegionRef child : b.childrenOrEmpty()) {
            Row row = sheet.createRow(r++);
            text(row, 0, child.code(), null);
            text(row, 1, child.name(), null);
            for (int i = 0; i < indicators.size(); i++) {
                IndicatorsClient.Ranking ranking = data.rankings().get(indicators.get(i).id());
                if (ranking == null) {
                    continue;
                }
                int column = 2 + i;
                ranking.itemsOrEmpty().stream().filter(item -> item.region().code().equals(child.code())).findFirst().ifPresent(item ->
                        text(row, column, item.valueText() + (judged(item.status()) ? "（" + item.statusLabel() + "）" : ""), null));
            }
        }
        sheet.createFreezePane(2, 1);
    }

    private void trend(Sheet sheet, ReportData data, Styles styles) {
        List<IndicatorsClient.IndicatorValue> indicators = data.board().indicatorsOrEmpty();
        Map<String, Map<String, IndicatorsClient.TrendPoint>> byMonth = new TreeMap<>();
        for (IndicatorsClient.IndicatorValue v : indicators) {
            IndicatorsClient.Trend trend = data.trends().get(v.id());
            if (trend != null) {
                trend.pointsOrEmpty().forEach(p -> byMonth.computeIfAbsent(p.month(), m -> new java.util.HashMap<>()).put(v.id(), p));
            }
        }
        Row head = sheet.createRow(0);
        text(head, 0, "月份", styles.header);
        for (int i = 0; i < indicators.size(); i++) {
            text(head, i + 1, indicators.get(i).name(), styles.header);
            sheet.setColumnWidth(i + 1, 20 * 256);
        }
        sheet.setColumnWidth(0, 12 * 256);
        int r = 1;
        for (Map.Entry<String, Map<String, IndicatorsClient.TrendPoint>> month : byMonth.entrySet()) {
            Row row = sheet.createRow(r++);
            text(row, 0, month.getKey(), null);
            for (int i = 0; i < indicators.size(); i++) {
                IndicatorsClient.TrendPoint p = month.getValue().get(indicators.get(i).id());
                if (p != null) {
                    number(row, i + 1, indicators.get(i).unit(), p.value(), styles);
                    if (p.value() == null) {
                        text(row, i + 1, p.valueText(), null);
                    }
                }
            }
        }
        text(sheet.createRow(r + 1), 0, "每月的数值为该月最后一次计算的结果；平台开始统计之前的月份没有数据，不补录。", null);
        sheet.createFreezePane(1, 1);
    }

    /** Statuses against a target; monitored values, missing ones and those that do not apply need no words added. */
    private static boolean judged(String status) {
        return "MET".equals(status) || "NEAR".equals(status) || "BEHIND".equals(status);
    }

    private static String pathText(IndicatorsClient.Board b) {
        return b.pathOrEmpty().isEmpty() ? b.region().name()
                : b.pathOrEmpty().stream().map(IndicatorsClient.RegionRef::name).collect(Collectors.joining(" › "));
    }

    private static void header(Row row, String[] headers, Styles styles) {
        for (int i = 0; i < headers.length; i++) {
            text(row, i, headers[i], styles.header);
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void count(Row row, int column, Long value) {
        if (value != null) {
            row.createCell(column).setCellValue(value);
        }
    }

    /** The value as a number the sheet can compute with: shares as fractions shown in % (‰ as thousandths). */
    private static void number(Row row, int column, String unit, BigDecimal value, Styles styles) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        switch (unit) {
            case "PERCENT" -> {
                cell.setCellValue(value.doubleValue());
                cell.setCellStyle(styles.percent);
            }
            case "PERMILLE" -> {
                cell.setCellValue(value.movePointRight(3).doubleValue());
                cell.setCellStyle(styles.permille);
            }
            case "COUNT" -> {
                cell.setCellValue(value.doubleValue());
                cell.setCellStyle(styles.whole);
            }
            default -> {
                cell.setCellValue(value.doubleValue());
                cell.setCellStyle(styles.decimal);
            }
        }
    }
}
