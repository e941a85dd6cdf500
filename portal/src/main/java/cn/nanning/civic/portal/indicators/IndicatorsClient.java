package cn.nanning.civic.portal.indicators;

import cn.nanning.civic.portal.gateway.GatewayClient;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The plan indicator dashboard's calls to the gateway: a region's indicators, a ranking of its children, a trend. */
@Singleton
public class IndicatorsClient {

    private final GatewayClient gateway;

    IndicatorsClient(GatewayClient gateway) {
        this.gateway = gateway;
    }

    /** A region's indicators; {@code token} null for the public summary (city and districts only). */
    public Board board(@Nullable String region, @Nullable String token) {
        String base = token == null ? "/api/v1/indicators/public" : "/api/v1/indicators";
        return gateway.call(() -> auth(HttpRequest.GET(base + query(region)), token), Argument.of(Board.class));
    }

    public Ranking ranking(String indicator, @Nullable String region, @Nullable String token) {
        String path = token == null ? "/api/v1/indicators/public/" + encode(indicator) + "/ranking"
                : "/api/v1/indicators/" + encode(indicator) + "/ranking" + query(region);
        return gateway.call(() -> auth(HttpRequest.GET(path), token), Argument.of(Ranking.class));
    }

    public Trend trend(String indicator, @Nullable String region, @Nullable String token) {
        String base = token == null ? "/api/v1/indicators/public/" : "/api/v1/indicators/";
        return gateway.call(() -> auth(HttpRequest.GET(base + encode(indicator) + "/trend" + query(region)), token), Argument.of(Trend.class));
    }

    private static MutableHttpRequest<?> auth(MutableHttpRequest<?> request, @Nullable String token) {
        return token == null ? request : request.bearerAuth(token);
    }

    private static String query(@Nullable String region) {
        return region == null || region.isBlank() ? "" : "?region=" + encode(region);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static <T> List<T> orEmpty(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }

    @Serdeable
    public record RegionRef(String code, String name, String level, @Nullable String levelLabel) {
    }

    @Serdeable
    public record Detail(String label, String value) {
    }

    @Serdeable
    public record IndicatorValue(String id, String planNo, String group, String name, @Nullable String description, String unit,
                                 @Nullable BigDecimal value, String valueText, @Nullable BigDecimal target, String targetText,
                                 String status, String statusLabel, @Nullable Long numerator, @Nullable Long denominator,
                                 @Nullable String numeratorLabel, @Nullable String denominatorLabel, boolean higherIsBetter,
                                 @Nullable String source, @Nullable List<Detail> details) {
        // Collections the API leaves out read as empty, never null (AnswerShapesTest).
        public IndicatorValue {
            details = orEmpty(details);
        }

        public List<Detail> detailsOrEmpty() {
            return orEmpty(details);
        }
    }

    @Serdeable
    public record Board(RegionRef region, @Nullable List<RegionRef> path, @Nullable List<RegionRef> children, @Nullable Instant asOf,
                        @Nullable Instant volunteersAsOf, @Nullable LocalDate periodFrom, @Nullable LocalDate periodTo,
                        @Nullable String periodLabel, @Nullable List<IndicatorValue> indicators) {
        // Collections the API leaves out read as empty, never null (AnswerShapesTest).
        public Board {
            path = orEmpty(path);
            children = orEmpty(children);
            indicators = orEmpty(indicators);
        }

        public List<RegionRef> pathOrEmpty() {
            return orEmpty(path);
        }

        public List<RegionRef> childrenOrEmpty() {
            return orEmpty(children);
        }

        public List<IndicatorValue> indicatorsOrEmpty() {
            return orEmpty(indicators);
        }
    }

    @Serdeable
    public record IndicatorInfo(String id, String planNo, String group, String name, @Nullable String description, String unit,
                                @Nullable BigDecimal target, String targetText, boolean higherIsBetter, @Nullable String source,
                                @Nullable String numeratorLabel, @Nullable String denominatorLabel) {
    }

    @Serdeable
    public record RankedRegion(@Nullable Integer rank, RegionRef region, @Nullable BigDecimal value, String valueText, String status,
                               String statusLabel, @Nullable Long numerator, @Nullable Long denominator) {
    }

    @Serdeable
    public record Ranking(IndicatorInfo indicator, RegionRef region, @Nullable Instant asOf, @Nullable List<RankedRegion> items,
                          @Nullable String note) {
        // Collections the API leaves out read as empty, never null (AnswerShapesTest).
        public Ranking {
            items = orEmpty(items);
        }

        public List<RankedRegion> itemsOrEmpty() {
            return orEmpty(items);
        }
    }

    @Serdeable
    public record TrendPoint(String month, @Nullable BigDecimal value, String valueText, String status, String statusLabel,
                             @Nullable Long numerator, @Nullable Long denominator, @Nullable Instant takenAt, boolean current) {
    }

    @Serdeable
    public record Trend(IndicatorInfo indicator, RegionRef region, @Nullable List<TrendPoint> points, @Nullable String note) {
        // Collections the API leaves out read as empty, never null (AnswerShapesTest).
        public Trend {
            points = orEmpty(points);
        }

        public List<TrendPoint> pointsOrEmpty() {
            return orEmpty(points);
        }
    }
}
