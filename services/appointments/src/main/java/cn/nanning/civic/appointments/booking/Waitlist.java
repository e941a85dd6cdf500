package cn.nanning.civic.appointments.booking;

import cn.nanning.civic.appointments.calendar.AppointmentClock;
import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.kernel.notifications.CitizenNotifications;
import cn.nanning.civic.kernel.outbox.Outbox;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A waitlist per provider and day. When a booking of that day is cancelled, the citizen who has waited longest is
 * offered the freed slot at once (event and WeChat message); they book it like any other slot.
 */
@Singleton
class Waitlist {

    private static final DateTimeFormatter NOTICE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(AppointmentClock.NANNING);

    private final JdbcOperations jdbc;
    private final Directory directory;
    private final AppointmentClock clock;
    private final Outbox outbox;
    private final CitizenNotifications notifications;

    Waitlist(JdbcOperations jdbc, Directory directory, AppointmentClock clock, Outbox outbox, CitizenNotifications notifications) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
        this.outbox = outbox;
        this.notifications = notifications;
    }

    @Serdeable
    record EntryView(UUID id, UUID providerId, String day, String status, int position) {
    }

    /** Joins the waitlist of a day that has no free slot left. */
    @Transactional
    public EntryView join(Caller caller, UUID providerId, LocalDate day, List<Views.SlotView> freeThatDay) {
        if (caller.isStaff()) {
            throw ProblemException.forbidden("候补请由市民本人登记。");
        }
        Provider provider = directory.provider(providerId);
        LocalDate today = clock.today();
        if (day.isBefore(today) || day.isAfter(today.plusDays(provider.horizonDays()))) {
            throw ProblemException.invalidField("day", "只能候补 " + provider.horizonDays() + " 天内的日期。");
        }
        if (!freeThatDay.isEmpty()) {
            throw ProblemException.conflict("slots-available", "当天仍有可预约时段，请直接预约。");
        }
        UUID id = UUID.randomUUID();
        int inserted = jdbc.prepareStatement("""
                insert into appointments.waitlist_entry (id, provider_id, day, citizen_account_id, status, created_at)
                values (?, ?, ?, ?, 'WAITING', ?) on conflict do nothing""", s -> {
            s.setObject(1, id);
            s.setObject(2, providerId);
            s.setObject(3, day);
            s.setString(4, caller.accountId());
            s.setTimestamp(5, Timestamp.from(clock.now()));
            return s.executeUpdate();
        });
        if (inserted == 0) {
            throw ProblemException.conflict("already-waiting", "您已在该日的候补名单中。");
        }
        int position = jdbc.prepareStatement("""
                select count(*) from appointments.waitlist_entry where provider_id = ? and day = ? and status = 'WAITING'""", s -> {
            s.setObject(1, providerId);
            s.setObject(2, day);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
        return new EntryView(id, providerId, day.toString(), "WAITING", position);
    }

    /** Offers a freed slot to the longest-waiting citizen of that provider and day, if any. Joins the cancellation's transaction. */
    @Transactional
    public void offer(Booking freed) {
        LocalDate day = LocalDate.ofInstant(freed.startsAt(), AppointmentClock.NANNING);
        List<Object[]> first = jdbc.prepareStatement("""
                update appointments.waitlist_entry set status = 'OFFERED', offered_at = ?, offered_booking_id = ?
                where id = (select id from appointments.waitlist_entry where provider_id = ? and day = ? and status = 'WAITING'
                            order by seq limit 1 for update skip locked)
                returning id, citizen_account_id""", s -> {
            s.setTimestamp(1, Timestamp.from(clock.now()));
            s.setObject(2, freed.id());
            s.setObject(3, freed.providerId());
            s.setObject(4, day);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? List.<Object[]>of(new Object[]{rs.getObject(1, UUID.class), rs.getString(2)}) : List.<Object[]>of();
            }
        });
        if (first.isEmpty()) {
            return;
        }
        UUID entry = (UUID) first.get(0)[0];
        String citizen = (String) first.get(0)[1];
        Provider provider = directory.provider(freed.providerId());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("waitlistEntryId", entry.toString());
        payload.put("citizenAccountId", citizen);
        payload.put("providerId", freed.providerId().toString());
        payload.put("startsAt", freed.startsAt().toString());
        payload.put("endsAt", freed.endsAt().toString());
        payload.put("freedBookingId", freed.id().toString());
        outbox.add(Bookings.TOPIC, freed.id().toString(), "WaitlistSlotOffered", "offer", payload);
        String who = provider.displayName().length() <= 20 ? provider.displayName() : provider.displayName().substring(0, 19) + "…";
        notifications.notify(citizen, "appointment-waitlist-offer", Map.of(
                "thing1", who,
                "time2", NOTICE_TIME.format(freed.startsAt()),
                "thing3", "您候补的时段已空出，请尽快预约"), "pages/appointments/provider?id=" + freed.providerId());
    }
}
