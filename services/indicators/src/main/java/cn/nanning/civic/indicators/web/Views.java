package cn.nanning.civic.indicators.web;

import cn.nanning.civic.indicators.domain.Measurement;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the indicators API answers. Shares are 0..1 ({@code valueText} shows them as people read them). */
final class Views {

    private Views() {
    }

    @Serdeable
    record RegionRef(String code, String name, String level, String levelLabel) {
    }

    /** What an indicator is, without a value. */
    @Serdeable
    record IndicatorInfo(String id, String planNo, String group, String name, String description, String unit,
                         @Nullable BigDecimal target, String targetText, boolean higherIsBetter, String source,
                         @Nullable String numeratorLabel, @Nullable String denominatorLabel) {
    }

    /** An indicator of a region: value, target, status (code and Chinese label), the parts it was computed from. */
    @Serdeable
    record IndicatorValue(String id, String planNo, String group, String name, String description, String unit,
                          @Nullable BigDecimal value, String valueText, @Nullable BigDecimal target, String targetText,
                          String status, String statusLabel, @Nullable Long numerator, @Nullable Long denominator,
                          @Nullable String numeratorLabel, @Nullable String denominatorLabel, boolean higherIsBetter,
                          String source, List<Measurement.Detail> details) {
    }

    /**
     * A region's dashboard: where it sits (path from the city), what lies under it (for drill-down), every indicator,
     * when the figures were computed and over which period.
     */
    @Serdeable
    record Board(RegionRef region, List<RegionRef> path, List<RegionRef> children, Instant asOf, @Nullable Instant volunteersAsOf,
                 LocalDate periodFrom, LocalDate periodTo, String periodLabel, List<IndicatorValue> indicators) {
    }

    @Serdeable
    record RankedRegion(@Nullable Integer rank, RegionRef region, @Nullable BigDecimal value, String valueText, String status, String statusLabel,
                        @Nullable Long numerator, @Nullable Long denominator) {
    }

    /** The child regions of a region for one indicator, where to act first (lowest, or for days highest) on top. */
    @Serdeable
    record Ranking(IndicatorInfo indicator, RegionRef region, Instant asOf, List<RankedRegion> items, @Nullable String note) {
    }

    @Serdeable
    record TrendPoint(String month, @Nullable BigDecimal value, String valueText, String status, String statusLabel,
                      @Nullable Long numerator, @Nullable Long denominator, Instant takenAt, boolean current) {
    }

    /** Monthly values kept since the platform began taking snapshots (never back-filled), the current month live. */
    @Serdeable
    record Trend(IndicatorInfo indicator, RegionRef region, List<TrendPoint> points, String note) {
    }

    @Serdeable
    record Refreshed(Instant asOf, int durationMillis) {
    }
}
