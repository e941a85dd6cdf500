package cn.nanning.civic.volunteers.statistics;

import cn.nanning.civic.volunteers.api.VolunteerIndicatorSource;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The volunteers module's figures for the plan indicators, from its rollup, stations, teams and population tables. */
@Singleton
class VolunteerIndicatorFigures implements VolunteerIndicatorSource {

    private final JdbcOperations jdbc;
    private final VolunteerStatistics statistics;

    VolunteerIndicatorFigures(JdbcOperations jdbc, VolunteerStatistics statistics) {
        this.jdbc = jdbc;
        this.statistics = statistics;
    }

    /** One transaction: the rollup is brought up to date (incrementally) and read as it then stands. */
    @Override
    @Transactional
    public VolunteerFigures figures() {
        statistics.refresh();
        Map<String, Long> registered = counts("select code, registered from volunteers.region_stats where level = 'village' and registered > 0");
        Instant asOf = jdbc.prepareStatement("select last_run_at from volunteers.region_stats_run where id = 1", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                Timestamp t = rs.next() ? rs.getTimestamp(1) : null;
                return t == null ? null : t.toInstant();
            }
        });
        Map<String, Long> stations = counts("select township_code, count(*) from volunteers.station group by township_code");
        Map<String, Long> pingAn = counts("select township_code, count(*) from volunteers.team where type = 'PING_AN' group by township_code");
        Map<String, Long> patrol = counts("""
                select t.township_code, count(distinct m.volunteer_id)
                from volunteers.team t
                join volunteers.team_membership m on m.team_id = t.id and m.status = 'APPROVED'
                join volunteers.volunteer v on v.id = m.volunteer_id and v.status = 'ACTIVE'
                where t.type = 'PATROL'
                group by t.township_code""");
        VolunteerStatistics.Populations known = statistics.populations();
        Map<String, Population> populations = new HashMap<>();
        for (String code : jdbc.prepareStatement("select code from kernel.region", ps -> {
            List<String> codes = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
            }
            return codes;
        })) {
            VolunteerStatistics.Population p = known.of(code);
            if (p != null) {
                populations.put(code, new Population(p.people(), p.year(), p.source()));
            }
        }
        return new VolunteerFigures(registered, asOf, stations, pingAn, patrol, populations);
    }

    private Map<String, Long> counts(String sql) {
        return jdbc.prepareStatement(sql, ps -> {
            Map<String, Long> map = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    map.put(rs.getString(1), rs.getLong(2));
                }
            }
            return map;
        });
    }
}
