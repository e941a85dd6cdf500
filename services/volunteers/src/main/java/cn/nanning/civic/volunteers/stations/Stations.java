package cn.nanning.civic.volunteers.stations;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.identity.RegionCodes;
import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.volunteers.VolunteersClock;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Volunteer service stations: one or more per township/street, set up by an admin of the area. */
@Singleton
public class Stations {

    private static final int LIST_LIMIT = 500;

    private final JdbcOperations jdbc;
    private final VolunteersClock clock;

    Stations(JdbcOperations jdbc, VolunteersClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    Station create(Caller caller, String townshipCode, String name, String address) {
        String code = townshipCode.strip();
        String level = jdbc.prepareStatement("select level from kernel.region where code = ?", ps -> {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
        if (!"township".equals(level)) {
            throw ProblemException.invalidField("townshipCode", "志愿服务站须设在乡镇（街道），请填写 9 位乡镇（街道）代码。");
        }
        if (!caller.has(Role.ADMIN) || !caller.covers(code)) {
            throw ProblemException.forbidden("只有本辖区的管理员可以设立志愿服务站。");
        }
        UUID id = UUID.randomUUID();
        boolean inserted = jdbc.prepareStatement("""
                insert into volunteers.station (id, township_code, name, address, created_by, created_at)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""", ps -> {
            ps.setObject(1, id);
            ps.setString(2, code);
            ps.setString(3, name.strip());
            ps.setString(4, address == null || address.isBlank() ? null : address.strip());
            ps.setString(5, caller.accountId());
            ps.setTimestamp(6, Timestamp.from(clock.now()));
            return ps.executeUpdate() == 1;
        });
        if (!inserted) {
            throw ProblemException.conflict("station-exists", "该乡镇（街道）已有同名的志愿服务站。");
        }
        return find(id);
    }

    @Transactional
    public Station find(UUID id) {
        return query("where s.id = ?", id).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("没有找到该志愿服务站。"));
    }

    @Transactional
    public Optional<Station> lookup(UUID id) {
        return query("where s.id = ?", id).stream().findFirst();
    }

    /** Stations in an area (any region code: district, township …). */
    @Transactional
    List<Station> inArea(String regionCode) {
        return query("where s.township_code like ? order by s.township_code, s.name limit " + LIST_LIMIT,
                RegionCodes.significantPrefix(regionCode) + "%");
    }

    private List<Station> query(String where, Object arg) {
        return jdbc.prepareStatement("""
                select s.*, r.name as township_name from volunteers.station s
                left join kernel.region r on r.code = s.township_code""" + " " + where, ps -> {
            ps.setObject(1, arg);
            List<Station> stations = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stations.add(map(rs));
                }
            }
            return stations;
        });
    }

    private static Station map(ResultSet rs) throws SQLException {
        return new Station(rs.getObject("id", UUID.class), rs.getString("township_code"), rs.getString("township_name"),
                rs.getString("name"), rs.getString("address"), rs.getTimestamp("created_at").toInstant());
    }
}
