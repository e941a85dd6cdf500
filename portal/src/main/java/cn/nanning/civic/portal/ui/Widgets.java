package cn.nanning.civic.portal.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadHandler;

import java.util.List;
import java.util.Locale;

/**
 * Vaadin's widgets that carry their own English texts (calendar, upload button, error lines), made in Chinese. Views
 * create these through here only (a package rule checks it), so no English month name or "Upload Files..." slips in.
 */
public final class Widgets {

    private static final List<String> MONTHS = List.of("一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月",
            "十月", "十一月", "十二月");
    /** Vaadin lists weekdays from Sunday; the calendar itself starts on Monday (first day of week 1). */
    private static final List<String> WEEKDAYS = List.of("星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六");
    private static final List<String> WEEKDAYS_SHORT = List.of("日", "一", "二", "三", "四", "五", "六");

    private Widgets() {
    }

    /** A date field with a Chinese calendar: month names, weeks starting on Monday, 今天 and 取消, dates as 2026-12-07. */
    public static DatePicker datePicker(String label) {
        DatePicker picker = new DatePicker(label);
        picker.setLocale(Locale.SIMPLIFIED_CHINESE);
        picker.setI18n(datePickerI18n());
        return picker;
    }

    public static DateTimePicker dateTimePicker(String label) {
        DateTimePicker picker = new DateTimePicker(label);
        picker.setLocale(Locale.SIMPLIFIED_CHINESE);
        picker.setDatePickerI18n(datePickerI18n());
        picker.setI18n(new DateTimePicker.DateTimePickerI18n()
                .setDateLabel("日期").setTimeLabel("时间")
                .setBadInputErrorMessage("日期或时间格式不正确，请重新选择。")
                .setIncompleteInputErrorMessage("请同时选择日期和时间。")
                .setRequiredErrorMessage("请选择日期和时间。")
                .setMinErrorMessage("时间过早，请重新选择。")
                .setMaxErrorMessage("时间过晚，请重新选择。"));
        picker.setDatePlaceholder("日期");
        picker.setTimePlaceholder("时间");
        return picker;
    }

    public static TimePicker timePicker(String label) {
        TimePicker picker = new TimePicker(label);
        picker.setLocale(Locale.SIMPLIFIED_CHINESE);
        picker.setI18n(new TimePicker.TimePickerI18n()
                .setBadInputErrorMessage("时间格式不正确，请重新选择。")
                .setRequiredErrorMessage("请选择时间。")
                .setMinErrorMessage("时间过早，请重新选择。")
                .setMaxErrorMessage("时间过晚，请重新选择。"));
        return picker;
    }

    /** An upload of one file at a time with Chinese button, drop hint, progress and error texts. */
    public static Upload upload(UploadHandler handler, String hint) {
        Upload upload = new Upload(handler);
        upload.setI18n(uploadI18n());
        upload.setMaxFiles(1);
        upload.setDropLabel(new Span(hint));
        return upload;
    }

    public static DatePicker.DatePickerI18n datePickerI18n() {
        return new DatePicker.DatePickerI18n()
                .setMonthNames(MONTHS)
                .setWeekdays(WEEKDAYS)
                .setWeekdaysShort(WEEKDAYS_SHORT)
                .setFirstDayOfWeek(1)
                .setToday("今天")
                .setCancel("取消")
                .setDateFormat("yyyy-MM-dd")
                .setBadInputErrorMessage("日期格式不正确，请按 2026-12-07 的格式填写或从日历中选择。")
                .setRequiredErrorMessage("请选择日期。")
                .setMinErrorMessage("日期过早，请重新选择。")
                .setMaxErrorMessage("日期过晚，请重新选择。");
    }

    public static UploadI18N uploadI18n() {
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne("选择文件…").setMany("选择文件…"));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne("或把文件拖到这里").setMany("或把文件拖到这里"));
        i18n.setError(new UploadI18N.Error()
                .setTooManyFiles("一次只能上传一个文件。")
                .setFileIsTooBig("文件太大，请压缩后再上传。")
                .setIncorrectFileType("文件类型不符合要求。"));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting("正在连接…").setStalled("上传停滞，请稍候…")
                        .setProcessing("正在处理…").setHeld("等待上传"))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix("剩余时间：").setUnknown("剩余时间未知"))
                .setError(new UploadI18N.Uploading.Error().setServerUnavailable("上传失败，请稍后再试。")
                        .setUnexpectedServerError("上传失败，系统出现问题。").setForbidden("上传被拒绝。")));
        i18n.setFile(new UploadI18N.File().setRetry("重试").setStart("开始").setRemove("移除"));
        i18n.setUnits(List.of("字节", "KB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"));
        return i18n;
    }
}
