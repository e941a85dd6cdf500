package cn.nanning.civic.common.pii;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldCipherTest {

    private static final String K1 = "k1:ISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+P0A=";
    private static final String K2 = "k2:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private static final String INDEX = "aW5kZXgta2V5LWZvci10ZXN0cy1vbmx5LTMyLWJ5dGVzISE=";

    private final FieldCipher cipher = new FieldCipher(new PiiProperties(List.of(K2, K1), INDEX));

    @Test
    void aValueRoundTripsAndIsNotStoredInPlainText() {
        String stored = cipher.encrypt("450103199001011234", "volunteer.id_number");
        assertThat(stored).startsWith("k2:").doesNotContain("1990");
        assertThat(cipher.decrypt(stored, "volunteer.id_number")).isEqualTo("450103199001011234");
    }

    @Test
    void theSameValueEncryptsDifferentlyEachTime() {
        assertThat(cipher.encrypt("13812345678", "c")).isNotEqualTo(cipher.encrypt("13812345678", "c"));
    }

    @Test
    void aCiphertextMovedToAnotherColumnDoesNotDecrypt() {
        String stored = cipher.encrypt("13812345678", "account.phone");
        assertThatThrownBy(() -> cipher.decrypt(stored, "account.id_number")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void valuesWrittenWithAnOlderKeyStillDecryptAfterRotation() {
        FieldCipher old = new FieldCipher(new PiiProperties(List.of(K1), INDEX));
        String stored = old.encrypt("张三", "name");
        assertThat(cipher.decrypt(stored, "name")).isEqualTo("张三");
    }

    @Test
    void rotatingTheEncryptionKeyKeepsEveryBlindIndexSoLookupsStillFindTheirRows() {
        FieldCipher beforeRotation = new FieldCipher(new PiiProperties(List.of(K1), INDEX));
        FieldCipher afterRotation = cipher; // K2 now encrypts, K1 still decrypts, the index key is unchanged

        for (String purpose : List.of("volunteer.id_number", "volunteer.name", "assisted_booking.resident_phone")) {
            assertThat(afterRotation.blindIndex("450103199001011234", purpose))
                    .isEqualTo(beforeRotation.blindIndex("450103199001011234", purpose));
        }
        assertThat(afterRotation.encrypt("x", "c")).startsWith("k2:");
    }

    @Test
    void theIndexKeyIsRequiredOutsideDevelopmentAndNeverTheEncryptionKey() {
        assertThatThrownBy(() -> new FieldCipher(new PiiProperties(List.of(K2, K1), null)))
                .hasMessageContaining("PII_INDEX_KEY");
        assertThatThrownBy(() -> new FieldCipher(new PiiProperties(List.of(K1), " ")))
                .hasMessageContaining("PII_INDEX_KEY");
        FieldCipher dev = new FieldCipher(new PiiProperties(List.of("k1:" + FieldCipher.DEV_KEY), null));
        FieldCipher devRotated = new FieldCipher(new PiiProperties(List.of(K2, "k1:" + FieldCipher.DEV_KEY), null));
        assertThat(devRotated.blindIndex("13812345678", "phone")).isEqualTo(dev.blindIndex("13812345678", "phone"));
    }

    @Test
    void blindIndexesAreStablePerPurposeAndDifferAcrossPurposes() {
        assertThat(cipher.blindIndex("450103199001011234", "id")).isEqualTo(cipher.blindIndex(" 450103199001011234 ", "id"));
        assertThat(cipher.blindIndex("450103199001011234", "id")).isNotEqualTo(cipher.blindIndex("450103199001011234", "phone"));
    }

    @Test
    void documentsRoundTripAndAreBoundToTheirContext() {
        byte[] pdf = "%PDF-1.7 材料".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] stored = cipher.encryptBytes(pdf, "material:1");
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
        assertThat(cipher.decryptBytes(stored, "material:1")).isEqualTo(pdf);
        assertThatThrownBy(() -> cipher.decryptBytes(stored, "material:2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void masksShowOnlyTheEnds() {
        assertThat(Masking.idNumber("450103199001011234")).isEqualTo("4501**********1234");
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.name("张三丰")).isEqualTo("张**");
    }
}
