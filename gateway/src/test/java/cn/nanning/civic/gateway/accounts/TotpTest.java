package cn.nanning.civic.gateway.accounts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The test vectors of RFC 6238 appendix B, and RFC 4648's base32 vectors. */
class TotpTest {

    private static byte[] seed(String algorithm) {
        String base = switch (algorithm) {
            case "HmacSHA1" -> "12345678901234567890";
            case "HmacSHA256" -> "12345678901234567890123456789012";
            default -> "1234567890123456789012345678901234567890123456789012345678901234";
        };
        return base.getBytes(StandardCharsets.US_ASCII);
    }

    @ParameterizedTest(name = "{1} at {0}")
    @CsvSource({
            "59, HmacSHA1, 94287082", "59, HmacSHA256, 46119246", "59, HmacSHA512, 90693936",
            "1111111109, HmacSHA1, 07081804", "1111111109, HmacSHA256, 68084774", "1111111109, HmacSHA512, 25091201",
            "1111111111, HmacSHA1, 14050471", "1111111111, HmacSHA256, 67062674", "1111111111, HmacSHA512, 99943326",
            "1234567890, HmacSHA1, 89005924", "1234567890, HmacSHA256, 91819424", "1234567890, HmacSHA512, 93441116",
            "2000000000, HmacSHA1, 69279037", "2000000000, HmacSHA256, 90698825", "2000000000, HmacSHA512, 38618901",
            "20000000000, HmacSHA1, 65353130", "20000000000, HmacSHA256, 77737706", "20000000000, HmacSHA512, 47863826"})
    void producesTheCodesOfRfc6238AppendixB(long epochSeconds, String algorithm, String expected) {
        assertThat(Totp.code(seed(algorithm), Totp.step(Instant.ofEpochSecond(epochSeconds)), 8, algorithm)).isEqualTo(expected);
    }

    @Test
    void acceptsTheCurrentCodeAndOneStepEitherSideButNotTwo() {
        byte[] key = seed("HmacSHA1");
        Instant now = Instant.ofEpochSecond(1_234_567_890);
        long step = Totp.step(now);

        assertThat(Totp.matchingStep(key, Totp.code(key, step, 6, "HmacSHA1"), now)).hasValue(step);
        assertThat(Totp.matchingStep(key, Totp.code(key, step - 1, 6, "HmacSHA1"), now)).hasValue(step - 1);
        assertThat(Totp.matchingStep(key, Totp.code(key, step + 1, 6, "HmacSHA1"), now)).hasValue(step + 1);
        assertThat(Totp.matchingStep(key, Totp.code(key, step - 2, 6, "HmacSHA1"), now)).isEmpty();
        assertThat(Totp.matchingStep(key, "12345", now)).isEmpty();
        assertThat(Totp.matchingStep(key, null, now)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB", "foobar, MZXW6YTBOI"})
    void encodesBase32AsRfc4648WithoutPadding(String input, String expected) {
        assertThat(Totp.base32(input.getBytes(StandardCharsets.US_ASCII))).isEqualTo(expected);
    }
}
