package cn.nanning.civic.proxy.statistics;

import cn.nanning.civic.common.identity.RegionCodes;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Coverage and performance of proxy services in an area, for the plan's indicator that over 90% of
 * villages/communities can proxy government services.
 */
@Singleton
public class ProxyStatistics {

    private final JdbcOperations jdbc;

    ProxyStatistics(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public AreaStatistics of(String regionCode) {
        String prefix = RegionCodes.significantPrefix(regionCode) + "%";
        long villages = single("select count(*) from kernel.region where level = 'village' and code like ?", prefix);
        long covered = single("""
                select count(distinct p.region_code) from proxy.service_point p
                where p.active and p.region_code like ? and exists (select 1 from proxy.service_point_item i where i.point_id = p.id)""", prefix);
        long points = single("select count(*) from proxy.service_point where active and region_code like ?", prefix);
        Map<String, Long> byStatus = new LinkedHashMap<>();
        jdbc.prepareStatement("select status, count(*) from proxy.proxy_request where region_code like ? group by status order by status", s -> {
            s.setString(1, prefix);
            try (var rows = s.executeQuery()) {
                while (rows.next()) {
                    byStatus.put(rows.getString(1), rows.getLong(2));
                }
            }
            return null;
        });
        return jdbc.prepareStatement("""
                select percentile_cont(0.5) within group (order by extract(epoch from delivered_at - created_at)) / 3600.0,
                       avg(case when forwarded_at is not null then (cast(forwarded_at at time zone 'Asia/Shanghai' as date) <= forward_due)::int end),
                       avg(satisfaction)
                from proxy.proxy_request where region_code like ?""", s -> {
            s.setString(1, prefix);
            try (var rows = s.executeQuery()) {
                rows.next();
                return new AreaStatistics(regionCode, villages, covered, villages == 0 ? 0 : (double) covered / villages, points,
                        byStatus, nullable(rows, 1), nullable(rows, 2), nullable(rows, 3));
            }
        });
    }

    private long single(String sql, String prefix) {
        return jdbc.prepareStatement(sql, s -> {
            s.setString(1, prefix);
            try (var rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    private static Double nullable(java.sql.ResultSet rows, int column) throws java.sql.SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }

    /** Figures for one area; shares are 0..1, times in hours. */
    @Serdeable
    public record AreaStatistics(String regionCode, long villages, long villagesAbleToProxy, double proxyCoverage,
                                 long activePoints, Map<String, Long> requestsByStatus, @Nullable Double medianHoursToDelivery,
                                 @Nullable Double onTimeForwardingShare, @Nullable Double averageSatisfaction) {
    }
}
