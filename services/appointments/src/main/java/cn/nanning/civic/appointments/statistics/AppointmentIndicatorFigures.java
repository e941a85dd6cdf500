package cn.nanning.civic.appointments.statistics;

import cn.nanning.civic.appointments.api.AppointmentIndicatorSource;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The appointments module's figures for the plan indicators: places, and what was held in a period, by region. */
@Singleton
class AppointmentIndicatorFigures implements AppointmentIndicatorSource {

    private final JdbcOperations jdbc;

    AppointmentIndicatorFigures(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public AppointmentFigures figures(Instant from, Instant to, LocalDate fromDate, LocalDate today) {
        Set<String> legalPlaces = jdbc.prepareStatement("""
                select distinct region_code from appointments.place
                where active and kind in ('LEGAL_SERVICE_STATION', 'LEGAL_SERVICE_POINT')""", ps -> {
            Set<String> codes = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
            }
            return codes;
        });
        Map<String, Long> rooms = counts("""
                select region_code, count(*) from appointments.place where active and kind = 'COUNSELLING_ROOM' group by region_code""");
        Map<String, Long> consultations = new HashMap<>();
        Map<String, Long> sessions = new HashMap<>();
        jdbc.prepareStatement("""
                select p.region_code, b.service, count(*)
                from appointments.booking b
                join appointments.provider pr on pr.id = b.provider_id
                join appointments.place p on p.id = pr.place_id
                where b.status = 'ATTENDED' and b.starts_at >= ? and b.starts_at < ?
                group by 1, 2""", ps -> {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ("LEGAL_CONSULTATION".equals(rs.getString(2)) ? consultations : sessions).put(rs.getString(1), rs.getLong(3));
                }
            }
            return null;
        });
        Map<String, Long> urgentDue = new HashMap<>();
        Map<String, Long> urgentAnswered = new HashMap<>();
        jdbc.prepareStatement("""
                select p.region_code, count(*), count(*) filter (where b.status = 'ATTENDED')
                from appointments.booking b
                join appointments.provider pr on pr.id = b.provider_id
                join appointments.place p on p.id = pr.place_id
                where b.service = 'PSYCHOLOGY' and b.urgent and b.starts_at >= ? and b.starts_at < ?
                  and not (b.status = 'CANCELLED' and b.cancelled_by = b.citizen_account_id)
                group by 1""", ps -> {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    urgentDue.put(rs.getString(1), rs.getLong(2));
                    urgentAnswered.put(rs.getString(1), rs.getLong(3));
                }
            }
            return null;
        });
        Map<String, Long> legalAidDue = new HashMap<>();
        Map<String, Long> legalAidOnTime = new HashMap<>();
        jdbc.prepareStatement("""
                select region_code, count(*), count(*) filter (where decided_on is not null and decided_on <= decision_due)
                from appointments.legal_aid_application
                where (decided_on >= ? and decided_on <= ?)
                   or (decided_on is null and status = 'UNDER_REVIEW' and decision_due >= ? and decision_due < ?)
                group by region_code""", ps -> {
            ps.setDate(1, Date.valueOf(fromDate));
            ps.setDate(2, Date.valueOf(today));
            ps.setDate(3, Date.valueOf(fromDate));
            ps.setDate(4, Date.valueOf(today));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    legalAidDue.put(rs.getString(1), rs.getLong(2));
                    legalAidOnTime.put(rs.getString(1), rs.getLong(3));
                }
            }
            return null;
        });
        return new AppointmentFigures(legalPlaces, rooms, consultations, sessions, urgentDue, urgentAnswered, legalAidDue, legalAidOnTime);
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
