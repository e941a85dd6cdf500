package cn.nanning.civic.common.idcard;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResidentIdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    @Test
    void aValidNumberYieldsItsBirthDateAndSex() {
        // 11010519491231002X is the worked example of GB 11643-1999: born 1949-12-31, sequence 002 (even → female).
        ResidentIdNumber id = ResidentIdNumber.parse("11010519491231002X", TODAY);
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.sex()).isEqualTo('F');
        assertThat(id.value()).isEqualTo("11010519491231002X");
    }

    @Test
    void anOddSequenceDigitMeansMale() {
        String first17 = "45010319900307123";
        ResidentIdNumber id = ResidentIdNumber.parse(first17 + ResidentIdNumber.checkCharacter(first17), TODAY);
        assertThat(id.sex()).isEqualTo('M');
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1990, 3, 7));
    }

    @Test
    void aLowerCaseXCheckCharacterIsAcceptedAndNormalised() {
        assertThat(ResidentIdNumber.parse(" 11010519491231002x ", TODAY).value()).isEqualTo("11010519491231002X");
    }

    @Test
    void theCheckCharacterFollowsIso7064Mod112() {
        assertThat(ResidentIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(ResidentIdNumber.checkCharacter("44052418800101001")).isEqualTo('4');
        assertThat(ResidentIdNumber.checkCharacter("11010119900307777")).isEqualTo('4');
    }

    @Test
    void eachPossibleCheckCharacterIsReachable() {
        java.util.Set<Character> seen = new java.util.HashSet<>();
        for (int seq = 0; seq < 1000 && seen.size() < 11; seq++) {
            seen.add(ResidentIdNumber.checkCharacter("45010319900307" + String.format("%03d", seq)));
        }
        assertThat(seen).containsExactlyInAnyOrder('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X');
    }

    @Test
    void aWrongCheckDigitIsRejectedWithAChineseMessage() {
        assertThatThrownBy(() -> ResidentIdNumber.parse("110105194912310021", TODAY))
                .isInstanceOf(ResidentIdNumber.Invalid.class).hasMessageContaining("校验位不正确");
        assertThatThrownBy(() -> ResidentIdNumber.parse("450103199003071235", TODAY))
                .hasMessageContaining("校验位不正确");
    }

    @Test
    void anXWhereADigitIsExpectedIsRejected() {
        assertThatThrownBy(() -> ResidentIdNumber.parse("45010319900307123X", TODAY)).hasMessageContaining("校验位不正确");
    }

    @ParameterizedTest
    @ValueSource(strings = {"45010319900230", "45010319900431", "45010319890229", "45010319901301", "45010319900100"})
    void anImpossibleBirthDateIsRejected(String prefix) {
        String first17 = prefix + "123";
        assertThatThrownBy(() -> ResidentIdNumber.parse(first17 + ResidentIdNumber.checkCharacter(first17), TODAY))
                .isInstanceOf(ResidentIdNumber.Invalid.class).hasMessageContaining("出生日期不存在");
    }

    @Test
    void aLeapDayBirthIsAccepted() {
        String first17 = "45010320000229123";
        assertThat(ResidentIdNumber.parse(first17 + ResidentIdNumber.checkCharacter(first17), TODAY).birthDate())
                .isEqualTo(LocalDate.of(2000, 2, 29));
    }

    @Test
    void aBirthDateInTheFutureOrBefore1900IsRejected() {
        String future = "45010320250602123";
        assertThatThrownBy(() -> ResidentIdNumber.parse(future + ResidentIdNumber.checkCharacter(future), TODAY))
                .hasMessageContaining("出生日期不可能");
        String ancient = "45010318991231123";
        assertThatThrownBy(() -> ResidentIdNumber.parse(ancient + ResidentIdNumber.checkCharacter(ancient), TODAY))
                .hasMessageContaining("出生日期不可能");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "4501031990030712", "4501031990030712345", "45010319900307A23X", "4501031990030712Y3",
            "45010319900307123Y", "050103199003071231"})
    void malformedNumbersAreRejected(String raw) {
        assertThatThrownBy(() -> ResidentIdNumber.parse(raw, TODAY)).isInstanceOf(ResidentIdNumber.Invalid.class);
    }

    @Test
    void nullIsRejected() {
        assertThatThrownBy(() -> ResidentIdNumber.parse(null, TODAY)).hasMessageContaining("请填写身份证号码");
    }

    @Test
    void ageIsCountedInCompletedYears() {
        ResidentIdNumber id = ResidentIdNumber.parse("11010519491231002X", TODAY);
        assertThat(id.ageOn(LocalDate.of(1963, 12, 30))).isEqualTo(13);
        assertThat(id.ageOn(LocalDate.of(1963, 12, 31))).isEqualTo(14);
    }
}
