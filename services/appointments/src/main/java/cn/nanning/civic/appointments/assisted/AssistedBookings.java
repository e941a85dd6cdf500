package cn.nanning.civic.appointments.assisted;

import cn.nanning.civic.appointments.booking.Booking;
import cn.nanning.civic.appointments.booking.Bookings;
import cn.nanning.civic.appointments.booking.Directory;
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
    private final Directory directory;

    AssistedBookings(Bookings bookings, JdbcOperations jdbc, FieldCipher cipher, AuditLog audit, AppointmentClock clock,
                     Directory directory) {
        this.directory = directory;
        this.bookings = bookings;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewAssistedBooking(UUID providerId, Instant startsAt, Mode mode, @Nullable String topic,
                                     @Nullable String residentName, @Nullable String residentPhone, boolean consent,
                                     @Nullable String contactKind, @Nullable String contactRelation) {
    }

    /**
     * What the clerk and the lawyer see of the resident in lists: masked name and phone ("138****1234（女儿）" for a
     * relative's number, "无手机" for none), and who booked.
     */
    @Serdeable
    public record AssistedView(UUID bookingId, String residentName, String residentPhone, String contactKind,
                               @Nullable String contactRelation, String clerkAccountId, String providerName, String startsAt,
                               String endsAt, String status, String statusLabel, @Nullable String topic, @Nullable String placeName) {
    }

    /** The resident's name and number in full, for the lawyer who is to call them (consent recorded at booking). */
    @Serdeable
    public record ResidentContact(UUID bookingId, String residentName, @Nullable String phone, String contactKind,
                                  @Nullable String contactRelation, String consentAt) {
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
        String kind = command.contactKind() == null || command.contactKind().isBlank() ? "SELF" : command.contactKind().strip();
        String phone = command.residentPhone() == null ? "" : command.residentPhone().strip();
        String relation = command.contactRelation() == null ? null : command.contactRelation().strip();
        switch (kind) {
            case "SELF" -> {
                if (!phone.matches("1[3-9]\\d{9}")) {
                    throw ProblemException.invalidField("residentPhone",
                            "请填写居民本人正确的 11 位手机号码，便于律师联系；居民没有手机的，请选择“亲属电话”或“无手机”。");
                }
            }
            case "RELATIVE" -> {
                if (!phone.matches("1[3-9]\\d{9}")) {
                    throw ProblemException.invalidField("residentPhone", "请填写亲属正确的 11 位手机号码，便于律师联系。");
                }
                if (relation == null || relation.isEmpty() || relation.length() > 20) {
                    throw ProblemException.invalidField("contactRelation", "请填写亲属与居民的关系（不超过 20 字），如“儿子”。");
                }
            }
            case "NONE" -> phone = "";
            default -> throw ProblemException.invalidField("contactKind", "联系方式只能是本人手机、亲属电话或无手机。");
        }
        if (!command.consent()) {
            throw ProblemException.invalidField("consent", "请先向居民说明并取得其同意，由服务点代为预约并提供姓名和联系电话。");
        }
        // The resident's key for weekly limits: their own number; a relative's number with their name (a relative may
        // book for two people); or, without any number, their name at this clerk's counter.
        String keySource = switch (kind) {
            case "SELF" -> phone;
            case "RELATIVE" -> phone + "|" + name;
            default -> "none|" + name + "|" + clerk.accountId();
        };
        String resident = Bookings.COUNTER_RESIDENT_PREFIX + cipher.blindIndex(keySource, "assisted_booking.resident_phone");
        String storedPhone = phone;
        String storedKind = kind;
        String storedRelation = "RELATIVE".equals(kind) ? relation : null;
        Booking booking = bookings.bookFor(resident, Service.LEGAL_CONSULTATION,
                new Bookings.NewBooking(command.providerId(), command.startsAt(), command.mode(), command.topic(), false));
        Instant now = clock.now();
        jdbc.prepareStatement("""
                insert into appointments.assisted_booking (booking_id, clerk_account_id, resident_name, resident_phone, consent_at,
                    created_at, contact_kind, contact_relation)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", s -> {
            s.setObject(1, booking.id());
            s.setString(2, clerk.accountId());
            s.setString(3, cipher.encrypt(name, "assisted_booking.resident_name"));
            s.setString(4, storedPhone.isEmpty() ? null : cipher.encrypt(storedPhone, "assisted_booking.resident_phone"));
            s.setTimestamp(5, Timestamp.from(now));
            s.setTimestamp(6, Timestamp.from(now));
            s.setString(7, storedKind);
            s.setString(8, storedRelation);
            return s.executeUpdate();
        });
        audit.record(new AuditEntry(clerk.accountId(), "CLERK", "appointments.assisted-booking.create", "booking",
                booking.id().toString(), AuditEntry.Outcome.SUCCESS, "resident consent recorded " + storedKind));
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

    /**
     * The resident's name and number in full for the booking's lawyer (who is to call them) or the clerk who booked;
     * every read is audited, a refused one too.
     */
    @Transactional(noRollbackFor = ProblemException.class)
    public ResidentContact contact(Caller caller, UUID bookingId) {
        String roles = String.join(",", caller.roles().stream().map(Enum::name).sorted().toList());
        // Decided here rather than by a refusing call: a refusal inside this transaction would roll its audit row back.
        Booking booking = bookings.lookUp(bookingId).orElseThrow(() -> Bookings.hidden(caller));
        if (!bookings.mayRead(caller, booking)) {
            audit.record(new AuditEntry(caller.accountId(), roles, "appointments.assisted-booking.contact-read", "booking",
                    bookingId.toString(), AuditEntry.Outcome.DENIED, null));
            throw Bookings.hidden(caller);
        }
        Stored stored = stored(bookingId);
        boolean provider = bookings.isProvider(caller, directory.provider(booking.providerId()));
        boolean bookedIt = caller.accountId().equals(stored.clerkAccountId());
        audit.record(new AuditEntry(caller.accountId(), roles, "appointments.assisted-booking.contact-read",
                "booking", bookingId.toString(), provider || bookedIt ? AuditEntry.Outcome.SUCCESS : AuditEntry.Outcome.DENIED, null));
        if (!provider && !bookedIt) {
            // The same answer as for a booking that does not exist.
            throw Bookings.hidden(caller);
        }
        return new ResidentContact(bookingId, stored.name(), stored.phone(), stored.kind(), stored.relation(), stored.consentAt().toString());
    }

    private record Stored(String clerkAccountId, String name, @Nullable String phone, String kind, @Nullable String relation,
                          Instant consentAt) {
    }

    private Stored stored(UUID bookingId) {
        return jdbc.prepareStatement("""
                select clerk_account_id, resident_name, resident_phone, contact_kind, contact_relation, consent_at
                from appointments.assisted_booking where booking_id = ?""", s -> {
            s.setObject(1, bookingId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("该预约不是服务点代为预约的。");
                }
                String phone = rs.getString("resident_phone");
                return new Stored(rs.getString("clerk_account_id"),
                        cipher.decrypt(rs.getString("resident_name"), "assisted_booking.resident_name"),
                        phone == null ? null : cipher.decrypt(phone, "assisted_booking.resident_phone"),
                        rs.getString("contact_kind"), rs.getString("contact_relation"), rs.getTimestamp("consent_at").toInstant());
            }
        });
    }

    private AssistedView view(Booking booking) {
        var b = bookings.view(booking);
        Stored stored = stored(booking.id());
        String shown = switch (stored.kind()) {
            case "NONE" -> "无手机";
            case "RELATIVE" -> Masking.phone(stored.phone()) + "（" + stored.relation() + "）";
            default -> Masking.phone(stored.phone());
        };
        return new AssistedView(booking.id(), Masking.name(stored.name()), shown, stored.kind(), stored.relation(),
                stored.clerkAccountId(), b.providerName(), b.startsAt(), b.endsAt(), b.status(), b.statusLabel(),
                b.topic(), b.place() == null ? null : b.place().name());
    }
}
