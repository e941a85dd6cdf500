package cn.nanning.civic.appointments.legalaid;

import cn.nanning.civic.appointments.booking.Access;
import cn.nanning.civic.appointments.booking.Booking;
import cn.nanning.civic.appointments.booking.BookingStatus;
import cn.nanning.civic.appointments.booking.Bookings;
import cn.nanning.civic.appointments.booking.Directory;
import cn.nanning.civic.appointments.booking.Mode;
import cn.nanning.civic.appointments.booking.Place;
import cn.nanning.civic.appointments.booking.Provider;
import cn.nanning.civic.appointments.booking.ProviderKind;
import cn.nanning.civic.appointments.booking.Service;
import cn.nanning.civic.appointments.calendar.AppointmentClock;
import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.kernel.audit.AuditEntry;
import cn.nanning.civic.kernel.audit.AuditLog;
import cn.nanning.civic.kernel.outbox.Outbox;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A lawyer marks a consultation completed, with the time it actually took. When the lawyer is a volunteer lawyer the
 * consultation is published on {@value #TOPIC}, from which services/volunteers credits their service hours.
 */
@Singleton
class ConsultationCompletions {

    static final String TOPIC = "appointments.consultation-completed.v1";
    private static final Duration LONGEST = Duration.ofHours(8);

    private final JdbcOperations jdbc;
    private final Bookings bookings;
    private final Directory directory;
    private final AppointmentClock clock;
    private final Outbox outbox;
    private final AuditLog audit;

    ConsultationCompletions(JdbcOperations jdbc, Bookings bookings, Directory directory, AppointmentClock clock, Outbox outbox,
                            AuditLog audit) {
        this.jdbc = jdbc;
        this.bookings = bookings;
        this.directory = directory;
        this.clock = clock;
        this.outbox = outbox;
        this.audit = audit;
    }

    @Serdeable
    record Completion(UUID bookingId, String status, String statusLabel, Instant startedAt, Instant endedAt, long minutes,
                      String place, boolean volunteerLawyer) {
    }

    @Serdeable
    record VolunteerLawyer(UUID providerId, boolean volunteer, @Nullable String volunteerAccountId) {
    }

    /** The lawyer of the booking (or an administrator over its place) records the consultation as completed. */
    @Transactional
    public Completion complete(Caller caller, UUID bookingId, @Nullable Instant startedAt, @Nullable Instant endedAt) {
        Booking booking = bookings.readable(caller, bookingId);
        Provider provider = directory.provider(booking.providerId());
        Place place = directory.place(provider.placeId());
        if (!bookings.isProvider(caller, provider) && !Access.adminOver(caller, place.regionCode())) {
            throw Bookings.hidden(caller);
        }
        if (booking.service() != Service.LEGAL_CONSULTATION) {
            throw ProblemException.conflict("not-a-consultation", "只有法律咨询预约可以登记为咨询完成。");
        }
        if (completedAt(bookingId) != null) {
            throw ProblemException.conflict("already-completed", "该咨询已登记为完成，不能重复登记。");
        }
        if (booking.status() != BookingStatus.CONFIRMED && booking.status() != BookingStatus.ATTENDED) {
            throw ProblemException.conflict("invalid-transition", "该预约当前为“" + booking.status().label() + "”，不能登记为咨询完成。");
        }
        Instant now = clock.now();
        Instant started = startedAt != null ? startedAt : booking.startsAt();
        Instant ended = endedAt != null ? endedAt : booking.endsAt();
        if (now.isBefore(booking.startsAt()) || ended.isAfter(now)) {
            throw ProblemException.conflict("not-finished", "咨询尚未结束，不能登记为完成。");
        }
        if (!started.isBefore(ended)) {
            throw ProblemException.invalidField("endedAt", "结束时间必须晚于开始时间。");
        }
        if (Duration.between(started, ended).compareTo(LONGEST) > 0
                || Duration.between(booking.startsAt(), started).abs().compareTo(LONGEST) > 0) {
            throw ProblemException.invalidField("startedAt", "咨询时间与预约时段相差过大，请核对开始和结束时间。");
        }
        jdbc.prepareStatement("""
                update appointments.booking set status = 'ATTENDED', started_at = ?, ended_at = ?, completed_at = ?, completed_by = ?,
                    updated_at = ? where id = ? and completed_at is null""", s -> {
            s.setTimestamp(1, Timestamp.from(started));
            s.setTimestamp(2, Timestamp.from(ended));
            s.setTimestamp(3, Timestamp.from(now));
            s.setString(4, caller.accountId());
            s.setTimestamp(5, Timestamp.from(now));
            s.setObject(6, bookingId);
            return s.executeUpdate();
        });
        long minutes = Duration.between(started, ended).toMinutes();
        String placeText = booking.mode() == Mode.ONLINE ? "线上咨询（" + place.name() + "）" : place.name();
        VolunteerLawyer volunteer = volunteerLawyer(provider.id());
        audit.record(new AuditEntry(caller.accountId(), null, "legal-aid.consultation.complete", "booking", bookingId.toString(),
                AuditEntry.Outcome.SUCCESS, minutes + " min"));
        if (volunteer.volunteer()) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("bookingId", bookingId.toString());
            payload.put("providerAccountId", provider.accountId());
            payload.put("volunteerAccountId", volunteer.volunteerAccountId());
            payload.put("startedAt", started.toString());
            payload.put("endedAt", ended.toString());
            payload.put("minutes", minutes);
            payload.put("place", placeText);
            payload.put("regionCode", place.regionCode());
            outbox.add(TOPIC, bookingId.toString(), "ConsultationCompleted", "consultation", payload);
        }
        return new Completion(bookingId, BookingStatus.ATTENDED.name(), "咨询已完成", started, ended, minutes, placeText, volunteer.volunteer());
    }

    /** An administrator over the provider's place flags (or unflags) a lawyer as a volunteer lawyer. */
    @Transactional
    public VolunteerLawyer flag(Caller caller, UUID providerId, Boolean volunteer, @Nullable String volunteerAccountId) {
        Provider provider = directory.provider(providerId);
        Access.requireAdminOver(caller, directory.place(provider.placeId()).regionCode());
        if (provider.kind() == ProviderKind.COUNSELLOR) {
            throw ProblemException.invalidField("volunteer", "只有律师或法律援助工作人员可以登记为志愿律师。");
        }
        if (volunteer == null) {
            throw ProblemException.invalidField("volunteer", "请说明是否为志愿律师。");
        }
        String account = volunteerAccountId == null || volunteerAccountId.isBlank() ? null : volunteerAccountId.strip();
        if (account != null && account.length() > 64) {
            throw ProblemException.invalidField("volunteerAccountId", "志愿者账号格式不正确。");
        }
        jdbc.prepareStatement("update appointments.provider set volunteer = ?, volunteer_account_id = ? where id = ?", s -> {
            s.setBoolean(1, volunteer);
            s.setString(2, volunteer ? account : null);
            s.setObject(3, providerId);
            return s.executeUpdate();
        });
        audit.record(new AuditEntry(caller.accountId(), null, "appointments.provider.volunteer-lawyer", "provider", providerId.toString(),
                AuditEntry.Outcome.SUCCESS, String.valueOf(volunteer)));
        return volunteerLawyer(providerId);
    }

    VolunteerLawyer volunteerLawyer(UUID providerId) {
        return jdbc.prepareStatement("select volunteer, volunteer_account_id from appointments.provider where id = ?", s -> {
            s.setObject(1, providerId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("服务人员不存在。");
                }
                return new VolunteerLawyer(providerId, rs.getBoolean(1), rs.getString(2));
            }
        });
    }

    private Instant completedAt(UUID bookingId) {
        return jdbc.prepareStatement("select completed_at from appointments.booking where id = ?", s -> {
            s.setObject(1, bookingId);
            try (ResultSet rs = s.executeQuery()) {
                Timestamp t = rs.next() ? rs.getTimestamp(1) : null;
                return t == null ? null : t.toInstant();
            }
        });
    }
}
