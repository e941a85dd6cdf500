package cn.nanning.civic.common;

import cn.nanning.civic.common.paging.Paging;
import cn.nanning.civic.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagingTest {

    @Test
    void aPageBeyondTheIntegerRangeIsABadRequestNotAnOverflow() {
        assertThatThrownBy(() -> Paging.offset(Integer.MAX_VALUE, 50, 50))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status().getCode()).isEqualTo(400);
                    assertThat(e.errors()).extracting(f -> f.field()).containsExactly("page");
                    assertThat(e.detail()).contains("最多只能翻看前");
                });
    }

    @Test
    void negativePagesAndSizesOutsideTheLimitAreRefusedInChinese() {
        assertThatThrownBy(() -> Paging.offset(-1, 10, 50)).hasMessageContaining("页码不能小于 0");
        assertThatThrownBy(() -> Paging.offset(0, 0, 50)).hasMessageContaining("每页条数须在 1 到 50 之间");
        assertThatThrownBy(() -> Paging.offset(0, 51, 50)).hasMessageContaining("每页条数须在 1 到 50 之间");
    }

    @Test
    void theOffsetOfAValidPageIsPageTimesSize() {
        assertThat(Paging.offset(0, 20, 100)).isZero();
        assertThat(Paging.offset(3, 20, 100)).isEqualTo(60);
        assertThat(Paging.offset(99, 100, 100, 10_000)).isEqualTo(9_900);
    }
}
