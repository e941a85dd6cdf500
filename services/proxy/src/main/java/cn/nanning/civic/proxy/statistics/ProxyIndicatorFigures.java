package cn.nanning.civic.proxy.statistics;

import cn.nanning.civic.proxy.api.ProxyIndicatorSource;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The proxy module's figures for the plan indicators: one pass over the requests per question, grouped by village. */
@Singleton
class ProxyIndicatorFigures implements ProxyIndicatorSource {

    private final JdbcOperations jdbc;

    ProxyIndicatorFigures(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public ProxyFigures figures(Instant from, Instant to, LocalDate fromDate, LocalDate today) {
        Set<String> able = jdbc.prepareStatement("""
                select distinct p.region_code from proxy.service_point p
                where p.active and exists (select 1 from proxy.service_point_item i where i.point_id = p.id)""", ps -> {
            Set<String> codes = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
            }
            return codes;
        });
        // Punctuality: requests due in the period that were forwarded, or are late now. Satisfaction: requests delivered
        // in the period with a follow-up score. Bundle parents have neither a forwarding day nor a delivery of their own.
        List<VillageQuality> quality = jdbc.prepareStatement("""
                select region_code,
                       count(*) filter (where due),
                       count(*) filter (where due and forwarded_at is not null
                                        and cast(forwarded_at at time zone 'Asia/Shanghai' as date) <= forward_due),
                       count(*) filter (where delivered and satisfaction is not null),
                       count(*) filter (where delivered and satisfaction >= 4),
                       coalesce(sum(satisfaction) filter (where delivered), 0)
                from (select region_code, forward_due, forwarded_at, satisfaction,
                             forward_due >= ? and forward_due <= ? and (forwarded_at is not null or forward_due < ?) as due,
                             delivered_at >= ? and delivered_at < ? as delivered
                      from proxy.proxy_request
                      where (forward_due >= ? and forward_due <= ?) or (delivered_at >= ? and delivered_at < ?)) r
                group by region_code""", ps -> {
            Date first = Date.valueOf(fromDate);
            Date last = Date.valueOf(today);
            Timestamp start = Timestamp.from(from);
            Timestamp end = Timestamp.from(to);
            ps.setDate(1, first);
            ps.setDate(2, last);
            ps.setDate(3, last);
            ps.setTimestamp(4, start);
            ps.setTimestamp(5, end);
            ps.setDate(6, first);
            ps.setDate(7, last);
            ps.setTimestamp(8, start);
            ps.setTimestamp(9, end);
            List<VillageQuality> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new VillageQuality(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
                }
            }
            return rows;
        });
        List<DeliveryDays> days = jdbc.prepareStatement("""
                select region_code, greatest(1, ceil(extract(epoch from delivered_at - created_at) / 86400.0))::int as days, count(*)
                from proxy.proxy_request where delivered_at >= ? and delivered_at < ?
                group by 1, 2""", ps -> {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            List<DeliveryDays> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new DeliveryDays(rs.getString(1), rs.getInt(2), rs.getLong(3)));
                }
            }
            return rows;
        });
        return new ProxyFigures(able, quality, days);
    }
}
