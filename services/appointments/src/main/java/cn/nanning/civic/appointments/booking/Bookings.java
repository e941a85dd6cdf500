package cn.nanning.civic.appointments.booking;

import cn.nanning.civic.appointments.calendar.AppointmentClock;
import cn.nanning.civic.appointments.calendar.Calendar;
import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.paging.PageOf;
import cn.nanning.civic.common.paging.Paging;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.kernel.outbox.Outbox;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The booking engine shared by legal consultations and psychology appointments: slots from plans, booking,
 * cancellation, rescheduling, attendance and no-shows. The database has the last word on double booking
 * (exclusion constraint {@code booking_no_double_booking}); every state change leaves an outbox event.
 */
@Singleton
public class Bookings {

    public static final String TOPIC = "appointments.booking.v1";
    private static final Duration LATE_CANCELLATION = Duration.ofHours(2);
    private static final int MAX_RANGE_DAYS = 31;
    private static final int LIST_LIMIT = 200;
    /** A citizen pages through their own bookings at most this many at a time. */
    static final int MINE_MAX_PAGE_SIZE = 50;
    private static final String EXCLUSION_VIOLATION = "23P01";

    private final JdbcOperations jdbc;
    private final Directory directory;
    private final Calendar calendar;
    private final AppointmentClock clock;
    private final Outbox outbox;
    private final Waitlist waitlist;
    private final BookingNotices notices;
    private final int weeklyLimit;

