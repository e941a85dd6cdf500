package cn.nanning.civic.volunteers;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/** Valid resident ID numbers for tests (random sequence digits, correct GB 11643 check character). */
public final class TestIdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private TestIdNumbers() {
    }

    public static String bornOn(LocalDate birth) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String first17 = "4501" + String.format("%02d", random.nextInt(2, 30)) + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", random.nextInt(1000));
        return first17 + check(first17);
    }

    public static String adult() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // Born 1970–1999: always of age and always under 60, so age-limit tests do not depend on the draw.
        return bornOn(LocalDate.of(random.nextInt(1970, 2000), random.nextInt(1, 13), random.nextInt(1, 29)));
    }

    public static char check(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return "10X98765432".charAt(sum % 11);
    }
}
