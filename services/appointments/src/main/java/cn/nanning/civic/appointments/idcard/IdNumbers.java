package cn.nanning.civic.appointments.idcard;

import cn.nanning.civic.common.problem.ProblemException;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;

/** Resident ID numbers (GB 11643-1999): 17 digits, a valid birth date at 7–14, and the ISO 7064 MOD 11-2 check character. */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private IdNumbers() {
    }

    /** The normalised number (upper-case X), or a 400 naming {@code field}. */
    public static String require(String field, String value) {
        String id = value == null ? "" : value.strip().toUpperCase();
        if (!id.matches("\\d{17}[\\dX]")) {
            throw ProblemException.invalidField(field, "身份证号码应为 18 位，最后一位可以是 X。");
        }
        if (birthDateOrNull(id) == null) {
            throw ProblemException.invalidField(field, "身份证号码中的出生日期无效。");
        }
        if (checkCharacter(id) != id.charAt(17)) {
            throw ProblemException.invalidField(field, "身份证号码校验位不正确，请核对。");
        }
        return id;
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    public static LocalDate birthDate(String id) {
        return birthDateOrNull(id);
    }

    public static int ageOn(String id, LocalDate day) {
        return Period.between(birthDate(id), day).getYears();
    }

    private static LocalDate birthDateOrNull(String id) {
        try {
            return LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)), Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
