package cn.nanning.civic.appointments.psychology;

import cn.nanning.civic.appointments.booking.Booking;
import cn.nanning.civic.appointments.booking.BookingView;
import cn.nanning.civic.appointments.booking.Bookings;
import cn.nanning.civic.appointments.booking.Directory;
import cn.nanning.civic.appointments.booking.Mode;
import cn.nanning.civic.appointments.booking.Provider;
import cn.nanning.civic.appointments.booking.Service;
import cn.nanning.civic.appointments.calendar.AppointmentClock;
import cn.nanning.civic.appointments.idcard.IdNumbers;
import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.pii.FieldCipher;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.kernel.audit.AuditEntry;
import cn.nanning.civic.kernel.audit.AuditLog;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Psychology appointments on the shared booking engine: intake with optional screening, guardian consent for minors,
 * and counselling notes that only the booking's counsellor (and supervisors they share with) can read — every read audited.
 */
@Singleton
class Psychology {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final int ADULT_AGE = 18;

    private final Bookings bookings;
    private final Directory directory;
    private final JdbcOperations jdbc;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final AppointmentClock clock;
    private final JsonMapper json;

    Psychology(Bookings bookings, Directory directory, JdbcOperations jdbc, FieldCipher cipher, AuditLog audit,
               AppointmentClock clock, JsonMapper json) {
        this.bookings = bookings;
        this.directory = directory;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
    }

    @Serdeable
    record Guardian(@Nullable String name, @Nullable String relation, @Nullable String phone, @Nullable Boolean consent) {
    }

    /** {@code idNumber} may be left out by an adult who declares being 18 or older ({@code adult}). */
    record NewBooking(UUID providerId, Instant startsAt, Mode mode, @Nullable String topic, @Nullable String idNumber,
                      @Nullable Boolean adult, @Nullable Screening.Answers screening, @Nullable Guardian guardian, @Nullable String clientName,
                      @Nullable String clientPhone) {
    }

    /**
     * Who the client is and how to reach them, for their counsellor: in full, every read audited. An adult who booked
     * without an ID number has neither {@code idNumber} nor {@code age}, and {@code adultDeclared} is true.
     */
    @Serdeable
    record ClientView(UUID bookingId, @Nullable String name, @Nullable String idNumber, @Nullable Integer age, boolean minor,
                      boolean adultDeclared, @Nullable String phone, @Nullable Guardian guardian, boolean urgent) {
    }

    @Serdeable
    record PsychologyBookingView(BookingView booking, boolean urgent, boolean minor, @Nullable Screening.Result screening,
                                 @Nullable Screening.CrisisHotline crisisHotline) {
    }

    @Serdeable
    record NoteView(UUID id, String author, String text, String createdAt) {
    }

