package cn.nanning.civic.appointments.assisted;

import cn.nanning.civic.appointments.booking.Booking;
import cn.nanning.civic.appointments.booking.Bookings;
import cn.nanning.civic.appointments.booking.Mode;
import cn.nanning.civic.appointments.booking.Service;
import cn.nanning.civic.appointments.calendar.AppointmentClock;
import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.common.pii.FieldCipher;
import cn.nanning.civic.common.pii.Masking;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.kernel.audit.AuditEntry;
import cn.nanning.civic.kernel.audit.AuditLog;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Legal consultations booked by a service-point clerk for a resident at the counter (代为预约): the resident has no
 * mini-program account, so the booking belongs to a resident key derived from their phone (weekly limits apply per
 * resident) and the clerk who booked may read and cancel it. Psychology is deliberately not offered this way:
 * screening answers are health data a clerk should not handle.
 */
@Singleton
public class AssistedBookings {

    private static final int LIST_LIMIT = 100;

    private final Bookings bookings;
    private final JdbcOperations jdbc;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final AppointmentClock clock;

    AssistedBookings(Bookings bookings, JdbcOperations jdbc, FieldCipher cipher, AuditLog audit, AppointmentClock clock) {
        this.bookings = bookings;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewAssistedBooking(UUID providerId, Instant startsAt, Mode mode, @Nullable String topic,
                                     @Nullable String residentName, @Nullable String residentPhone, boolean consent) {
    }

    /** What the clerk and the lawyer see of the resident: masked name and phone, and who booked. */
    @Serdeable
    public record AssistedView(UUID bookingId, String residentName, String residentPhone, String clerkAccountId,
                               String providerName, String startsAt, String endsAt, String status, String statusLabel,
                               @Nullable String topic, @Nullable String placeName) {
    }

    @Transactional
    public Booking book(Caller clerk, NewAssistedBooking command) {
        if (!clerk.has(Role.CLERK)) {
            throw ProblemException.forbidden("只有服务点代办员可以为居民代为预约。");
        }
        String name = command.residentName() == null ? "" : command.residentName().strip();
        if (name.isEmpty() || name.length() > 50) {
            throw ProblemException.invalidField("residentName", "请填写居民姓名（不超过 50 字）。");
        }
        String phone = command.residentPhone() == null ? "" : command.residentPhone().strip();
        if (!phone.matches("1[3-9]\\d{9}")) {
            throw ProblemException.invalidField("residentPhone", "请填写居民本人正确的 11 位手机号码，便于律师联系。");
        }
        if (!command.consent()) {
            throw ProblemException.invalidField("consent", "请先向居民说明并取得其同意，由服务点代为预约并提供姓名和手机号码。");
        }
        String resident = Bookings.COUNTER_RESIDENT_PREFIX + cipher.blindIndex(phone, "assisted_booking.resident_phone");
        Booking booking = bookings.bookFor(resident, Service.LEGAL_CONSULTATION,
                new Bookings.NewBooking(command.providerId(), command.startsAt(), command.mode(), command.topic(), false));
        Instant now = clock.now();
        jdbc.prepareStatement("""
                insert into appointments.assisted_booking (booking_id, clerk_account_id, resident_name, resident_phone, consent_at, created_at)
                values (?, ?, ?, ?, ?, ?)""", s -> {
            s.setObject(1, booking.id());
            s.setString(2, clerk.accountId());
            s.setString(3, cipher.encrypt(name, "assisted_booking.resident_name"));
            s.setString(4, cipher.encrypt(phone, "assisted_booking.resident_phone"));
            s.setTimestamp(5, Timestamp.from(now));
            s.setTimestamp(6, Timestamp.from(now));
            return s.executeUpdate();
        });
        audit.record(new AuditEntry(clerk.accountId(), "CLERK", "appointments.assisted-booking.create", "booking",
                booking.id().toString(), AuditEntry.Outcome.SUCCESS, "resident consent recorded"));
        return booking;
    }

    /** The clerk's own assisted bookings, newest first. */
    @Transactional(readOnly = true)
    public List<AssistedView> mine(Caller clerk) {
        List<UUID> ids = jdbc.prepareStatement("""
                select booking_id from appointments.assisted_booking where clerk_account_id = ?
                order by created_at desc limit ?""", s -> {
            s.setString(1, clerk.accountId());
            s.setInt(2, LIST_LIMIT);
            List<UUID> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getObject(1, UUID.class));
                }
            }
            return found;
        });
        // The query already holds only this clerk's bookings, so no access check per row.
        return ids.stream().map(id -> view(bookings.find(id))).toList();
    }

    /** The assisted view of a booking the caller may read (the clerk who booked, its lawyer, an administrator). */
    @Transactional(readOnly = true)
    public AssistedView one(Caller caller, UUID bookingId) {
        Booking booking = bookings.readable(caller, bookingId);
        if (!booking.citizenAccountId().startsWith(Bookings.COUNTER_RESIDENT_PREFIX)) {
            throw ProblemException.notFound("该预约不是服务点代为预约的。");
        }
        return view(booking);
    }

    private AssistedView view(Booking booking) {
        var b = bookings.view(booking);
        return jdbc.prepareStatement("""
                select clerk_account_id, resident_name, resident_phone from appointments.assisted_booking where booking_id = ?""", s -> {
            s.setObject(1, booking.id());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("该预约不是服务点代为预约的。");
                }
                return new AssistedView(booking.id(),
                        Masking.name(cipher.decrypt(rs.getString("resident_name"), "assisted_booking.resident_name")),
                        Masking.phone(cipher.decrypt(rs.getString("resident_phone"), "assisted_booking.resident_phone")),
                        rs.getString("clerk_account_id"), b.providerName(), b.startsAt(), b.endsAt(), b.status(), b.statusLabel(),
                        b.topic(), b.place() == null ? null : b.place().name());
            }
        });
    }
}
