package cn.nanning.civic.appointments.booking;

import cn.nanning.civic.common.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;

import java.util.regex.Pattern;

/**
 * How residents reach a place: a phone number to call, opening hours as people write them (周一至周五 8:30–12:00，
 * 14:30–17:30), and the coordinates a map opens at. Each part is optional, but coordinates come as a pair and must lie
 * in or around Nanning (a swapped latitude and longitude is the usual mistake).
 */
public record PlaceContact(@Nullable String phone, @Nullable String openingHours, @Nullable Double latitude,
                           @Nullable Double longitude) {

    /** Landline with or without area code and extension, or a mobile number. */
    private static final Pattern PHONE = Pattern.compile("(0\\d{2,3}-?)?\\d{7,8}(-\\d{1,6})?|1\\d{10}|12348|12345");

    public static final PlaceContact NONE = new PlaceContact(null, null, null, null);

    /** The contact as entered, tidied and checked; the reason in Chinese, naming the field, otherwise. */
    public static PlaceContact checked(@Nullable String phone, @Nullable String openingHours, @Nullable Double latitude,
                                       @Nullable Double longitude) {
        String p = blankToNull(phone);
        if (p != null) {
            p = p.replace(" ", "").replace("（", "").replace("）", "-").replace("(", "").replace(")", "-");
            if (!PHONE.matcher(p).matches()) {
                throw ProblemException.invalidField("phone", "电话号码格式不对，请填写固定电话（如 0771-5551234）或手机号。");
            }
        }
        String hours = blankToNull(openingHours);
        if (hours != null && hours.length() > 100) {
            throw ProblemException.invalidField("openingHours", "开放时间不超过 100 个字。");
        }
        if ((latitude == null) != (longitude == null)) {
            throw ProblemException.invalidField(latitude == null ? "latitude" : "longitude", "请同时填写纬度和经度。");
        }
        if (latitude != null && (latitude < 21.5 || latitude > 24.5 || longitude < 106.5 || longitude > 110)) {
            throw ProblemException.invalidField("latitude", "坐标不在南宁市范围内，请核对纬度（约 22 至 24）和经度（约 107 至 109）是否填反。");
        }
        return new PlaceContact(p, hours, latitude, longitude);
    }

    private static String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