    @Transactional
    public PsychologyBookingView book(Caller caller, NewBooking c) {
        boolean withoutId = c.idNumber() == null || c.idNumber().isBlank();
        if (withoutId && !Boolean.TRUE.equals(c.adult())) {
            throw ProblemException.invalidField("idNumber",
                    "请填写身份证号码；年满 18 周岁的也可以不填，勾选“本人已年满 18 周岁”即可。未成年人须填写，并由监护人同意。");
        }
        String idNumber = withoutId ? null : IdNumbers.require("idNumber", c.idNumber(), clock.today()).value();
        boolean minor = idNumber != null && IdNumbers.ageOn(idNumber, clock.today()) < ADULT_AGE;
        String guardian = null;
        if (minor) {
            guardian = guardian(c.guardian());
        }
        String clientPhone = c.clientPhone() == null ? "" : c.clientPhone().strip();
        if (!clientPhone.isEmpty() && !MOBILE.matcher(clientPhone).matches()) {
            throw ProblemException.invalidField("clientPhone", "请填写正确的 11 位手机号码，便于咨询师联系您；也可以不填。");
        }
        String clientName = c.clientName() == null ? "" : c.clientName().strip();
        if (clientName.length() > 50) {
            throw ProblemException.invalidField("clientName", "姓名不能超过 50 个字。");
        }
        Screening.Result result = c.screening() == null ? null : Screening.evaluate(c.screening());
        boolean risk = result != null && result.risk();
        Booking booking = bookings.book(caller, Service.PSYCHOLOGY, new Bookings.NewBooking(c.providerId(), c.startsAt(), c.mode(), c.topic(), risk));
        String storedGuardian = guardian;
        jdbc.prepareStatement("""
                insert into appointments.psychology_intake (booking_id, client_id_number, client_id_index, minor, guardian,
                    guardian_consent_at, screening, risk, client_name, client_phone, adult_declared_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", s -> {
            s.setObject(1, booking.id());
            s.setString(2, idNumber == null ? null : cipher.encrypt(idNumber, "psychology_intake.client_id_number"));
            s.setString(3, idNumber == null ? null : cipher.blindIndex(idNumber, "psychology_intake.client_id_number"));
            s.setBoolean(4, minor);
            s.setString(5, storedGuardian == null ? null : cipher.encrypt(storedGuardian, "psychology_intake.guardian"));
            s.setTimestamp(6, storedGuardian == null ? null : Timestamp.from(clock.now()));
            s.setString(7, result == null ? null : cipher.encrypt(write(result), "psychology_intake.screening"));
            s.setBoolean(8, risk);
            s.setString(9, clientName.isEmpty() ? null : cipher.encrypt(clientName, "psychology_intake.client_name"));
            s.setString(10, clientPhone.isEmpty() ? null : cipher.encrypt(clientPhone, "psychology_intake.client_phone"));
            s.setTimestamp(11, idNumber == null ? Timestamp.from(clock.now()) : null);
            return s.executeUpdate();
        });
        return new PsychologyBookingView(bookings.view(booking), risk, minor, result, risk ? Screening.hotline() : null);
    }

    private String guardian(Guardian g) {
        if (g == null || !Boolean.TRUE.equals(g.consent())) {
            throw ProblemException.invalidField("guardian", "未满 18 周岁的来访者预约心理咨询，须由监护人同意并填写监护人信息。");
        }
        if (g.name() == null || g.name().isBlank() || g.relation() == null || g.relation().isBlank()) {
            throw ProblemException.invalidField("guardian", "请填写监护人姓名及与来访者的关系。");
        }
        String phone = g.phone() == null ? "" : g.phone().strip();
        if (!MOBILE.matcher(phone).matches()) {
            throw ProblemException.invalidField("guardian.phone", "请填写监护人正确的 11 位手机号码。");
        }
        return write(new Guardian(g.name().strip(), g.relation().strip(), phone, true));
    }

    /** The citizen sees their own booking and screening; the counsellor also sees it (audited); an administrator sees the booking only. */
    @Transactional
    public PsychologyBookingView read(Caller caller, UUID id) {
        Booking booking = bookings.readable(caller, id);
        if (booking.service() != Service.PSYCHOLOGY) {
            throw ProblemException.notFound("预约不存在。");
        }
        Provider provider = directory.provider(booking.providerId());
        boolean owner = caller.accountId().equals(booking.citizenAccountId());
        boolean counsellor = bookings.isProvider(caller, provider);
        Screening.Result result = null;
        boolean minor = false;
        List<Object[]> intake = jdbc.prepareStatement("select minor, screening from appointments.psychology_intake where booking_id = ?", s -> {
            s.setObject(1, id);
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[]{rs.getBoolean(1), rs.getString(2)});
                }
            }
            return rows;
        });
        if (!intake.isEmpty()) {
            minor = (Boolean) intake.get(0)[0];
            String stored = (String) intake.get(0)[1];
            if (stored != null && (owner || counsellor)) {
                result = read(cipher.decrypt(stored, "psychology_intake.screening"));
                if (counsellor) {
                    audit.record(new AuditEntry(caller.accountId(), roles(caller), "psychology.screening.read", "booking", id.toString(),
                            AuditEntry.Outcome.SUCCESS, null));
                }
            }
        }
        return new PsychologyBookingView(bookings.view(booking), booking.urgent(), minor, result,
                booking.urgent() && owner ? Screening.hotline() : null);
    }

    /**
     * The client's identity and contact for the booking's counsellor only (an urgent screening asks for a call; a
     * session needs the client identified); every read audited, a refused one too.
     */
    @Transactional(noRollbackFor = ProblemException.class)
    public ClientView client(Caller caller, UUID id) {
        Booking booking = psychologyBooking(id);
        boolean counsellor = bookings.isProvider(caller, directory.provider(booking.providerId()));
        audit.record(new AuditEntry(caller.accountId(), roles(caller), "psychology.client.read", "booking", id.toString(),
                counsellor ? AuditEntry.Outcome.SUCCESS : AuditEntry.Outcome.DENIED, booking.urgent() ? "urgent" : null));
        if (!counsellor) {
            // The same answer as for a booking that does not exist.
            throw Bookings.hidden(caller);
        }
        return jdbc.prepareStatement("""
                select client_id_number, minor, guardian, client_name, client_phone, adult_declared_at from appointments.psychology_intake
                where booking_id = ?""", s -> {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("该预约没有来访者登记信息。");
                }
                String storedId = rs.getString("client_id_number");
                String idNumber = storedId == null ? null : cipher.decrypt(storedId, "psychology_intake.client_id_number");
                String guardian = rs.getString("guardian");
                String name = rs.getString("client_name");
                String phone = rs.getString("client_phone");
                return new ClientView(id, name == null ? null : cipher.decrypt(name, "psychology_intake.client_name"), idNumber,
                        idNumber == null || idNumber.isEmpty() ? null : IdNumbers.ageOn(idNumber, clock.today()), rs.getBoolean("minor"),
                        rs.getTimestamp("adult_declared_at") != null,
                        phone == null ? null : cipher.decrypt(phone, "psychology_intake.client_phone"),
                        guardian == null ? null : readGuardian(cipher.decrypt(guardian, "psychology_intake.guardian")), booking.urgent());
            }
        });
    }

    private Guardian readGuardian(String stored) {
        try {
            return json.readValue(stored, Guardian.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable guardian record", e);
        }
    }

    // ---- counselling notes

    @Transactional
    public NoteView writeNote(Caller caller, UUID bookingId, String text) {
        Booking booking = psychologyBooking(bookingId);
        if (!bookings.isProvider(caller, directory.provider(booking.providerId()))) {
            throw ProblemException.forbidden("只有该预约的咨询师可以书写咨询记录。");
        }
        if (text == null || text.isBlank()) {
            throw ProblemException.invalidField("text", "请填写咨询记录内容。");
        }
        if (text.length() > 20000) {
            throw ProblemException.invalidField("text", "咨询记录请控制在 20000 字以内。");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.now();
        jdbc.prepareStatement("insert into appointments.counselling_note (id, booking_id, author, body, created_at) values (?, ?, ?, ?, ?)", s -> {
            s.setObject(1, id);
            s.setObject(2, bookingId);
            s.setString(3, caller.accountId());
            s.setString(4, cipher.encrypt(text.strip(), "counselling_note.body"));
            s.setTimestamp(5, Timestamp.from(now));
            return s.executeUpdate();
        });
        audit.record(new AuditEntry(caller.accountId(), roles(caller), "psychology.note.write", "booking", bookingId.toString(),
                AuditEntry.Outcome.SUCCESS, null));
        return new NoteView(id, caller.accountId(), text.strip(), cn.nanning.civic.appointments.booking.Times.format(now));
    }

    /** Notes of a booking: its counsellor and the supervisors they shared with. Every attempt is audited, refusals included. */
    @Transactional(noRollbackFor = ProblemException.class)
    public List<NoteView> readNotes(Caller caller, UUID bookingId) {
        Booking booking = psychologyBooking(bookingId);
        boolean counsellor = bookings.isProvider(caller, directory.provider(booking.providerId()));
        boolean allowed = counsellor || (caller.isStaff() && isSharedWith(bookingId, caller.accountId()));
        audit.record(new AuditEntry(caller.accountId(), roles(caller), "psychology.note.read", "booking", bookingId.toString(),
                allowed ? AuditEntry.Outcome.SUCCESS : AuditEntry.Outcome.DENIED, counsellor ? "counsellor" : allowed ? "supervisor" : null));
        if (!allowed) {
            throw ProblemException.forbidden("咨询记录仅对该预约的咨询师及其共享的督导开放。");
        }
        return jdbc.prepareStatement("select id, author, body, created_at from appointments.counselling_note where booking_id = ? order by created_at, id", s -> {
            s.setObject(1, bookingId);
            List<NoteView> notes = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    notes.add(new NoteView(rs.getObject(1, UUID.class), rs.getString(2), cipher.decrypt(rs.getString(3), "counselling_note.body"),
                            cn.nanning.civic.appointments.booking.Times.format(rs.getTimestamp(4).toInstant())));
                }
            }
            return notes;
        });
    }

    @Transactional
    public void share(Caller caller, UUID bookingId, String supervisor) {
        Booking booking = psychologyBooking(bookingId);
        if (!bookings.isProvider(caller, directory.provider(booking.providerId()))) {
            throw ProblemException.forbidden("只有该预约的咨询师可以共享咨询记录。");
        }
        if (supervisor == null || supervisor.isBlank() || supervisor.strip().equals(caller.accountId())) {
            throw ProblemException.invalidField("supervisorAccountId", "请填写督导的工作人员账号。");
        }
        Provider target = directory.providerOfAccount(supervisor.strip());
        if (target == null || target.kind() != cn.nanning.civic.appointments.booking.ProviderKind.COUNSELLOR) {
            throw ProblemException.invalidField("supervisorAccountId", "督导须为在册的心理咨询师。");
        }
        jdbc.prepareStatement("""
                insert into appointments.counselling_note_share (booking_id, supervisor, shared_by, shared_at) values (?, ?, ?, ?)
                on conflict do nothing""", s -> {
            s.setObject(1, bookingId);
            s.setString(2, supervisor.strip());
            s.setString(3, caller.accountId());
            s.setTimestamp(4, Timestamp.from(clock.now()));
            return s.executeUpdate();
        });
        audit.record(new AuditEntry(caller.accountId(), roles(caller), "psychology.note.share", "booking", bookingId.toString(),
                AuditEntry.Outcome.SUCCESS, "shared with " + supervisor.strip()));
    }

    private boolean isSharedWith(UUID bookingId, String account) {
        return jdbc.prepareStatement("select 1 from appointments.counselling_note_share where booking_id = ? and supervisor = ?", s -> {
            s.setObject(1, bookingId);
            s.setString(2, account);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        });
    }

    private Booking psychologyBooking(UUID id) {
        Booking booking = bookings.find(id);
        if (booking.service() != Service.PSYCHOLOGY) {
            throw ProblemException.notFound("预约不存在。");
        }
        return booking;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Screening.Result read(String value) {
        try {
            return json.readValue(value, Screening.Result.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String roles(Caller caller) {
        return caller.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }
}
