package cn.nanning.civic.common.identity;

import cn.nanning.civic.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegionCodesTest {

    @Test
    void anAreaCodeBecomesThePrefixOfEverythingInside() {
        assertThat(RegionCodes.areaPrefix("450100", "region")).isEqualTo("4501");
        assertThat(RegionCodes.areaPrefix(" 450103 ", "region")).isEqualTo("450103");
        assertThat(RegionCodes.areaPrefix("450103001", "region")).isEqualTo("450103001");
        assertThat(RegionCodes.areaPrefix("450103001001", "region")).isEqualTo("450103001001");
    }

    @Test
    void malformedCodesAreRefusedWithTheFieldNamed() {
        for (String bad : new String[]{null, "", "4501", "45010300", "45010300100x", "4501030010011"}) {
            assertThat(RegionCodes.isAreaCode(bad)).as(bad).isFalse();
            assertThatThrownBy(() -> RegionCodes.areaPrefix(bad, "area")).isInstanceOf(ProblemException.class)
                    .hasMessageContaining("区域代码");
        }
    }
}
