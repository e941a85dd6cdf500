package cn.nanning.civic.appointments.statistics;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts of an area for administrators and auditors: places and providers now, bookings that started in a period (per
 * service and status), legal-aid applications submitted in the period (per status) and those past their decision day
 * now. Everything is counted by the region of the place (bookings) or of the application; no personal data is read.
 */
@Singleton
class AppointmentStatisticsStore {

    /** Counts of one area; maps keyed by the stored codes (place kind, service, status). */
    record Counts(Map<String, Long> places, long providers, Map<String, Map<String, Long>> bookings, long urgentBookings,
                  Map<String, Long> applications, long applicationsOverdue) {
    }

    private final JdbcOperations jdbc;

    AppointmentStatisticsStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The area is a significant code prefix ("4501" the city, "450103" a district…). */
    @Transactional(readOnly = true)
    Counts of(String areaPrefix, Instant from, Instant to, LocalDate fromDate, LocalDate toDate, LocalDate today) {
        String like = areaPrefix + "%";
        Map<String, Long> places = new LinkedHashMap<>();
        jdbc.prepareStatement("""
                select kind, count(*) from appointments.place where active and region_code like ? group by kind""", ps -> {
            ps.setString(1, like);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    places.put(rs.getString(1), rs.getLong(2));
                }
            }
            return null;
        });
        long providers = jdbc.prepareStatement("""
                select count(*) from appointments.provider pr join appointments.place p on p.id = pr.place_id
                where pr.active and p.active and p.region_code like ?""", ps -> {
            ps.setString(1, like);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        Map<String, Map<String, Long>> bookings = new LinkedHashMap<>();
        long urgent = jdbc.prepareStatement("""
                select b.service, b.status, count(*), count(*) filter (where b.urgent)
                from appointments.booking b
                join appointments.provider pr on pr.id = b.provider_id
                join appointments.place p on p.id = pr.place_id
                where p.region_code like ? and b.starts_at >= ? and b.starts_at < ?
                group by 1, 2""", ps -> {
            ps.setString(1, like);
            ps.setTimestamp(2, Timestamp.from(from));
            ps.setTimestamp(3, Timestamp.from(to));
            long urgentCount = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    bookings.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
                    urgentCount += rs.getLong(4);
                }
            }
            return urgentCount;
        });
        Map<String, Long> applications = new LinkedHashMap<>();
        jdbc.prepareStatement("""
                select status, count(*) from appointments.legal_aid_application
                where region_code like ? and submitted_on >= ? and submitted_on <= ?
                group by status""", ps -> {
            ps.setString(1, like);
            ps.setDate(2, Date.valueOf(fromDate));
            ps.setDate(3, Date.valueOf(toDate));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    applications.put(rs.getString(1), rs.getLong(2));
                }
            }
            return null;
        });
        long overdue = jdbc.prepareStatement("""
                select count(*) from appointments.legal_aid_application
                where region_code like ? and status = 'UNDER_REVIEW' and decided_on is null and decision_due < ?""", ps -> {
            ps.setString(1, like);
            ps.setDate(2, Date.valueOf(today));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        return new Counts(places, providers, bookings, urgent, applications, overdue);
    }
}
