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
                   @Nullable Long population, @Nullable Integer populationYear, @Nullable String populationSource,
                   @Nullable BigDecimal registeredShare, BigDecimal targetShare, @Nullable Long targetVolunteers,
                   @Nullable BigDecimal targetProgress,
                   long stations, long townships, long townshipsWithStation, long pingAnTeams, long patrolTeams) {
    }

    @Serdeable
    record RegionStatistics(Figures total, List<Figures> children, @Nullable Instant asOf) {
    }

    /** What one rollup run recomputed: every region on a first (full) run, else the changed villages and their ancestors. */
    public record Refresh(boolean ran, boolean full, List<String> villages, List<String> ancestors) {
    }

    /**
     * Brings the rollup up to date. The first run (empty rollup) computes every region; later runs recompute only the
     * villages marked dirty by the database triggers since the last run (registrations, withdrawals, moves, ledger
     * entries) and those whose 90-day activity figure has changed with time, then their township, district and city
     * from their children. One instance at a time (advisory lock); a concurrent run returns without work.
     */
    @Transactional
    public Refresh refresh() {
        boolean locked = jdbc.prepareStatement("select pg_try_advisory_xact_lock(hashtext('volunteers.region_stats'))", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
        if (!locked) {
            return new Refresh(false, false, List.of(), List.of());
        }
        Timestamp now = Timestamp.from(clock.now());
        boolean full = !exists("select exists (select 1 from volunteers.region_stats)");
        List<String> villages;
        if (full) {
            jdbc.prepareStatement("delete from volunteers.region_stats_dirty", ps -> ps.executeUpdate());
            villages = codes("select code from kernel.region where level = 'village' order by code");
            recomputeAllVillages(now);
        } else {
            villages = jdbc.prepareStatement("""
                    with marked as (delete from volunteers.region_stats_dirty returning village_code)
                    select code from kernel.region where level = 'village'
                      and (code in (select village_code from marked)
                           or code in (select code from volunteers.region_stats where level = 'village' and active_until < ?))
                    order by code""", ps -> {
                ps.setTimestamp(1, now);
                return list(ps);
            });
            if (villages.size() > FULL_PASS_ABOVE) {
                // After a bulk load most villages changed: one pass over everything beats an index probe per volunteer.
                recomputeAllVillages(now);
            } else if (!villages.isEmpty()) {
                recomputeVillages(villages, now);
            }
        }
        List<String> ancestors = new ArrayList<>();
        List<String> level = villages;
        while (!level.isEmpty()) {
            List<String> parents = parentsOf(level);
            if (parents.isEmpty()) {
                break;
            }
            recomputeFromChildren(parents, now);
            ancestors.addAll(parents);
            level = parents;
        }
        jdbc.prepareStatement("""
                insert into volunteers.region_stats_run (id, last_run_at) values (1, ?)
                on conflict (id) do update set last_run_at = excluded.last_run_at""", ps -> {
            ps.setTimestamp(1, now);
            return ps.executeUpdate();
        });
        return new Refresh(true, full, villages, ancestors);
    }

    /** Above this many changed villages a run recomputes all of them in one pass. */
    static final int FULL_PASS_ABOVE = 1200;

    private static final String VILLAGE_UPSERT = """
            insert into volunteers.region_stats (code, level, registered, active_90d, confirmed_minutes, active_until, refreshed_at)
            select r.code, 'village', coalesce(v.registered, 0), coalesce(v.active, 0), coalesce(v.minutes, 0), v.active_until, ?1
            from kernel.region r
            left join (
                select vo.home_region, count(*) as registered,
                       count(*) filter (where h.last_at >= ?1::timestamptz - interval '90 days') as active,
                       sum(coalesce(h.minutes, 0)) as minutes,
                       min(h.last_at + interval '90 days') filter (where h.last_at >= ?1::timestamptz - interval '90 days') as active_until
                from volunteers.volunteer vo
                %s
                where vo.status = 'ACTIVE' %s
                group by vo.home_region) v on v.home_region = r.code
            where r.level = 'village' %s
            on conflict (code) do update set registered = excluded.registered, active_90d = excluded.active_90d,
                confirmed_minutes = excluded.confirmed_minutes, active_until = excluded.active_until, refreshed_at = excluded.refreshed_at""";

    /** Every village in one pass over the volunteers and the ledger (first run). */
    private void recomputeAllVillages(Timestamp now) {
        String sql = VILLAGE_UPSERT.formatted("""
                left join (select volunteer_id, sum(minutes) as minutes, max(recorded_at) as last_at
                           from volunteers.hours_ledger group by volunteer_id) h on h.volunteer_id = vo.id""", "", "")
                .replace("?1", "?");
        int parameters = (int) sql.chars().filter(c -> c == '?').count();
        jdbc.prepareStatement(sql, ps -> {
            for (int i = 1; i <= parameters; i++) {
                ps.setTimestamp(i, now);
            }
            return ps.executeUpdate();
        });
    }

    /** The given villages only, reading just their volunteers' ledger entries (by index). */
    private void recomputeVillages(List<String> villages, Timestamp now) {
        String sql = VILLAGE_UPSERT.formatted("""
                left join lateral (select sum(minutes) as minutes, max(recorded_at) as last_at
                                   from volunteers.hours_ledger l where l.volunteer_id = vo.id) h on true""",
                "and vo.home_region = any(?2)", "and r.code = any(?2)");
        // Positional parameters in order of appearance: ?1 (now) ×4, ?2 (villages) ×2 — interleaved as written.
        List<String> order = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\?([12])").matcher(sql);
        while (m.find()) {
            order.add(m.group(1));
        }
        String positional = sql.replaceAll("\\?[12]", "?");
        jdbc.prepareStatement(positional, ps -> {
            java.sql.Array codes = ps.getConnection().createArrayOf("varchar", villages.toArray());
            for (int i = 0; i < order.size(); i++) {
                if ("1".equals(order.get(i))) {
                    ps.setTimestamp(i + 1, now);
                } else {
                    ps.setArray(i + 1, codes);
                }
            }
            return ps.executeUpdate();
        });
    }

    private List<String> parentsOf(List<String> codes) {
        return jdbc.prepareStatement("""
                select distinct c.parent_code from kernel.region c join kernel.region p on p.code = c.parent_code
                where c.code = any(?) order by 1""", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("varchar", codes.toArray()));
            return list(ps);
        });
    }

    /** Townships, districts or the city as the sums of their children's rows. */
    private void recomputeFromChildren(List<String> parents, Timestamp now) {
        jdbc.prepareStatement("""
                insert into volunteers.region_stats (code, level, registered, active_90d, confirmed_minutes, active_until, refreshed_at)
                select p.code, p.level, coalesce(sum(s.registered), 0), coalesce(sum(s.active_90d), 0), coalesce(sum(s.confirmed_minutes), 0), null, ?
                from kernel.region p join kernel.region c on c.parent_code = p.code
                left join volunteers.region_stats s on s.code = c.code
                where p.code = any(?)
                group by p.code, p.level
                on conflict (code) do update set registered = excluded.registered, active_90d = excluded.active_90d,
                    confirmed_minutes = excluded.confirmed_minutes, refreshed_at = excluded.refreshed_at""", ps -> {
            ps.setTimestamp(1, now);
            ps.setArray(2, ps.getConnection().createArrayOf("varchar", parents.toArray()));
            return ps.executeUpdate();
        });
    }

    private boolean exists(String sql) {
        return jdbc.prepareStatement(sql, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    private List<String> codes(String sql) {
        return jdbc.prepareStatement(sql, VolunteerStatistics::list);
    }

    private static List<String> list(java.sql.PreparedStatement ps) throws java.sql.SQLException {
        List<String> list = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                list.add(rs.getString(1));
            }
        }
        return list;
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
        Populations populations = populations();
        List<Figures> childFigures = new ArrayList<>();
        for (Region child : children) {
            childFigures.add(figures(child, populations));
        }
        Instant asOf = jdbc.prepareStatement("select last_run_at from volunteers.region_stats_run where id = 1", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                Timestamp t = rs.next() ? rs.getTimestamp(1) : null;
                return t != null ? t.toInstant() : null;
            }
        });
        return new RegionStatistics(figures(region, populations), childFigures, asOf);
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

    private Figures figures(Region r, Populations populations) {
        String like = RegionCodes.significantPrefix(r.code()) + "%";
        return jdbc.prepareStatement("""
                select coalesce(s.registered, 0), coalesce(s.active_90d, 0), coalesce(s.confirmed_minutes, 0),
                       (select count(*) from volunteers.station where township_code like ?),
                       (select count(*) from kernel.region where level = 'township' and code like ?),
                       (select count(distinct township_code) from volunteers.station where township_code like ?),
                       (select count(*) from volunteers.team where township_code like ? and type = 'PING_AN'),
                       (select count(*) from volunteers.team where township_code like ? and type = 'PATROL')
                from (select 1) one left join volunteers.region_stats s on s.code = ?""", ps -> {
            for (int i = 1; i <= 5; i++) {
                ps.setString(i, like);
            }
            ps.setString(6, r.code());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long registered = rs.getLong(1);
                Population population = populations.of(r.code());
                Long people = population == null ? null : population.people();
                BigDecimal share = people == null ? null
                        : BigDecimal.valueOf(registered).divide(BigDecimal.valueOf(people), 4, RoundingMode.HALF_UP);
                Long target = people == null ? null : BigDecimal.valueOf(people).multiply(TARGET_SHARE).setScale(0, RoundingMode.CEILING).longValue();
                BigDecimal progress = target == null || target == 0 ? null
                        : BigDecimal.valueOf(registered).divide(BigDecimal.valueOf(target), 4, RoundingMode.HALF_UP);
                boolean township = "township".equals(r.level());
                return new Figures(r.code(), r.name(), r.level(), registered, rs.getLong(2),
                        BigDecimal.valueOf(rs.getLong(3)).divide(BigDecimal.valueOf(60), 1, RoundingMode.DOWN), people,
                        population == null ? null : population.year(), population == null ? null : population.source(),
                        share, TARGET_SHARE, target, progress, rs.getLong(4), township ? 1 : rs.getLong(5),
                        township ? (rs.getLong(4) > 0 ? 1 : 0) : rs.getLong(6), rs.getLong(7), rs.getLong(8));
            }
        });
    }

    // ------------------------------------------------------------------ population

    /** A region's resident population: its own latest figure, or else the sum of its children's when every child has one. */
    record Population(long people, @Nullable Integer year, @Nullable String source) {
    }

    final class Populations {
        private final java.util.Map<String, Population> loaded;
        private final java.util.Map<String, java.util.Optional<Population>> resolved = new java.util.HashMap<>();

        Populations(java.util.Map<String, Population> loaded) {
            this.loaded = loaded;
        }

        @Nullable
        Population of(String code) {
            java.util.Optional<Population> known = resolved.get(code);
            if (known == null) {
                known = java.util.Optional.ofNullable(compute(code));
                resolved.put(code, known);
            }
            return known.orElse(null);
        }

        private Population compute(String code) {
            Population own = loaded.get(code);
            if (own != null) {
                return own;
            }
            List<String> kids = tree().getOrDefault(code, List.of());
            if (kids.isEmpty()) {
                return null;
            }
            long sum = 0;
            Integer year = null;
            java.util.Set<String> sources = new java.util.TreeSet<>();
            for (String kid : kids) {
                Population p = of(kid);
                if (p == null) {
                    return null;
                }
                sum += p.people();
                year = year == null || (p.year() != null && p.year() > year) ? p.year() : year;
                if (p.source() != null) {
                    sources.add(p.source());
                }
            }
            return new Population(sum, year, sources.isEmpty() ? null : String.join("；", sources));
        }
    }

    private volatile java.util.Map<String, List<String>> tree;

    /** Children of each region (the divisions are fixed while the services run). */
    private java.util.Map<String, List<String>> tree() {
        java.util.Map<String, List<String>> t = tree;
        if (t == null) {
            t = jdbc.prepareStatement("select code, parent_code from kernel.region where parent_code is not null order by code", ps -> {
                java.util.Map<String, List<String>> map = new java.util.HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        map.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(1));
                    }
                }
                return map;
            });
            tree = t;
        }
        return t;
    }

    Populations populations() {
        return new Populations(jdbc.prepareStatement("""
                select distinct on (code) code, population, year, source from volunteers.region_population order by code, year desc""", ps -> {
            java.util.Map<String, Population> map = new java.util.HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    map.put(rs.getString(1), new Population(rs.getLong(2), rs.getInt(3), rs.getString(4)));
                }
            }
            return map;
        }));
    }
}
