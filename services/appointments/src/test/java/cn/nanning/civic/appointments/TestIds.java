package cn.nanning.civic.appointments;

import cn.nanning.civic.appointments.idcard.IdNumbers;

import java.util.concurrent.ThreadLocalRandom;

/** Valid resident ID numbers for tests (real check digit, random sequence so reruns never collide). */
public final class TestIds {

    private TestIds() {
    }

    /** An ID number of someone born on {@code yyyymmdd} in 青秀区. */
    public static String bornOn(String yyyymmdd) {
        String first17 = "450103" + yyyymmdd + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        return first17 + IdNumbers.checkCharacter(first17);
    }

    public static String withWrongCheckDigit(String yyyymmdd) {
        String valid = bornOn(yyyymmdd);
        char wrong = valid.charAt(17) == '0' ? '1' : '0';
        return valid.substring(0, 17) + wrong;
    }
}
