package cn.nanning.civic.appointments.booking;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.kernel.regions.Region;
import cn.nanning.civic.kernel.regions.RegionRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Places, providers, their weekly plans and their leave. Administered per region; read by everyone signed in. */
@Singleton
public class Directory {

    private static final int LIST_LIMIT = 200;

    private final JdbcOperations jdbc;
    private final RegionRepository regions;

    Directory(JdbcOperations jdbc, RegionRepository regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    // ---- places

    @Transactional
    public Place createPlace(Caller caller, String name, PlaceKind kind, String regionCode, @Nullable String address,
                             PlaceContact contact) {
        if (name == null || name.isBlank()) {
            throw ProblemException.invalidField("name", "请填写地点名称。");
        }
        if (regionCode == null || !regions.existsById(regionCode.strip())) {
            throw ProblemException.invalidField("regionCode", "区划代码不存在，请选择南宁市的区划。");
        }
        Access.requireAdminOver(caller, regionCode.strip());
        Place place = new Place(UUID.randomUUID(), name.strip(), kind, regionCode.strip(), blankToNull(address), true,
                contact.phone(), contact.openingHours(), contact.latitude(), contact.longitude());
        jdbc.prepareStatement("""
                insert into appointments.place (id, name, kind, region_code, address, phone, opening_hours, latitude, longitude)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", s -> {
            s.setObject(1, place.id());
            s.setString(2, place.name());
            s.setString(3, kind.name());
            s.setString(4, place.regionCode());
            s.setString(5, place.address());
            s.setString(6, place.phone());
            s.setString(7, place.openingHours());
            s.setObject(8, place.latitude());
            s.setObject(9, place.longitude());
            return s.executeUpdate();
        });
        return place;
    }

    /** Sets how residents reach a place (an administrator over it); parts left empty are cleared. */
    @Transactional
    public Place changeContact(Caller caller, UUID placeId, PlaceContact contact) {
        Place place = place(placeId);
        Access.requireAdminOver(caller, place.regionCode());
        jdbc.prepareStatement("update appointments.place set phone = ?, opening_hours = ?, latitude = ?, longitude = ? where id = ?", s -> {
            s.setString(1, contact.phone());
            s.setString(2, contact.openingHours());
            s.setObject(3, contact.latitude());
            s.setObject(4, contact.longitude());
            s.setObject(5, placeId);
            return s.executeUpdate();
        });
        return place(placeId);
    }

    @Transactional(readOnly = true)
    public Place place(UUID id) {
        List<Place> found = jdbc.prepareStatement("select * from appointments.place where id = ?", s -> {
            s.setObject(1, id);
            return places(s.executeQuery());
        });
        if (found.isEmpty()) {
            throw ProblemException.notFound("服务地点不存在。");
        }
        return found.get(0);
    }

    @Transactional(readOnly = true)
    public List<Place> places(@Nullable String regionPrefix, @Nullable PlaceKind kind) {
        return jdbc.prepareStatement("""
                select * from appointments.place where active and (?::text is null or region_code like ? || '%')
                and (?::text is null or kind = ?) order by region_code, name limit ?""", s -> {
            s.setString(1, regionPrefix);
            s.setString(2, regionPrefix);
            s.setString(3, kind == null ? null : kind.name());
            s.setString(4, kind == null ? null : kind.name());
            s.setInt(5, LIST_LIMIT);
            return places(s.executeQuery());
        });
    }

    public Views.PlaceView view(Place place) {
        String regionName = regions.findById(place.regionCode()).map(Region::name).orElse(null);
        return new Views.PlaceView(place.id(), place.name(), place.kind().name(), place.kind().label(), place.regionCode(),
                regionName, place.address(), place.active(), place.phone(), place.openingHours(), place.latitude(), place.longitude());
    }

    // ---- providers

    @Transactional
    public Provider createProvider(Caller caller, String accountId, String displayName, ProviderKind kind, UUID placeId,
                                   int slotMinutes, int bufferMinutes, int minNoticeMinutes, int horizonDays) {
        Place place = place(placeId);
        Access.requireAdminOver(caller, place.regionCode());
        boolean counselling = place.kind() == PlaceKind.COUNSELLING_ROOM;
        if (counselling != (kind == ProviderKind.COUNSELLOR)) {
            throw ProblemException.invalidField("kind", counselling
                    ? "心理咨询室只能安排心理咨询师。" : "公共法律服务站（点）只能安排律师或法律援助工作人员。");
        }
        if (accountId == null || accountId.isBlank()) {
            throw ProblemException.invalidField("accountId", "请填写工作人员账号。");
        }
        if (displayName == null || displayName.isBlank()) {
            throw ProblemException.invalidField("displayName", "请填写显示名称。");
        }
        if (slotMinutes < 10 || slotMinutes > 240) {
            throw ProblemException.invalidField("slotMinutes", "每个时段应在 10 到 240 分钟之间。");
        }
        if (bufferMinutes < 0 || bufferMinutes > 120) {
            throw ProblemException.invalidField("bufferMinutes", "时段间隔应在 0 到 120 分钟之间。");
        }
        if (minNoticeMinutes < 0 || minNoticeMinutes > 20160) {
            throw ProblemException.invalidField("minNoticeMinutes", "最短提前预约时间应在 0 到 20160 分钟（14 天）之间。");
        }
        if (horizonDays < 1 || horizonDays > 90) {
            throw ProblemException.invalidField("horizonDays", "可预约天数应在 1 到 90 天之间。");
        }
        Provider provider = new Provider(UUID.randomUUID(), accountId.strip(), displayName.strip(), kind, placeId,
                slotMinutes, bufferMinutes, minNoticeMinutes, horizonDays, true);
        int inserted = jdbc.prepareStatement("""
                insert into appointments.provider (id, account_id, display_name, kind, place_id, slot_minutes, buffer_minutes,
                    min_notice_minutes, horizon_days) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (account_id) do nothing""", s -> {
            s.setObject(1, provider.id());
            s.setString(2, provider.accountId());
            s.setString(3, provider.displayName());
            s.setString(4, kind.name());
            s.setObject(5, placeId);
            s.setInt(6, slotMinutes);
            s.setInt(7, bufferMinutes);
            s.setInt(8, minNoticeMinutes);
            s.setInt(9, horizonDays);
            return s.executeUpdate();
        });
        if (inserted == 0) {
            throw ProblemException.conflict("provider-exists", "该工作人员账号已登记为服务人员。");
        }
        return provider;
    }

    @Transactional(readOnly = true)
    public Provider provider(UUID id) {
        List<Provider> found = jdbc.prepareStatement("select * from appointments.provider where id = ?", s -> {
            s.setObject(1, id);
            return providers(s.executeQuery());
        });
        if (found.isEmpty()) {
            throw ProblemException.notFound("服务人员不存在。");
        }
        return found.get(0);
    }

    /** The provider record of a staff account, if it is one. */
    @Transactional(readOnly = true)
    public @Nullable Provider providerOfAccount(String accountId) {
        List<Provider> found = jdbc.prepareStatement("select * from appointments.provider where account_id = ?", s -> {
            s.setString(1, accountId);
            return providers(s.executeQuery());
        });
        return found.isEmpty() ? null : found.get(0);
    }

    @Transactional(readOnly = true)
    public List<Provider> providers(@Nullable ProviderKind kind, @Nullable String regionPrefix) {
        return jdbc.prepareStatement("""
                select v.* from appointments.provider v join appointments.place p on p.id = v.place_id
                where v.active and p.active and (?::text is null or v.kind = ?) and (?::text is null or p.region_code like ? || '%')
                order by p.region_code, v.display_name limit ?""", s -> {
            s.setString(1, kind == null ? null : kind.name());
            s.setString(2, kind == null ? null : kind.name());
            s.setString(3, regionPrefix);
            s.setString(4, regionPrefix);
            s.setInt(5, LIST_LIMIT);
            return providers(s.executeQuery());
        });
    }

    public Views.ProviderView view(Provider p) {
        List<Views.WindowView> plan = new ArrayList<>();
        plan(p.id()).forEach((weekday, windows) -> windows.forEach(w ->
                plan.add(new Views.WindowView(weekday, w.starts().toString(), w.ends().toString()))));
        return new Views.ProviderView(p.id(), p.accountId(), p.displayName(), p.kind().name(), p.kind().label(),
                p.kind().service().name(), view(place(p.placeId())), p.slotMinutes(), p.bufferMinutes(), p.minNoticeMinutes(),
                p.horizonDays(), p.active(), plan);
    }

    /** Whether the caller may change this provider's plan and leave: the provider themself or an administrator over the place. */
    public void requireManage(Caller caller, Provider provider) {
        if (caller.accountId().equals(provider.accountId())) {
            return;
        }
        Access.requireAdminOver(caller, place(provider.placeId()).regionCode());
    }

    // ---- plans

    @Transactional
    public void replacePlan(Caller caller, UUID providerId, List<Views.WindowView> windows) {
        Provider provider = provider(providerId);
        requireManage(caller, provider);
        List<Object[]> parsed = new ArrayList<>();
        Map<Integer, List<SlotPlanner.Window>> byDay = new TreeMap<>();
        for (Views.WindowView w : windows == null ? List.<Views.WindowView>of() : windows) {
            if (w.weekday() < 1 || w.weekday() > 7) {
                throw ProblemException.invalidField("weekday", "星期应为 1（周一）到 7（周日）。");
            }
            LocalTime starts = time("starts", w.starts());
            LocalTime ends = time("ends", w.ends());
            if (!starts.isBefore(ends)) {
                throw ProblemException.invalidField("ends", "结束时间应晚于开始时间。");
            }
            List<SlotPlanner.Window> day = byDay.computeIfAbsent(w.weekday(), d -> new ArrayList<>());
            if (day.stream().anyMatch(o -> starts.isBefore(o.ends()) && o.starts().isBefore(ends))) {
                throw ProblemException.invalidField("starts", "同一天的工作时段不能重叠。");
            }
            day.add(new SlotPlanner.Window(starts, ends));
            parsed.add(new Object[]{w.weekday(), starts, ends});
        }
        jdbc.prepareStatement("delete from appointments.working_window where provider_id = ?", s -> {
            s.setObject(1, providerId);
            return s.executeUpdate();
        });
        jdbc.prepareStatement("insert into appointments.working_window (provider_id, weekday, starts, ends) values (?, ?, ?, ?)", s -> {
            for (Object[] row : parsed) {
                s.setObject(1, providerId);
                s.setInt(2, (Integer) row[0]);
                s.setTime(3, Time.valueOf((LocalTime) row[1]));
                s.setTime(4, Time.valueOf((LocalTime) row[2]));
                s.addBatch();
            }
            return s.executeBatch();
        });
    }

    @Transactional(readOnly = true)
    Map<Integer, List<SlotPlanner.Window>> plan(UUID providerId) {
        Map<Integer, List<SlotPlanner.Window>> plan = new TreeMap<>();
        jdbc.prepareStatement("select weekday, starts, ends from appointments.working_window where provider_id = ? order by weekday, starts", s -> {
            s.setObject(1, providerId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    plan.computeIfAbsent(rs.getInt(1), d -> new ArrayList<>())
                            .add(new SlotPlanner.Window(rs.getTime(2).toLocalTime(), rs.getTime(3).toLocalTime()));
                }
            }
            return null;
        });
        return plan;
    }

    // ---- leave

    @Transactional
    public Views.AbsenceView addAbsence(Caller caller, UUID providerId, Instant from, Instant to, String reason) {
        Provider provider = provider(providerId);
        requireManage(caller, provider);
        if (!from.isBefore(to)) {
            throw ProblemException.invalidField("endsAt", "结束时间应晚于开始时间。");
        }
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalidField("reason", "请填写请假或停诊原因。");
        }
        UUID id = UUID.randomUUID();
        jdbc.prepareStatement("""
                insert into appointments.absence (id, provider_id, period, reason, created_by) values (?, ?, tstzrange(?, ?, '[)'), ?, ?)""", s -> {
            s.setObject(1, id);
            s.setObject(2, providerId);
            s.setTimestamp(3, Timestamp.from(from));
            s.setTimestamp(4, Timestamp.from(to));
            s.setString(5, reason.strip());
            s.setString(6, caller.accountId());
            return s.executeUpdate();
        });
        return new Views.AbsenceView(id, Times.format(from), Times.format(to), reason.strip());
    }

    @Transactional(readOnly = true)
    List<SlotPlanner.Range> absences(UUID providerId, Instant from, Instant to) {
        return ranges("""
                select lower(period), upper(period) from appointments.absence
                where provider_id = ? and period && tstzrange(?, ?, '[)')""", providerId, from, to);
    }

    @Transactional(readOnly = true)
    List<SlotPlanner.Range> busy(UUID providerId, Instant from, Instant to) {
        return ranges("""
                select lower(blocked), upper(blocked) from appointments.booking
                where provider_id = ? and status <> 'CANCELLED' and blocked && tstzrange(?, ?, '[)')""", providerId, from, to);
    }

    private List<SlotPlanner.Range> ranges(String sql, UUID providerId, Instant from, Instant to) {
        return jdbc.prepareStatement(sql, s -> {
            s.setObject(1, providerId);
            s.setTimestamp(2, Timestamp.from(from));
            s.setTimestamp(3, Timestamp.from(to));
            List<SlotPlanner.Range> ranges = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ranges.add(new SlotPlanner.Range(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()));
                }
            }
            return ranges;
        });
    }

    private static LocalTime time(String field, String value) {
        try {
            return LocalTime.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "时间格式应为 09:00。");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static List<Place> places(ResultSet rs) throws SQLException {
        List<Place> list = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                list.add(new Place(rs.getObject("id", UUID.class), rs.getString("name"), PlaceKind.valueOf(rs.getString("kind")),
                        rs.getString("region_code"), rs.getString("address"), rs.getBoolean("active"), rs.getString("phone"),
                        rs.getString("opening_hours"), (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude")));
            }
        }
        return list;
    }

    private static List<Provider> providers(ResultSet rs) throws SQLException {
        List<Provider> list = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                list.add(new Provider(rs.getObject("id", UUID.class), rs.getString("account_id"), rs.getString("display_name"),
                        ProviderKind.valueOf(rs.getString("kind")), rs.getObject("place_id", UUID.class), rs.getInt("slot_minutes"),
                        rs.getInt("buffer_minutes"), rs.getInt("min_notice_minutes"), rs.getInt("horizon_days"), rs.getBoolean("active")));
            }
        }
        return list;
    }
}
