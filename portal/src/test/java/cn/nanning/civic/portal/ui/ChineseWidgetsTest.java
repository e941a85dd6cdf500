package cn.nanning.civic.portal.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadHandler;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChineseWidgetsTest {

    @Test
    void the_calendar_names_months_and_days_in_chinese_starts_on_monday_and_says_today_and_cancel() {
        DatePicker.DatePickerI18n i18n = Widgets.datePicker("日期").getI18n();
        assertThat(i18n.getMonthNames()).startsWith("一月", "二月").endsWith("十二月").hasSize(12);
        assertThat(i18n.getWeekdaysShort()).containsExactly("日", "一", "二", "三", "四", "五", "六");
        assertThat(i18n.getFirstDayOfWeek()).isEqualTo(1);
        assertThat(i18n.getToday()).isEqualTo("今天");
        assertThat(i18n.getCancel()).isEqualTo("取消");
        assertThat(i18n.getBadInputErrorMessage()).contains("日期格式不正确");
    }

    @Test
    void the_date_time_picker_uses_the_same_chinese_calendar() {
        DateTimePicker picker = Widgets.dateTimePicker("会议时间");
        assertThat(picker.getDatePickerI18n().getMonthNames()).contains("十二月");
        assertThat(picker.getDatePickerI18n().getFirstDayOfWeek()).isEqualTo(1);
        assertThat(picker.getI18n().getIncompleteInputErrorMessage()).isEqualTo("请同时选择日期和时间。");
    }

    @Test
    void every_text_of_the_upload_is_chinese() {
        Upload upload = Widgets.upload(UploadHandler.inMemory((metadata, bytes) -> { }), "上传材料");
        UploadI18N i18n = upload.getI18n();
        List<String> texts = new ArrayList<>(List.of(i18n.getAddFiles().getOne(), i18n.getAddFiles().getMany(),
                i18n.getDropFiles().getOne(), i18n.getDropFiles().getMany(), i18n.getError().getFileIsTooBig(),
                i18n.getError().getIncorrectFileType(), i18n.getError().getTooManyFiles(), i18n.getFile().getRemove(),
                i18n.getFile().getRetry(), i18n.getFile().getStart(), i18n.getUploading().getStatus().getConnecting(),
                i18n.getUploading().getStatus().getProcessing(), i18n.getUploading().getError().getServerUnavailable()));
        assertThat(texts).allSatisfy(text -> assertThat(text).doesNotContainPattern("[A-Za-z]").isNotBlank());
        assertThat(i18n.getAddFiles().getOne()).isEqualTo("选择文件…");
    }
}
