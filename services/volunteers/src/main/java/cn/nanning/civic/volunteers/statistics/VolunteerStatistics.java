package cn.nanning.civic.volunteers.statistics;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.identity.RegionCodes;
import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.volunteers.VolunteersClock;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Region statistics (district → township → village): registered volunteers, active in the last 90 days, confirmed
 * hours, against the 20% population target; volunteer service stations and 平安建设/patrol teams per township.
 * Volunteer and hour figures come from the village rollup as of its last refresh; stations and teams are live.
 */
@Singleton
public class VolunteerStatistics {

    static final BigDecimal TARGET_SHARE = new BigDecimal("0.20");

    private final JdbcOperations jdbc;
    private final VolunteersClock clock;

    VolunteerStatistics(JdbcOperations jdbc, VolunteersClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Serdeable
    record Figures(String code, String name, String level, long registered, long active90d, BigDecimal confirmedHours,
                   @Nullable Long population, @Nullable BigDecimal registeredShare, BigDecimal targetShare, @Nullable Long targetVolunteers,
                   long stations, long townships, long townshipsWithStation, long pingAnTeams, long patrolTeams) {
    }

    @Serdeable
    record RegionStatistics(Figures total, List<Figures> children, @Nullable Instant asOf) {
    }

    /** Rebuilds the village rollup in one statement; returns the number of villages. */
    @Transactional
    public int refresh() {
        Timestamp now = Timestamp.from(clock.now());
        jdbc.prepareStatement("delete from volunteers.village_stats", ps -> ps.executeUpdate());
        return jdbc.prepareStatement("""
                insert into volunteers.village_stats (village_code, registered, active_90d, confirmed_minutes, refreshed_at)
                select r.code, coalesce(v.registered, 0), coalesce(v.active, 0), coalesce(v.minutes, 0), ?
                from kernel.region r
                left join (
                    select vo.home_region, count(*) as registered,
                           count(*) filter (where h.last_at >= ?::timestamptz - interval '90 days') as active,
                           sum(coalesce(h.minutes, 0)) as minutes
                    from volunteers.volunteer vo
                    left join (select volunteer_id, sum(minutes) as minutes, max(recorded_at) as last_at
                               from volunteers.hours_ledger group by volunteer_id) h on h.volunteer_id = vo.id
                    where vo.status = 'ACTIVE'
                    group by vo.home_region) v on v.home_region = r.code
                where r.level = 'village'""", ps -> {
            ps.setTimestamp(1, now);
            ps.setTimestamp(2, now);
            return ps.executeUpdate();
        });
    }

    @Transactional
    RegionStatistics of(Caller caller, @Nullable String requested) {
        if (!caller.isStaff() || !(caller.has(Role.ADMIN) || caller.has(Role.ORGANIZER) || caller.has(Role.AUDITOR))) {
            throw ProblemException.forbidden("只有管理员、志愿服务组织者或审计人员可以查看志愿服务统计。");
        }
        String code = requested == null || requested.isBlank() ? caller.regionCode() : requested.strip();
        if (!caller.covers(code)) {
            throw ProblemException.forbidden("您只能查看本辖区的志愿服务统计。");
        }
        Region region = region(code);
        if (region == null) {
            throw ProblemException.invalidField("region", "没有找到该行政区划，请检查区划代码。");
        }
        List<Region> children = "village".equals(region.level()) ? List.of() : childrenOf(region.code());
        List<Figures> childFigures = new ArrayList<>();
        for (Region child : children) {
            childFigures.add(figures(child));
        }
        Instant asOf = jdbc.prepareStatement("select max(refreshed_at) from volunteers.village_stats", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp t = rs.getTimestamp(1);
                return t != null ? t.toInstant() : null;
            }
        });
        return new RegionStatistics(figures(region), childFigures, asOf);
    }

    private record Region(String code, String name, String level) {
    }

    private Region region(String code) {
        return jdbc.prepareStatement("select code, name, level from kernel.region where code = ?", ps -> {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Region(rs.getString(1), rs.getString(2), rs.getString(3)) : null;
            }
        });
    }

    private List<Region> childrenOf(String code) {
        return jdbc.prepareStatement("select code, name, level from kernel.region where parent_code = ? order by code", ps -> {
            ps.setString(1, code);
            List<Region> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new Region(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return list;
        });
    }

    private Figures figures(Region r) {
        String like = RegionCodes.significantPrefix(r.code()) + "%";
        return jdbc.prepareStatement("""
                select (select coalesce(sum(registered), 0) from volunteers.village_stats where village_code like ?1),
                       (select coalesce(sum(active_90d), 0) from volunteers.village_stats where village_code like ?1),
                       (select coalesce(sum(confirmed_minutes), 0) from volunteers.village_stats where village_code like ?1),
                       (select population from volunteers.region_population where code = ?2),
                       (select count(*) from volunteers.station where township_code like ?1),
                       (select count(*) from kernel.region where level = 'township' and code like ?1),
                       (select count(distinct township_code) from volunteers.station where township_code like ?1),
                       (select count(*) from volunteers.team where township_code like ?1 and type = 'PING_AN'),
                       (select count(*) from volunteers.team where township_code like ?1 and type = 'PATROL')
                """.replace("?1", "?").replace("?2", "?"), ps -> {
            // ?1 is the region's code prefix, ?2 its code; bound positionally in order of appearance.
            ps.setString(1, like);
            ps.setString(2, like);
            ps.setString(3, like);
            ps.setString(4, r.code());
            ps.setString(5, like);
            ps.setString(6, like);
            ps.setString(7, like);
            ps.setString(8, like);
            ps.setString(9, like);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long registered = rs.getLong(1);
                long pop = rs.getLong(4);
                Long population = rs.wasNull() ? null : pop;
                BigDecimal share = population == null ? null
                        : BigDecimal.valueOf(registered).divide(BigDecimal.valueOf(population), 4, RoundingMode.HALF_UP);
                Long target = population == null ? null : BigDecimal.valueOf(population).multiply(TARGET_SHARE).setScale(0, RoundingMode.CEILING).longValue();
                boolean township = "township".equals(r.level());
                return new Figures(r.code(), r.name(), r.level(), registered, rs.getLong(2),
                        BigDecimal.valueOf(rs.getLong(3)).divide(BigDecimal.valueOf(60), 1, RoundingMode.DOWN), population, share, TARGET_SHARE,
                        target, rs.getLong(5), township ? 1 : rs.getLong(6), township ? (rs.getLong(5) > 0 ? 1 : 0) : rs.getLong(7),
                        rs.getLong(8), rs.getLong(9));
            }
        });
    }
}
