package cn.nanning.civic.indicators.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/**
 * One indicator's value for one region: the value (a share 0..1, a count or days), the parts it was computed from,
 * the status against the target with a label for people (e.g. “人口数据未接入” rather than an invented figure), and
 * lines explaining it.
 */
public record Measurement(Indicator indicator, String regionCode, @Nullable BigDecimal value, @Nullable Long numerator,
                          @Nullable Long denominator, Status status, String statusLabel, List<Detail> details) {

    @Serdeable
    public record Detail(String label, String value) {
    }

    /** The value as people read it, or the status label when there is none. */
    public String valueText() {
        return value == null ? statusLabel : indicator.unit().format(value);
    }
}
