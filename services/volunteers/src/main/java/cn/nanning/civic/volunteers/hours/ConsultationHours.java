package cn.nanning.civic.volunteers.hours;

import cn.nanning.civic.kernel.inbox.Inbox;
import cn.nanning.civic.kernel.outbox.Outbox;
import cn.nanning.civic.volunteers.VolunteersClock;
import cn.nanning.civic.volunteers.registration.Volunteers;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Hours a volunteer lawyer served in a completed legal consultation (appointments) become confirmed ledger entries:
 * the appointment system, not the lawyer, attests them. Once per event (kernel inbox) and once per booking.
 */
@Singleton
public class ConsultationHours {

    static final String SOURCE = "法律咨询志愿服务";
    private static final String CONSUMER = "volunteers.consultation-hours";
    private static final Logger LOG = LoggerFactory.getLogger(ConsultationHours.class);

    private final JdbcOperations jdbc;
    private final Inbox inbox;
    private final Outbox outbox;
    private final Volunteers volunteers;
    private final StarNotices stars;
    private final VolunteersClock clock;

    ConsultationHours(JdbcOperations jdbc, Inbox inbox, Outbox outbox, Volunteers volunteers, StarNotices stars, VolunteersClock clock) {
        this.jdbc = jdbc;
        this.inbox = inbox;
        this.outbox = outbox;
        this.volunteers = volunteers;
        this.stars = stars;
        this.clock = clock;
    }

    public record Completed(UUID eventId, String bookingId, String volunteerAccountId, Instant startedAt, Instant endedAt, int minutes,
                            String place) {
    }

    /** Returns whether hours were recorded (false: replay, no volunteer record, or nothing to credit). */
    @Transactional
    public boolean record(Completed c) {
        if (c.volunteerAccountId() == null || c.minutes() <= 0) {
            return false;
        }
        Optional<UUID> volunteer = volunteers.idOfAccount(c.volunteerAccountId()).filter(id -> volunteers.active(id).isPresent());
        if (volunteer.isEmpty()) {
            LOG.info("Consultation {} was not given by an active registered volunteer; no hours recorded", c.bookingId());
            return false;
        }
        if (!inbox.firstDelivery(CONSUMER, c.eventId())) {
            return false;
        }
        UUID volunteerId = volunteer.get();
        Long id = jdbc.prepareStatement("""
                insert into volunteers.hours_ledger (volunteer_id, activity_id, minutes, kind, reason, recorded_by, recorded_at,
                    source, place, service_start, service_end, external_ref)
                values (?, null, ?, 'CONFIRMED', null, 'appointments', ?, ?, ?, ?, ?, ?)
                on conflict (external_ref) where external_ref is not null do nothing returning id""", ps -> {
            ps.setObject(1, volunteerId);
            ps.setInt(2, c.minutes());
            ps.setTimestamp(3, Timestamp.from(clock.now()));
            ps.setString(4, SOURCE);
            ps.setString(5, c.place());
            ps.setTimestamp(6, c.startedAt() != null ? Timestamp.from(c.startedAt()) : null);
            ps.setTimestamp(7, c.endedAt() != null ? Timestamp.from(c.endedAt()) : null);
            ps.setString(8, "appointments.booking:" + c.bookingId());
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        });
        if (id == null) {
            return false;
        }
        outbox.add(Hours.TOPIC, volunteerId.toString(), "HoursConfirmed", "hours",
                new HoursViews.HoursConfirmed(null, volunteerId, id, c.minutes(), "CONFIRMED", SOURCE));
        stars.afterLedgerChange(volunteerId);
        return true;
    }
}
