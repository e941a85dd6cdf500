package cn.nanning.civic.indicators.store;

import cn.nanning.civic.indicators.domain.Indicator;
import cn.nanning.civic.indicators.domain.Level;
import cn.nanning.civic.indicators.domain.Measurement;
import cn.nanning.civic.indicators.domain.RegionTree;
import cn.nanning.civic.indicators.domain.Status;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The module's SQL: the divisions it reads, the current values it keeps, the monthly snapshots. */
@Singleton
public class IndicatorStore {

    private static final Argument<List<Measurement.Detail>> DETAILS = Argument.listOf(Measurement.Detail.class);

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    IndicatorStore(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A stored value: what {@link Measurement} was when it was computed. */
    public record Stored(Indicator indicator, String regionCode, @Nullable BigDecimal value, @Nullable Long numerator,
                         @Nullable Long denominator, Status status, String statusLabel, List<Measurement.Detail> details) {
    }

    /** One month of a trend. */
    public record MonthValue(YearMonth month, @Nullable BigDecimal value, @Nullable Long numerator, @Nullable Long denominator,
                             Status status, String statusLabel, Instant takenAt) {
    }

    /** The last refresh: when, over which period, and how old the volunteer rollup it read was. */
    public record Run(Instant computedAt, LocalDate periodFrom, LocalDate periodTo, @Nullable Instant volunteersAsOf, int durationMillis) {
    }

    /** Nanning's divisions (kernel data, loaded from the data directory at start). */
    @Transactional(readOnly = true)
    public List<RegionTree.Node> regions() {
        return jdbc.prepareStatement("select code, name, level, parent_code from kernel.region", ps -> {
            List<RegionTree.Node> nodes = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    nodes.add(new RegionTree.Node(rs.getString(1), rs.getString(2), Level.of(rs.getString(3)), rs.getString(4)));
                }
            }
            return nodes;
        });
    }

    /**
     * Replaces the current values with a refresh's (rows that did not change are not rewritten) and brings the month's
     * snapshot up to date, in one transaction: readers see the old values or the new ones, never a mix.
     */
    @Transactional
    public void save(List<Measurement> measurements, Run run, YearMonth month) {
        jdbc.prepareStatement("""
                insert into indicators.current_value (indicator, region_code, value, numerator, denominator, status, status_label, details)
                select * from unnest(?::varchar[], ?::varchar[], ?::numeric[], ?::bigint[], ?::bigint[], ?::varchar[], ?::text[], ?::text[])
                on conflict (indicator, region_code) do update set value = excluded.value, numerator = excluded.numerator,
                    denominator = excluded.denominator, status = excluded.status, status_label = excluded.status_label, details = excluded.details
                where (current_value.value, current_value.numerator, current_value.denominator, current_value.status,
                       current_value.status_label, current_value.details)
                      is distinct from (excluded.value, excluded.numerator, excluded.denominator, excluded.status,
                       excluded.status_label, excluded.details)""", ps -> {
            int n = measurements.size();
            String[] indicators = new String[n];
            String[] regions = new String[n];
            BigDecimal[] values = new BigDecimal[n];
            Long[] numerators = new Long[n];
            Long[] denominators = new Long[n];
            String[] statuses = new String[n];
            String[] labels = new String[n];
            String[] details = new String[n];
            for (int i = 0; i < n; i++) {
                Measurement m = measurements.get(i);
                indicators[i] = m.indicator().id();
                regions[i] = m.regionCode();
                values[i] = m.value();
                numerators[i] = m.numerator();
                denominators[i] = m.denominator();
                statuses[i] = m.status().name();
                labels[i] = m.statusLabel();
                details[i] = write(m.details());
            }
            Connection c = ps.getConnection();
            ps.setArray(1, c.createArrayOf("varchar", indicators));
            ps.setArray(2, c.createArrayOf("varchar", regions));
            ps.setArray(3, c.createArrayOf("numeric", values));
            ps.setArray(4, c.createArrayOf("int8", numerators));
            ps.setArray(5, c.createArrayOf("int8", denominators));
            ps.setArray(6, c.createArrayOf("varchar", statuses));
            ps.setArray(7, c.createArrayOf("text", labels));
            ps.setArray(8, c.createArrayOf("text", details));
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("""
                insert into indicators.refresh_run (id, computed_at, period_from, period_to, volunteers_as_of, duration_ms)
                values (1, ?, ?, ?, ?, ?)
                on conflict (id) do update set computed_at = excluded.computed_at, period_from = excluded.period_from,
                    period_to = excluded.period_to, volunteers_as_of = excluded.volunteers_as_of, duration_ms = excluded.duration_ms""", ps -> {
            ps.setTimestamp(1, Timestamp.from(run.computedAt()));
            ps.setDate(2, Date.valueOf(run.periodFrom()));
            ps.setDate(3, Date.valueOf(run.periodTo()));
            ps.setTimestamp(4, run.volunteersAsOf() == null ? null : Timestamp.from(run.volunteersAsOf()));
            ps.setInt(5, run.durationMillis());
            return ps.executeUpdate();
        });
        Date first = Date.valueOf(month.atDay(1));
        jdbc.prepareStatement("""
                insert into indicators.monthly_snapshot (indicator, region_code, month, value, numerator, denominator, status, status_label)
                select indicator, region_code, ?, value, numerator, denominator, status, status_label from indicators.current_value
                on conflict (indicator, region_code, month) do update set value = excluded.value, numerator = excluded.numerator,
                    denominator = excluded.denominator, status = excluded.status, status_label = excluded.status_label
                where (monthly_snapshot.value, monthly_snapshot.numerator, monthly_snapshot.denominator, monthly_snapshot.status,
                       monthly_snapshot.status_label)
                      is distinct from (excluded.value, excluded.numerator, excluded.denominator, excluded.status, excluded.status_label)""", ps -> {
            ps.setDate(1, first);
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("""
                insert into indicators.snapshot_month (month, first_taken_at, last_taken_at) values (?, ?, ?)
                on conflict (month) do update set last_taken_at = excluded.last_taken_at""", ps -> {
            ps.setDate(1, first);
            ps.setTimestamp(2, Timestamp.from(run.computedAt()));
            ps.setTimestamp(3, Timestamp.from(run.computedAt()));
            return ps.executeUpdate();
        });
    }

    @Transactional(readOnly = true)
    public Optional<Run> lastRun() {
        return jdbc.prepareStatement("select computed_at, period_from, period_to, volunteers_as_of, duration_ms from indicators.refresh_run where id = 1", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp volunteers = rs.getTimestamp(4);
                return Optional.of(new Run(rs.getTimestamp(1).toInstant(), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
                        volunteers == null ? null : volunteers.toInstant(), rs.getInt(5)));
            }
        });
    }

    /** Every indicator of one region. */
    @Transactional(readOnly = true)
    public List<Stored> ofRegion(String regionCode) {
        return jdbc.prepareStatement("""
                select indicator, region_code, value, numerator, denominator, status, status_label, details
                from indicators.current_value where region_code = ?""", ps -> {
            ps.setString(1, regionCode);
            return stored(ps);
        });
    }

    /** One indicator of several regions (e.g. the children of a region, for a ranking). */
    @Transactional(readOnly = true)
    public List<Stored> ofRegions(Indicator indicator, List<String> regionCodes) {
        if (regionCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.prepareStatement("""
                select indicator, region_code, value, numerator, denominator, status, status_label, details
                from indicators.current_value where indicator = ? and region_code = any(?)""", ps -> {
            ps.setString(1, indicator.id());
            Array codes = ps.getConnection().createArrayOf("varchar", regionCodes.toArray());
            ps.setArray(2, codes);
            return stored(ps);
        });
    }

    /** The monthly snapshots of one indicator and region, oldest first. */
    @Transactional(readOnly = true)
    public List<MonthValue> months(Indicator indicator, String regionCode, int limit) {
        return jdbc.prepareStatement("""
                select * from (
                    select s.month, s.value, s.numerator, s.denominator, s.status, s.status_label, m.last_taken_at
                    from indicators.monthly_snapshot s join indicators.snapshot_month m on m.month = s.month
                    where s.indicator = ? and s.region_code = ? order by s.month desc limit ?) recent
                order by month""", ps -> {
            ps.setString(1, indicator.id());
            ps.setString(2, regionCode);
            ps.setInt(3, limit);
            List<MonthValue> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new MonthValue(YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getBigDecimal(2), nullableLong(rs, 3),
                            nullableLong(rs, 4), Status.valueOf(rs.getString(5)), rs.getString(6), rs.getTimestamp(7).toInstant()));
                }
            }
            return list;
        });
    }

    private List<Stored> stored(PreparedStatement ps) throws SQLException {
        List<Stored> list = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Optional<Indicator> indicator = Indicator.byId(rs.getString(1));
                if (indicator.isEmpty()) {
                    continue; // an indicator this version no longer has
                }
                list.add(new Stored(indicator.get(), rs.getString(2), rs.getBigDecimal(3), nullableLong(rs, 4), nullableLong(rs, 5),
                        Status.valueOf(rs.getString(6)), rs.getString(7), read(rs.getString(8))));
            }
        }
        return list;
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private String write(List<Measurement.Detail> details) {
        try {
            return json.writeValueAsString(details);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Measurement.Detail> read(String text) {
        try {
            List<Measurement.Detail> details = json.readValue(text, DETAILS);
            return details == null ? List.of() : details;
        } catch (IOException e) {
            return List.of();
        }
    }
}
