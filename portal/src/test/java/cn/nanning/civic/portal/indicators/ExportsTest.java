package cn.nanning.civic.portal.indicators;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/** The workbook opens in POI with the figures in place; the report's text can be extracted; both survive empty answers. */
class ExportsTest {

    @Test
    void theWorkbookHoldsTheOverviewTheChildRegionsAndTheTrend() throws IOException {
        byte[] bytes = new IndicatorWorkbook().write(Samples.district());
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("指标概览");
            Sheet overview = book.getSheet("指标概览");
            assertThat(overview.getRow(0).getCell(0).getStringCellValue()).isEqualTo("南宁市规划指标看板：南宁市 › 青秀区");
            assertThat(overview.getRow(4).getCell(2).getStringCellValue()).isEqualTo("指标");
            assertThat(overview.getRow(5).getCell(2).getStringCellValue()).isEqualTo("村（社区）政务服务办理或代办覆盖率");
            assertThat(overview.getRow(5).getCell(3).getNumericCellValue()).isEqualTo(0.9);
            assertThat(overview.getRow(5).getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(overview.getRow(5).getCell(6).getStringCellValue()).isEqualTo("✔ 达标");
            assertThat(overview.getRow(6).getCell(3)).as("no number is made up for a missing population").isNull();
            assertThat(overview.getRow(6).getCell(4).getStringCellValue()).isEqualTo("人口数据未接入");
            assertThat(overview.getRow(6).getCell(7).getNumericCellValue()).isEqualTo(1234);
            assertThat(overview.getRow(7).getCell(3).getNumericCellValue()).isEqualTo(1.2);

            Sheet children = book.getSheet("下级区划");
            assertThat(children.getRow(1).getCell(1).getStringCellValue()).isEqualTo("新竹街道");
            assertThat(children.getRow(1).getCell(2).getStringCellValue()).isEqualTo("100.0%（达标）");
            assertThat(children.getRow(2).getCell(2).getStringCellValue()).isEqualTo("50.0%（落后）");

            Sheet trend = book.getSheet("月度趋势");
            assertThat(trend.getRow(1).getCell(0).getStringCellValue()).isEqualTo("2025-05");
            assertThat(trend.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(0.9);
        }
    }

    @Test
    void theMonthlyReportNamesTheRegionMonthIndicatorsAndStatusesInChinese() throws IOException {
        MonthlyReport report = new MonthlyReport();
        assertThat(report.available()).as("a CJK font is installed (fonts-droid-fallback)").isTrue();
        byte[] bytes = report.write(Samples.district(), YearMonth.of(2025, 6));
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(4);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("南宁市规划指标月度报告", "青秀区", "2025年6月", "村（社区）政务服务办理或代办覆盖率",
                    "人口数据未接入", "新竹街道", "中山街道", "目标", "达标", "落后", "月度趋势");
        }
    }

    @Test
    void bothExportsSurviveAVillageWithoutAnyFigures() throws IOException {
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(new IndicatorWorkbook().write(Samples.bareVillage())))) {
            assertThat(book.getSheet("下级区划").getRow(0).getCell(0).getStringCellValue()).isEqualTo("新竹社区没有下级区划。");
        }
        try (PDDocument pdf = Loader.loadPDF(new MonthlyReport().write(Samples.bareVillage(), YearMonth.of(2025, 6)))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("新竹社区", "尚未计算");
        }
    }
}
