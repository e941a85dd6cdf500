package cn.nanning.civic.volunteers.statistics;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.kernel.audit.AuditEntry;
import cn.nanning.civic.kernel.audit.AuditLog;
import cn.nanning.civic.volunteers.VolunteersClock;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resident population per region, as published by the statistics bureau (census or annual tables), loaded by an
 * administrator for the 20% registration target. The whole upload is checked first (known region codes inside the
 * administrator's area, positive whole numbers, each code once) and stored all or nothing, with its source and year.
 * Nothing here knows any population figure itself.
 */
@Singleton
public class RegionPopulations {

    static final int MAX_ROWS = 5000;

    private final JdbcOperations jdbc;
    private final AuditLog audit;
    private final VolunteersClock clock;

    RegionPopulations(JdbcOperations jdbc, AuditLog audit, VolunteersClock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Serdeable
    public record Figure(@Nullable String code, @Nullable Long population) {
    }

    @Serdeable
    public record Upload(@Nullable String source, @Nullable Integer year, @Nullable List<Figure> figures) {
    }

    @Serdeable
    public record Loaded(int loaded, int year, String source) {
    }

    @Serdeable
    public record Stored(String code, String name, String level, long population, int year, @Nullable String source,
                         @Nullable Instant loadedAt) {
    }

    /** Parses a CSV table: {@code code,population} per line, an optional header, blank lines and BOM ignored. */
    static List<Figure> parseCsv(String csv) {
        List<Figure> figures = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        String[] lines = (csv == null ? "" : csv.replace("\uFEFF", "")).split("\\r?\\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split("[,，\\t]");
            if (cells.length < 2) {
                errors.add("第 " + (i + 1) + " 行应为“区划代码,常住人口”两列");
                continue;
            }
            String code = unquote(cells[0]);
            String people = unquote(cells[1]).replace(" ", "");
            if (i == 0 && !code.matches("\\d+")) {
                continue; // header, e.g. 区划代码,常住人口 or code,population
            }
            Long population = null;
            if (people.matches("\\d{1,10}")) {
                population = Long.parseLong(people);
            } else {
                errors.add("第 " + (i + 1) + " 行的人口数“" + people + "”不是整数");
            }
            figures.add(new Figure(code, population));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return figures;
    }

    private static String unquote(String cell) {
        String c = cell.strip();
        return c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"") ? c.substring(1, c.length() - 1).strip() : c;
    }

    @Transactional
    public Loaded load(Caller caller, Upload upload) {
        if (!caller.isStaff() || !caller.has(Role.ADMIN)) {
            throw ProblemException.forbidden("只有管理员可以导入常住人口数据。");
        }
        String source = upload.source() == null ? "" : upload.source().strip();
        if (source.isEmpty() || source.length() > 200) {
            throw ProblemException.invalidField("source", "请注明数据来源，例如“南宁市第七次全国人口普查公报（乡镇街道常住人口）”。");
        }
        int thisYear = clock.today().getYear();
        if (upload.year() == null || upload.year() < 1950 || upload.year() > thisYear) {
            throw ProblemException.invalidField("year", "请填写数据所属年份（1950—" + thisYear + "）。");
        }
        List<Figure> figures = upload.figures() == null ? List.of() : upload.figures();
        if (figures.isEmpty()) {
            throw ProblemException.invalidField("figures", "没有可导入的人口数据。");
        }
        if (figures.size() > MAX_ROWS) {
            throw ProblemException.invalidField("figures", "一次最多导入 " + MAX_ROWS + " 条。");
        }
        Set<String> known = knownCodes();
        Set<String> seen = new HashSet<>();
        List<String> errors = new ArrayList<>();
        Map<String, Long> rows = new LinkedHashMap<>();
        for (int i = 0; i < figures.size(); i++) {
            Figure f = figures.get(i);
            String code = f.code() == null ? "" : f.code().strip();
            String where = "第 " + (i + 1) + " 条（" + code + "）";
            if (!known.contains(code)) {
                errors.add(where + "不是南宁市的行政区划代码");
            } else if (!caller.covers(code)) {
                errors.add(where + "不在您的辖区内");
            } else if (!seen.add(code)) {
                errors.add(where + "重复");
            }
            if (f.population() == null || f.population() <= 0 || f.population() > Integer.MAX_VALUE) {
                errors.add(where + "的常住人口应为正整数");
            }
            rows.put(code, f.population());
        }
        if (!errors.isEmpty()) {
            audit.record(new AuditEntry(caller.accountId(), roles(caller), "volunteers.population.load", "region_population", null,
                    AuditEntry.Outcome.FAILURE, "year=" + upload.year() + " rows=" + figures.size() + " errors=" + errors.size()));
            throw invalid(errors);
        }
        Timestamp now = Timestamp.from(clock.now());
        jdbc.prepareStatement("""
                insert into volunteers.region_population (code, population, year, source, loaded_at, loaded_by)
                values (?, ?, ?, ?, ?, ?)
                on conflict (code, year) do update set population = excluded.population, source = excluded.source,
                    loaded_at = excluded.loaded_at, loaded_by = excluded.loaded_by""", ps -> {
            for (Map.Entry<String, Long> row : rows.entrySet()) {
                ps.setString(1, row.getKey());
                ps.setInt(2, row.getValue().intValue());
                ps.setInt(3, upload.year());
                ps.setString(4, source);
                ps.setTimestamp(5, now);
                ps.setString(6, caller.accountId());
                ps.addBatch();
            }
            return ps.executeBatch().length;
        });
        audit.record(new AuditEntry(caller.accountId(), roles(caller), "volunteers.population.load", "region_population", null,
                AuditEntry.Outcome.SUCCESS, "year=" + upload.year() + " rows=" + rows.size() + " source=" + source));
        return new Loaded(rows.size(), upload.year(), source);
    }

    /** Figures loaded for a region and its children (latest year of each), for checking an upload. */
    @Transactional
    public List<Stored> stored(Caller caller, String region) {
        if (!caller.isStaff() || !(caller.has(Role.ADMIN) || caller.has(Role.AUDITOR))) {
            throw ProblemException.forbidden("只有管理员或审计人员可以查看常住人口数据。");
        }
        String code = region == null || region.isBlank() ? caller.regionCode() : region.strip();
        if (!caller.covers(code)) {
            throw ProblemException.forbidden("您只能查看本辖区的数据。");
        }
        return jdbc.prepareStatement("""
                select distinct on (p.code) p.code, r.name, r.level, p.population, p.year, p.source, p.loaded_at
                from volunteers.region_population p join kernel.region r on r.code = p.code
                where p.code = ? or r.parent_code = ?
                order by p.code, p.year desc""", ps -> {
            ps.setString(1, code);
            ps.setString(2, code);
            List<Stored> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp at = rs.getTimestamp(7);
                    list.add(new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getInt(5),
                            rs.getString(6), at == null ? null : at.toInstant()));
                }
            }
            return list;
        });
    }

    private Set<String> knownCodes() {
        return jdbc.prepareStatement("select code from kernel.region", ps -> {
            Set<String> codes = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
            }
            return codes;
        });
    }

    private static ProblemException invalid(List<String> errors) {
        String shown = String.join("；", errors.subList(0, Math.min(errors.size(), 20)));
        return ProblemException.invalidField("figures", "人口数据有 " + errors.size() + " 处错误，未导入任何数据：" + shown
                + (errors.size() > 20 ? "……" : "") + "。");
    }

    private static String roles(Caller caller) {
        return String.join(",", caller.roles().stream().map(Enum::name).sorted().toList());
    }
}