    Bookings(JdbcOperations jdbc, Directory directory, Calendar calendar, AppointmentClock clock, Outbox outbox, Waitlist waitlist,
             BookingNotices notices, @Value("${civic.appointments.max-open-bookings-per-week:3}") int weeklyLimit) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.calendar = calendar;
        this.clock = clock;
        this.outbox = outbox;
        this.waitlist = waitlist;
        this.notices = notices;
        this.weeklyLimit = weeklyLimit;
    }

    /** What a citizen asks for; {@code urgent} is set by the service on top (e.g. a risky screening). */
    public record NewBooking(UUID providerId, Instant startsAt, Mode mode, @Nullable String topic, boolean urgent) {
    }

    // ---- slots

    @Transactional(readOnly = true)
    public List<Views.SlotView> availableSlots(UUID providerId, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.invalidField("to", "结束日期不能早于开始日期。");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
            throw ProblemException.invalidField("to", "一次最多查询 " + MAX_RANGE_DAYS + " 天的可预约时段。");
        }
        Provider provider = directory.provider(providerId);
        if (!provider.active()) {
            return List.of();
        }
        Instant rangeStart = from.atStartOfDay(AppointmentClock.NANNING).toInstant();
        Instant rangeEnd = to.plusDays(1).atStartOfDay(AppointmentClock.NANNING).toInstant();
        return SlotPlanner.slots(provider, directory.plan(providerId), directory.absences(providerId, rangeStart, rangeEnd),
                        directory.busy(providerId, rangeStart, rangeEnd), calendar.snapshot(), clock.now(), from, to)
                .stream().map(s -> new Views.SlotView(Times.format(s.startsAt()), Times.format(s.endsAt()))).toList();
    }

    /** The slot that starts at {@code startsAt} under the provider's rules, ignoring other bookings (the database decides those). */
    private SlotPlanner.Slot validSlot(Provider provider, Instant startsAt) {
        LocalDate day = LocalDate.ofInstant(startsAt, AppointmentClock.NANNING);
        Instant dayStart = day.atStartOfDay(AppointmentClock.NANNING).toInstant();
        Instant dayEnd = day.plusDays(1).atStartOfDay(AppointmentClock.NANNING).toInstant();
        Instant now = clock.now();
        if (startsAt.isBefore(now.plus(Duration.ofMinutes(provider.minNoticeMinutes())))) {
            throw ProblemException.badRequest("too-late-to-book", "请至少提前 " + minutesText(provider.minNoticeMinutes()) + "预约。");
        }
        if (day.isAfter(LocalDate.ofInstant(now, AppointmentClock.NANNING).plusDays(provider.horizonDays()))) {
            throw ProblemException.badRequest("beyond-horizon", "只能预约 " + provider.horizonDays() + " 天内的时段。");
        }
        return SlotPlanner.slots(provider, directory.plan(provider.id()), directory.absences(provider.id(), dayStart, dayEnd),
                        List.of(), calendar.snapshot(), now, day, day).stream()
                .filter(s -> s.startsAt().equals(startsAt))
                .findFirst()
                .orElseThrow(() -> ProblemException.badRequest("not-a-slot", "所选时间不是该服务人员的可预约时段，请重新选择。"));
    }

    // ---- booking

    @Transactional
    public Booking book(Caller caller, Service service, NewBooking command) {
        if (caller.isStaff()) {
            throw ProblemException.forbidden("预约请由市民本人在小程序中提交。");
        }
        return bookFor(caller.accountId(), service, command);
    }

    /** The citizen key of a resident a service-point clerk booked for at the counter, before the phone's blind index. */
    public static final String COUNTER_RESIDENT_PREFIX = "resident:";

    /**
     * Books for a citizen key: the signed-in citizen's account, or a resident a service-point clerk books for at the
     * counter ({@link #COUNTER_RESIDENT_PREFIX}, see the assisted package). Limits and locks apply per key.
     */
    @Transactional
    public Booking bookFor(String citizen, Service service, NewBooking command) {
        Provider provider = directory.provider(command.providerId());
        if (!provider.active() || provider.kind().service() != service) {
            throw ProblemException.invalidField("providerId", "该服务人员不提供" + service.label() + "预约。");
        }
        Mode mode = command.mode() == null ? Mode.IN_PERSON : command.mode();
        SlotPlanner.Slot slot = validSlot(provider, command.startsAt());
        lockCitizen(citizen);
        requireWithinWeeklyLimit(citizen, slot.startsAt(), null);
        Instant now = clock.now();
        Booking booking = new Booking(UUID.randomUUID(), provider.id(), citizen, service, mode, slot.startsAt(),
                slot.endsAt(), BookingStatus.CONFIRMED, blankToNull(command.topic()), command.urgent(), null, now, null);
        Instant blockedUntil = slot.endsAt().plus(Duration.ofMinutes(provider.bufferMinutes()));
        // ON CONFLICT DO NOTHING also arbitrates exclusion constraints: a concurrent winner makes this insert a no-op.
        int inserted = jdbc.prepareStatement("""
                insert into appointments.booking (id, provider_id, citizen_account_id, service, mode, starts_at, ends_at, blocked,
                    status, topic, urgent, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, tstzrange(?, ?, '[)'), 'CONFIRMED', ?, ?, ?, ?) on conflict do nothing""", s -> {
            s.setObject(1, booking.id());
            s.setObject(2, provider.id());
            s.setString(3, citizen);
            s.setString(4, service.name());
            s.setString(5, mode.name());
            s.setTimestamp(6, Timestamp.from(slot.startsAt()));
            s.setTimestamp(7, Timestamp.from(slot.endsAt()));
            s.setTimestamp(8, Timestamp.from(slot.startsAt()));
            s.setTimestamp(9, Timestamp.from(blockedUntil));
            s.setString(10, booking.topic());
            s.setBoolean(11, booking.urgent());
            s.setTimestamp(12, Timestamp.from(now));
            s.setTimestamp(13, Timestamp.from(now));
            return s.executeUpdate();
        });
        if (inserted == 0) {
            throw slotTaken();
        }
        event(booking, "BookingConfirmed", Map.of());
        return booking;
    }

    @Transactional
    public Booking cancel(Caller caller, UUID id, @Nullable String reason) {
        Booking booking = find(id);
        Provider provider = directory.provider(booking.providerId());
        boolean owner = caller.accountId().equals(booking.citizenAccountId()) || assists(caller, booking);
        if (!owner && !isProvider(caller, provider) && !Access.adminOver(caller, directory.place(provider.placeId()).regionCode())) {
            throw hidden(caller);
        }
        requireConfirmed(booking);
        Instant now = clock.now();
        if (!booking.startsAt().isAfter(now)) {
            throw ProblemException.conflict("already-started", "预约时间已到，不能再取消；如未到场将记为爽约。");
        }
        if (Duration.between(now, booking.startsAt()).compareTo(LATE_CANCELLATION) < 0 && blankToNull(reason) == null) {
            throw ProblemException.invalidField("reason", "距预约开始已不足 2 小时，取消须说明原因。");
        }
        jdbc.prepareStatement("""
                update appointments.booking set status = 'CANCELLED', cancel_reason = ?, cancelled_by = ?, cancelled_at = ?, updated_at = ?
                where id = ?""", s -> {
            s.setString(1, blankToNull(reason));
            s.setString(2, caller.accountId());
            s.setTimestamp(3, Timestamp.from(now));
            s.setTimestamp(4, Timestamp.from(now));
            s.setObject(5, id);
            return s.executeUpdate();
        });
        Booking cancelled = find(id);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("cancelledBy", owner ? "CITIZEN" : "STAFF");
        extra.put("reason", cancelled.cancelReason());
        event(cancelled, "BookingCancelled", extra);
        if (!owner) {
            notices.cancelledByStaff(cancelled, provider, cancelled.cancelReason());
        }
        waitlist.offer(cancelled);
        return cancelled;
    }

    @Transactional
    public Booking reschedule(Caller caller, UUID id, Instant newStart, @Nullable String reason) {
        Booking booking = find(id);
        if (!caller.accountId().equals(booking.citizenAccountId())) {
            throw hidden(caller);
        }
        requireConfirmed(booking);
        Instant now = clock.now();
        if (!booking.startsAt().isAfter(now)) {
            throw ProblemException.conflict("already-started", "预约时间已到，不能再改期。");
        }
        if (Duration.between(now, booking.startsAt()).compareTo(LATE_CANCELLATION) < 0 && blankToNull(reason) == null) {
            throw ProblemException.invalidField("reason", "距预约开始已不足 2 小时，改期须说明原因。");
        }
        if (newStart.equals(booking.startsAt())) {
            throw ProblemException.invalidField("startsAt", "新时段与原时段相同。");
        }
        Provider provider = directory.provider(booking.providerId());
        SlotPlanner.Slot slot = validSlot(provider, newStart);
        lockCitizen(caller.accountId());
        requireWithinWeeklyLimit(caller.accountId(), slot.startsAt(), id);
        Instant blockedUntil = slot.endsAt().plus(Duration.ofMinutes(provider.bufferMinutes()));
        try {
            jdbc.prepareStatement("""
                    update appointments.booking set starts_at = ?, ends_at = ?, blocked = tstzrange(?, ?, '[)'), updated_at = ? where id = ?""", s -> {
                s.setTimestamp(1, Timestamp.from(slot.startsAt()));
                s.setTimestamp(2, Timestamp.from(slot.endsAt()));
                s.setTimestamp(3, Timestamp.from(slot.startsAt()));
                s.setTimestamp(4, Timestamp.from(blockedUntil));
                s.setTimestamp(5, Timestamp.from(now));
                s.setObject(6, id);
                return s.executeUpdate();
            });
        } catch (RuntimeException e) {
            if (isExclusionViolation(e)) {
                throw slotTaken();
            }
            throw e;
        }
        Booking moved = find(id);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("previousStartsAt", booking.startsAt().toString());
        extra.put("previousEndsAt", booking.endsAt().toString());
        extra.put("reason", blankToNull(reason));
        event(moved, "BookingRescheduled", extra);
        return moved;
    }

    /** The provider (or an administrator over the place) records that the citizen did not come. */
    @Transactional
    public Booking recordNoShow(Caller caller, UUID id) {
        return attendance(caller, id, BookingStatus.NO_SHOW, "NoShowRecorded");
    }

    @Transactional
    public Booking recordAttended(Caller caller, UUID id) {
        return attendance(caller, id, BookingStatus.ATTENDED, "BookingAttended");
    }

    private Booking attendance(Caller caller, UUID id, BookingStatus status, String eventType) {
        Booking booking = find(id);
        Provider provider = directory.provider(booking.providerId());
        if (!isProvider(caller, provider) && !Access.adminOver(caller, directory.place(provider.placeId()).regionCode())) {
            throw hidden(caller);
        }
        requireConfirmed(booking);
        Instant now = clock.now();
        if (now.isBefore(booking.startsAt())) {
            throw ProblemException.conflict("not-started", "预约时间尚未开始，不能登记到场情况。");
        }
        jdbc.prepareStatement("update appointments.booking set status = ?, updated_at = ? where id = ?", s -> {
            s.setString(1, status.name());
            s.setTimestamp(2, Timestamp.from(now));
            s.setObject(3, id);
            return s.executeUpdate();
        });
        Booking marked = find(id);
        event(marked, eventType, Map.of("recordedBy", caller.accountId()));
        if (status == BookingStatus.NO_SHOW) {
            notices.notAttended(marked, provider);
        }
        return marked;
    }

    // ---- reading

    /** A booking the caller may see: the citizen who booked, the provider, or an administrator over the place. */
    @Transactional(readOnly = true)
    public Booking readable(Caller caller, UUID id) {
        Booking booking = findOrNull(id);
        if (booking == null) {
            throw notFound();
        }
        if (mayRead(caller, booking)) {
            return booking;
        }
        throw hidden(caller);
    }

    /** The booking, if there is one; whoever asks. For callers that decide (and audit) access themselves. */
    @Transactional(readOnly = true)
    public java.util.Optional<Booking> lookUp(UUID id) {
        return java.util.Optional.ofNullable(findOrNull(id));
    }

    /** Whether the caller may see the booking: see {@link #readable}; refuses nothing itself. */
    public boolean mayRead(Caller caller, Booking booking) {
        if (caller.accountId().equals(booking.citizenAccountId()) || assists(caller, booking)) {
            return true;
        }
        Provider provider = directory.provider(booking.providerId());
        return isProvider(caller, provider) || Access.adminOver(caller, directory.place(provider.placeId()).regionCode());
    }

    /** Whether the caller is the service-point clerk who booked this for a resident at the counter. */
    private boolean assists(Caller caller, Booking booking) {
        return caller.isStaff() && jdbc.prepareStatement(
                "select 1 from appointments.assisted_booking where booking_id = ? and clerk_account_id = ?", s -> {
                    s.setObject(1, booking.id());
                    s.setString(2, caller.accountId());
                    try (ResultSet rs = s.executeQuery()) {
                        return rs.next();
                    }
                });
    }

    /** A citizen's own bookings of both kinds, the latest appointment first, page by page. */
    @Transactional(readOnly = true)
    public PageOf<BookingView> ofCitizen(String accountId, int page, int size) {
        int offset = Paging.offset(page, size, MINE_MAX_PAGE_SIZE);
        long total = jdbc.prepareStatement("select count(*) from appointments.booking where citizen_account_id = ?", s -> {
            s.setString(1, accountId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        List<Booking> rows = query("select * from appointments.booking where citizen_account_id = ? order by starts_at desc, id limit ? offset ?",
                s -> {
                    s.setString(1, accountId);
                    s.setInt(2, size);
                    s.setInt(3, offset);
                });
        return PageOf.of(rows.stream().map(this::view).toList(), page, size, total);
    }

    /** A provider's day or week, urgent bookings first within each day. */
    @Transactional(readOnly = true)
    public List<Booking> agenda(Caller caller, LocalDate from, LocalDate to) {
        Provider provider = directory.providerOfAccount(caller.accountId());
        if (provider == null) {
            throw ProblemException.forbidden("您不是登记在册的服务人员。");
        }
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
            throw ProblemException.invalidField("to", "日期范围应在 " + MAX_RANGE_DAYS + " 天以内。");
        }
        Instant start = from.atStartOfDay(AppointmentClock.NANNING).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(AppointmentClock.NANNING).toInstant();
        return query("""
                select * from appointments.booking where provider_id = ? and starts_at >= ? and starts_at < ?
                order by (starts_at at time zone 'Asia/Shanghai')::date, urgent desc, starts_at""" + " limit " + LIST_LIMIT, s -> {
            s.setObject(1, provider.id());
            s.setTimestamp(2, Timestamp.from(start));
            s.setTimestamp(3, Timestamp.from(end));
        });
    }

    public BookingView view(Booking b) {
        Provider provider = directory.provider(b.providerId());
        Views.PlaceView place = b.mode() == Mode.IN_PERSON ? directory.view(directory.place(provider.placeId())) : null;
        return new BookingView(b.id(), provider.id(), provider.displayName(), provider.kind().name(), provider.kind().label(),
                b.service().name(), b.service().label(), b.mode().name(), b.mode().label(), Times.format(b.startsAt()),
                Times.format(b.endsAt()), b.status().name(), b.status().label(), b.topic(), b.urgent(), place,
                b.cancelReason(), b.citizenAccountId(), Times.format(b.createdAt()), b.legalAidApplicationId());
    }

    /**
     * The citizen's own legal consultation an application names as where it came from; a 400 naming {@code field}
     * for anyone else's booking or a psychology one (the same answer, so no booking is confirmed to exist).
     */
    @Transactional(readOnly = true)
    public Booking ownConsultation(Caller caller, UUID id, String field) {
        Booking booking = findOrNull(id);
        if (booking == null || booking.service() != Service.LEGAL_CONSULTATION || !caller.accountId().equals(booking.citizenAccountId())) {
            throw ProblemException.invalidField(field, "请选择您本人的法律咨询预约。");
        }
        return booking;
    }

    /** Points a consultation at the application that came from it (the latest one when there are several). */
    @Transactional
    public void linkApplication(UUID bookingId, UUID applicationId) {
        jdbc.prepareStatement("update appointments.booking set legal_aid_application_id = ? where id = ?", s -> {
            s.setObject(1, applicationId);
            s.setObject(2, bookingId);
            return s.executeUpdate();
        });
    }

    public boolean isProvider(Caller caller, Provider provider) {
        return caller.isStaff() && caller.accountId().equals(provider.accountId());
    }

    /** Someone else's booking gets the same answer as a missing one, for citizens and staff alike. */
    public static ProblemException hidden(Caller caller) {
        return notFound();
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("预约不存在。");
    }

    @Transactional(readOnly = true)
    public Booking find(UUID id) {
        Booking booking = findOrNull(id);
        if (booking == null) {
            throw notFound();
        }
        return booking;
    }

    private Booking findOrNull(UUID id) {
        List<Booking> found = query("select * from appointments.booking where id = ?", s -> s.setObject(1, id));
        return found.isEmpty() ? null : found.get(0);
    }

    // ---- rules

    private void requireConfirmed(Booking booking) {
        if (booking.status() != BookingStatus.CONFIRMED) {
            throw ProblemException.conflict("booking-not-open", "该预约当前状态为“" + booking.status().label() + "”，不能再办理此操作。");
        }
    }

    /** Serialises one citizen's concurrent bookings so the weekly limit cannot be raced. */
    private void lockCitizen(String accountId) {
        jdbc.prepareStatement("select pg_advisory_xact_lock(hashtext('appointments.citizen:' || ?))", s -> {
            s.setString(1, accountId);
            s.executeQuery().close();
            return null;
        });
    }

    private void requireWithinWeeklyLimit(String accountId, Instant startsAt, @Nullable UUID except) {
        LocalDate monday = LocalDate.ofInstant(startsAt, AppointmentClock.NANNING).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Instant weekStart = monday.atStartOfDay(AppointmentClock.NANNING).toInstant();
        Instant weekEnd = monday.plusWeeks(1).atStartOfDay(AppointmentClock.NANNING).toInstant();
        long open = jdbc.prepareStatement("""
                select count(*) from appointments.booking where citizen_account_id = ? and status = 'CONFIRMED'
                and starts_at >= ? and starts_at < ? and (?::uuid is null or id <> ?::uuid)""", s -> {
            s.setString(1, accountId);
            s.setTimestamp(2, Timestamp.from(weekStart));
            s.setTimestamp(3, Timestamp.from(weekEnd));
            s.setObject(4, except);
            s.setObject(5, except);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        if (open >= weeklyLimit) {
            throw ProblemException.conflict("weekly-limit", "同一周内最多保留 " + weeklyLimit + " 个未完成的预约，请先取消或完成已有预约。");
        }
    }

    private static ProblemException slotTaken() {
        return ProblemException.conflict("slot-taken", "该时段已被他人预约，请选择其他时段。");
    }

    private static boolean isExclusionViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private void event(Booking b, String type, Map<String, Object> extra) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("bookingId", b.id().toString());
        payload.put("providerId", b.providerId().toString());
        // Consumers such as volunteer hours need the provider's account and the length, not just our ids.
        payload.put("providerAccountId", directory.provider(b.providerId()).accountId());
        payload.put("citizenAccountId", b.citizenAccountId());
        payload.put("service", b.service().name());
        payload.put("mode", b.mode().name());
        payload.put("startsAt", b.startsAt().toString());
        payload.put("endsAt", b.endsAt().toString());
        payload.put("durationMinutes", Duration.between(b.startsAt(), b.endsAt()).toMinutes());
        payload.put("status", b.status().name());
        payload.put("urgent", b.urgent());
        payload.putAll(extra);
        outbox.add(TOPIC, b.id().toString(), type, "booking", payload);
    }

    private interface Binder {
        void bind(java.sql.PreparedStatement s) throws SQLException;
    }

    private List<Booking> query(String sql, Binder binder) {
        return jdbc.prepareStatement(sql, s -> {
            binder.bind(s);
            List<Booking> list = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    list.add(new Booking(rs.getObject("id", UUID.class), rs.getObject("provider_id", UUID.class),
                            rs.getString("citizen_account_id"), Service.valueOf(rs.getString("service")), Mode.valueOf(rs.getString("mode")),
                            rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                            BookingStatus.valueOf(rs.getString("status")), rs.getString("topic"), rs.getBoolean("urgent"),
                            rs.getString("cancel_reason"), rs.getTimestamp("created_at").toInstant(),
                            rs.getObject("legal_aid_application_id", UUID.class)));
                }
            }
            return list;
        });
    }

    private static String minutesText(int minutes) {
        return minutes % 60 == 0 ? (minutes / 60) + " 小时" : minutes + " 分钟";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
