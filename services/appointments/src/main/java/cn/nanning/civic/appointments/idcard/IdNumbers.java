package cn.nanning.civic.appointments.idcard;

import cn.nanning.civic.common.idcard.ResidentIdNumber;
import cn.nanning.civic.common.problem.ProblemException;

import java.time.LocalDate;

/** The module's use of resident ID numbers: the shared parser, its refusals turned into a 400 naming the field. */
public final class IdNumbers {

    private IdNumbers() {
    }

    /** The parsed number (upper-case X), or a 400 naming {@code field} with the parser's Chinese reason. */
    public static ResidentIdNumber require(String field, String value, LocalDate today) {
        try {
            return ResidentIdNumber.parse(value, today);
        } catch (ResidentIdNumber.Invalid e) {
            throw ProblemException.invalidField(field, e.getMessage());
        }
    }

    public static char checkCharacter(String first17) {
        return ResidentIdNumber.checkCharacter(first17);
    }

    /** Age of a number stored after validation (its birth date may lie after a back-dated test clock's today). */
    public static int ageOn(String id, LocalDate day) {
        return ResidentIdNumber.parse(id, LocalDate.MAX).ageOn(day);
    }
}
