package cn.nanning.civic.volunteers.hours;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StarLevelTest {

    @Test
    void starsAreEarnedAt100And300And600And1000And1500Hours() {
        assertThat(StarLevel.of(0)).isZero();
        assertThat(StarLevel.of(100 * 60 - 1)).isZero();
        assertThat(StarLevel.of(100 * 60)).isEqualTo(1);
        assertThat(StarLevel.of(300 * 60 - 1)).isEqualTo(1);
        assertThat(StarLevel.of(300 * 60)).isEqualTo(2);
        assertThat(StarLevel.of(600 * 60)).isEqualTo(3);
        assertThat(StarLevel.of(1000 * 60 - 1)).isEqualTo(3);
        assertThat(StarLevel.of(1000 * 60)).isEqualTo(4);
        assertThat(StarLevel.of(1500 * 60)).isEqualTo(5);
        assertThat(StarLevel.of(9000 * 60)).isEqualTo(5);
    }

    @Test
    void theNextThresholdIsShownUntilFiveStars() {
        assertThat(StarLevel.nextThresholdHours(0)).isEqualTo(100);
        assertThat(StarLevel.nextThresholdHours(4)).isEqualTo(1500);
        assertThat(StarLevel.nextThresholdHours(5)).isNull();
        assertThat(StarLevel.label(3)).isEqualTo("三星志愿者");
    }
}
