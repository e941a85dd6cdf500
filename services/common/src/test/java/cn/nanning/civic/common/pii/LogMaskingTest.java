package cn.nanning.civic.common.pii;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogMaskingTest {

    @Test
    void idNumbersAndPhonesAnywhereInALineAreMaskedAsOnScreens() {
        String line = "GET /api/v1/volunteers/by-id/45010319900101123X 404; phone=13812345678, other 450103199001011234.";

        assertThat(LogMasking.mask(line)).isEqualTo(
                "GET /api/v1/volunteers/by-id/4501**********123X 404; phone=138****5678, other 4501**********1234.");
    }

    @Test
    void timestampsUuidsAndLongerNumbersAreLeftAlone() {
        String line = "offset 17336123456789 at 1733612345678 id 3f2c1d8e-0b1a-4c5d-9e8f-123456789012 n=12345678901234567890";

        assertThat(LogMasking.mask(line)).isSameAs(line);
    }

    @Test
    void aLineWithoutLongDigitRunsIsReturnedAsItIs() {
        String line = "Citizen signed in with WeChat (new account)";

        assertThat(LogMasking.mask(line)).isSameAs(line);
    }
}
