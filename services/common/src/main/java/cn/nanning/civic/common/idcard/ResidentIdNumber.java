package cn.nanning.civic.common.idcard;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;

/**
 * An 18-character resident identity number (GB 11643-1999): 6-digit address code, 8-digit birth date,
 * 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character (0–9 or X).
 */
public record ResidentIdNumber(String value, LocalDate birthDate, char sex) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    /** Thrown with a message that can be shown to the person typing the number. */
    public static final class Invalid extends IllegalArgumentException {
        private Invalid(String message) {
            super(message);
        }
    }

    /**
     * Validates and normalises (upper-case X) a number.
     *
     * @param today the day the number is checked on; a birth date after it is impossible
     */
    public static ResidentIdNumber parse(String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) {
            throw new Invalid("请填写身份证号码。");
        }
        String id = raw.strip().toUpperCase(Locale.ROOT);
        if (id.length() != 18) {
            throw new Invalid("身份证号码应为 18 位。");
        }
        for (int i = 0; i < 17; i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                throw new Invalid("身份证号码前 17 位只能是数字。");
            }
        }
        char last = id.charAt(17);
        if ((last < '0' || last > '9') && last != 'X') {
            throw new Invalid("身份证号码最后一位只能是数字或 X。");
        }
        if (id.charAt(0) < '1' || id.charAt(0) > '9') {
            throw new Invalid("身份证号码的地址码不正确。");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException e) {
            throw new Invalid("身份证号码中的出生日期不存在，请核对。");
        }
        if (birth.isBefore(EARLIEST) || birth.isAfter(today)) {
            throw new Invalid("身份证号码中的出生日期不可能，请核对。");
        }
        if (checkCharacter(id) != last) {
            throw new Invalid("身份证号码校验位不正确，请核对是否输错。");
        }
        char sex = (id.charAt(16) - '0') % 2 == 1 ? 'M' : 'F';
        return new ResidentIdNumber(id, birth, sex);
    }

    /** The check character for the first 17 digits of a number. */
    public static char checkCharacter(String id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }
}
