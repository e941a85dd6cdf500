package cn.nanning.civic.volunteers.activities;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.identity.RegionCodes;
import cn.nanning.civic.common.paging.PageOf;
import cn.nanning.civic.common.paging.Paging;
import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.kernel.audit.AuditEntry;
import cn.nanning.civic.kernel.audit.AuditLog;
import cn.nanning.civic.kernel.notifications.CitizenNotifications;
import cn.nanning.civic.kernel.outbox.Outbox;
import cn.nanning.civic.volunteers.VolunteersClock;
import cn.nanning.civic.volunteers.registration.VolunteerCard;
import cn.nanning.civic.volunteers.registration.Volunteers;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Activities with a capacity. Every sign-up and cancellation locks the activity row first, so they are applied one at a
 * time per activity: the confirmed count never passes the capacity (a check constraint guards it too), later sign-ups
 * go to a numbered waitlist, and a cancellation promotes the first on the waitlist in the same transaction.
 */
@Singleton
public class Activities {

    static final String TOPIC = "volunteers.activity.v1";
    private static final int LIST_LIMIT = 200;
    /** Citizens page through activities and their own sign-ups at most this many at a time. */
    static final int MAX_PAGE_SIZE = 50;
    private static final int ROSTER_LIMIT = 5000;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(VolunteersClock.NANNING);

    private final ActivityStore store;
    private final Volunteers volunteers;
    private final Outbox outbox;
    private final CitizenNotifications notifications;
    private final JdbcOperations jdbc;
    private final VolunteersClock clock;
    private final AuditLog audit;
    private final CheckCodes checkCodes;
    private final SecureRandom random = new SecureRandom();

    Activities(ActivityStore store, Volunteers volunteers, Outbox outbox, CitizenNotifications notifications, JdbcOperations jdbc,
               VolunteersClock clock, AuditLog audit, CheckCodes checkCodes) {
        this.audit = audit;
        this.checkCodes = checkCodes;
        this.store = store;
        this.volunteers = volunteers;
        this.outbox = outbox;
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    ActivityViews.ActivityView publish(Caller caller, ActivityViews.NewActivity c) {
        String region = validate(caller, c);
        Instant now = clock.now();
        List<String> skills = skills(c);
        Activity activity = new Activity(UUID.randomUUID(), caller.accountId(), region, c.place().strip(), c.title().strip(),
                c.description() == null || c.description().isBlank() ? null : c.description().strip(), c.startsAt(), c.endsAt(),
                c.plannedMinutes(), c.capacity(), 0, 0, skills, c.minAge(), c.maxAge(), Boolean.TRUE.equals(c.suitableForMinors()),
                "PUBLISHED", String.format("%06d", random.nextInt(1_000_000)), now);
        store.insert(activity);
        outbox.add(TOPIC, activity.id().toString(), "ActivityPublished", "activity",
                new ActivityViews.ActivityPublished(activity.id(), region, activity.startsAt(), activity.endsAt(), activity.capacity()));
        return ActivityViews.ActivityView.of(activity);
    }

    /**
     * Changes an activity before it starts (its organiser or an admin of its area): the same rules as publishing, and
     * never fewer places than volunteers already confirmed. Signed-up volunteers are told when the time or place changed.
     */
    @Transactional
    ActivityViews.ActivityView change(Caller caller, UUID id, ActivityViews.NewActivity c) {
        Activity before = requireOrganised(caller, id);
        Activity a = store.find(id, true).orElseThrow();
        if (!"PUBLISHED".equals(a.status())) {
            throw ProblemException.conflict("activity-cancelled", "该活动已取消，不能修改。");
        }
        if (!clock.now().isBefore(a.startsAt())) {
            throw ProblemException.conflict("activity-started", "活动已开始，不能再修改。");
        }
        String region = validate(caller, c);
        if (c.capacity() < a.confirmedCount()) {
            throw ProblemException.invalidField("capacity", "招募人数不能少于已报名的 " + a.confirmedCount() + " 人。");
        }
        Activity changed = new Activity(a.id(), a.organiserAccount(), region, c.place().strip(), c.title().strip(),
                c.description() == null || c.description().isBlank() ? null : c.description().strip(), c.startsAt(), c.endsAt(),
                c.plannedMinutes(), c.capacity(), a.confirmedCount(), a.waitlistSeq(), skills(c), c.minAge(), c.maxAge(),
                Boolean.TRUE.equals(c.suitableForMinors()), a.status(), a.checkCode(), a.createdAt());
        store.update(changed);
        outbox.add(TOPIC, a.id().toString(), "ActivityChanged", "activity",
                new ActivityViews.ActivityPublished(a.id(), region, changed.startsAt(), changed.endsAt(), changed.capacity()));
        if (!before.startsAt().equals(changed.startsAt()) || !before.place().equals(changed.place())) {
            tellSignedUp(changed, "时间地点有变");
        }
        return ActivityViews.ActivityView.of(changed);
    }

    /** Cancels an activity that has not ended, with a reason; everyone signed up is told. */
    @Transactional
    ActivityViews.ActivityView cancelActivity(Caller caller, UUID id, String reason) {
        requireOrganised(caller, id);
        Activity a = store.find(id, true).orElseThrow();
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalidField("reason", "请说明取消活动的原因，报名的志愿者会收到通知。");
        }
        if (!"PUBLISHED".equals(a.status())) {
            throw ProblemException.conflict("activity-cancelled", "该活动已经取消。");
        }
        if (!clock.now().isBefore(a.endsAt())) {
            throw ProblemException.conflict("activity-ended", "活动已结束，不能取消。");
        }
        store.cancel(a.id());
        Activity cancelled = store.find(id, false).orElseThrow();
        outbox.add(TOPIC, a.id().toString(), "ActivityCancelled", "activity",
                new ActivityViews.ActivityCancelled(a.id(), reason.strip(), clock.now()));
        audit.record(new AuditEntry(caller.accountId(), caller.roles().stream().map(Enum::name).sorted()
                .collect(java.util.stream.Collectors.joining(",")), "volunteers.activity.cancel", "activity", a.id().toString(),
                AuditEntry.Outcome.SUCCESS, reason.strip()));
        tellSignedUp(cancelled, "活动已取消");
        return ActivityViews.ActivityView.of(cancelled);
    }

    private void tellSignedUp(Activity a, String what) {
        for (ActivityStore.Signup s : store.roster(a.id(), ROSTER_LIMIT)) {
            if ("CANCELLED".equals(s.status())) {
                continue;
            }
            volunteers.accountOf(s.volunteerId()).ifPresent(account -> notifications.notify(account, "volunteer-activity",
                    Map.of("thing1", CitizenNotifications.thing(a.title()), "time2", WHEN.format(a.startsAt()), "thing3", CitizenNotifications.thing(a.place()),
                            "phrase4", what), "pages/volunteer/activity?id=" + a.id()));
        }
    }

    private String validate(Caller caller, ActivityViews.NewActivity c) {
        String region = c.regionCode().strip();
        boolean known = jdbc.prepareStatement("select 1 from kernel.region where code = ? and level <> 'city'", ps -> {
            ps.setString(1, region);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
        if (!known) {
            throw ProblemException.invalidField("regionCode", "请填写南宁市内的区县、乡镇（街道）或村（社区）代码。");
        }
        if (!caller.has(Role.ORGANIZER) || !caller.covers(region)) {
            throw ProblemException.forbidden("只能在本辖区发布志愿服务活动。");
        }
        Instant now = clock.now();
        if (!c.endsAt().isAfter(c.startsAt())) {
            throw ProblemException.invalidField("endsAt", "结束时间须晚于开始时间。");
        }
        if (!c.endsAt().isAfter(now)) {
            throw ProblemException.invalidField("endsAt", "不能发布已经结束的活动。");
        }
        if (c.plannedMinutes() > Duration.between(c.startsAt(), c.endsAt()).toMinutes()) {
            throw ProblemException.invalidField("plannedMinutes", "计划服务时长不能超过活动时间段。");
        }
        if (c.minAge() != null && c.maxAge() != null && c.minAge() > c.maxAge()) {
            throw ProblemException.invalidField("minAge", "年龄下限不能大于上限。");
        }
        return region;
    }

    private static List<String> skills(ActivityViews.NewActivity c) {
        return c.requiredSkills() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(c.requiredSkills().stream().map(String::strip).filter(s -> !s.isEmpty()).toList()));
    }

    @Transactional
    ActivityViews.ActivityView view(UUID id) {
        return ActivityViews.ActivityView.of(find(id));
    }

    @Transactional
    PageOf<ActivityViews.ActivityView> upcoming(String region, int page, int size) {
        int offset = Paging.offset(page, size, MAX_PAGE_SIZE);
        String prefix = RegionCodes.significantPrefix(region);
        Timestamp now = Timestamp.from(clock.now());
        return PageOf.of(store.upcomingIn(prefix, now, size, offset).stream().map(ActivityViews.ActivityView::of).toList(),
                page, size, store.countUpcomingIn(prefix, now));
    }

    /** What the caller can manage: their own activities, and for an admin the whole area's; ended ones included. */
    @Transactional
    List<ActivityViews.ActivityView> organised(Caller caller) {
        if (!caller.isStaff()) {
            throw ProblemException.forbidden("只有志愿服务组织者或管理员可以查看所组织的活动。");
        }
        String area = caller.has(Role.ADMIN) && caller.regionCode() != null ? RegionCodes.significantPrefix(caller.regionCode()) : null;
        return store.organised(caller.accountId(), area, LIST_LIMIT).stream().map(ActivityViews.ActivityView::of).toList();
    }

    @Transactional
    ActivityViews.SignupView signUp(Caller caller, UUID activityId) {
        VolunteerCard me = volunteers.requireActive(caller);
        Activity a = store.find(activityId, true).orElseThrow(() -> ProblemException.notFound("没有找到该活动。"));
        Instant now = clock.now();
        if (!"PUBLISHED".equals(a.status())) {
            throw ProblemException.conflict("activity-cancelled", "该活动已取消。");
        }
        if (!a.endsAt().isAfter(now)) {
            throw ProblemException.conflict("activity-ended", "该活动已结束，不能报名。");
        }
        checkEligible(me, a);
        if (store.openSignup(a.id(), me.id()).isPresent()) {
            throw ProblemException.conflict("already-signed-up", "您已报名该活动，无需重复报名。");
        }
        boolean seat = a.confirmedCount() < a.capacity();
        String status = seat ? "CONFIRMED" : "WAITLISTED";
        Integer waitlistNo = seat ? null : a.waitlistSeq() + 1;
        UUID id = UUID.randomUUID();
        if (!store.insertSignup(id, a.id(), me.id(), status, waitlistNo, Timestamp.from(now))) {
            throw ProblemException.conflict("already-signed-up", "您已报名该活动，无需重复报名。");
        }
        store.updateCounters(a.id(), a.confirmedCount() + (seat ? 1 : 0), seat ? a.waitlistSeq() : waitlistNo);
        outbox.add(TOPIC, a.id().toString(), "VolunteerSignedUp", "signup",
                new ActivityViews.VolunteerSignedUp(a.id(), id, me.id(), status, waitlistNo));
        return signupView(store.signup(id).orElseThrow(), me.maskedName());
    }

    private void checkEligible(VolunteerCard me, Activity a) {
        int age = me.ageOn(LocalDate.ofInstant(a.startsAt(), VolunteersClock.NANNING));
        if (age < 18 && !a.suitableForMinors()) {
            throw ProblemException.conflict("not-eligible", "该活动不适合未成年人参加，请选择标明适合未成年人的活动。");
        }
        if (a.minAge() != null && age < a.minAge()) {
            throw ProblemException.conflict("not-eligible", "该活动要求年满 " + a.minAge() + " 周岁。");
        }
        if (a.maxAge() != null && age > a.maxAge()) {
            throw ProblemException.conflict("not-eligible", "该活动要求年龄不超过 " + a.maxAge() + " 周岁。");
        }
        List<String> missing = a.requiredSkills().stream().filter(s -> !me.skills().contains(s)).toList();
        if (!missing.isEmpty()) {
            throw ProblemException.conflict("not-eligible", "该活动需要以下技能：" + String.join("、", missing) + "。");
        }
    }

    /** A volunteer withdraws before the start; a confirmed place goes to the first on the waitlist. */
    @Transactional
    ActivityViews.SignupView cancel(Caller caller, UUID activityId) {
        UUID me = volunteers.idOfAccount(caller.accountId())
                .orElseThrow(() -> ProblemException.notFound("您还没有注册志愿者。"));
        Activity a = store.find(activityId, true).orElseThrow(() -> ProblemException.notFound("没有找到该活动。"));
        ActivityStore.Signup mine = store.openSignup(a.id(), me)
                .orElseThrow(() -> ProblemException.notFound("您没有报名该活动。"));
        Instant now = clock.now();
        if (!a.startsAt().isAfter(now)) {
            throw ProblemException.conflict("activity-started", "活动已开始，不能取消报名，请联系组织者。");
        }
        store.setStatus(mine.id(), "CANCELLED", Timestamp.from(now));
        outbox.add(TOPIC, a.id().toString(), "SignupCancelled", "signup",
                new ActivityViews.SignupCancelled(a.id(), mine.id(), me, mine.status()));
        int confirmed = a.confirmedCount();
        if ("CONFIRMED".equals(mine.status())) {
            confirmed--;
            var next = store.firstWaitlisted(a.id());
            if (next.isPresent()) {
                promote(a, next.get(), now);
                confirmed++;
            }
        }
        store.updateCounters(a.id(), confirmed, a.waitlistSeq());
        return signupView(store.signup(mine.id()).orElseThrow(), null);
    }

    private void promote(Activity a, ActivityStore.Signup next, Instant now) {
        store.setStatus(next.id(), "CONFIRMED", Timestamp.from(now));
        String account = volunteers.accountOf(next.volunteerId()).orElse(null);
        outbox.add(TOPIC, a.id().toString(), "WaitlistPromoted", "signup",
                new ActivityViews.WaitlistPromoted(a.id(), next.id(), next.volunteerId(), account, a.startsAt()));
        if (account != null) {
            notifications.notify(account, "volunteer-activity",
                    Map.of("thing1", CitizenNotifications.thing(a.title()), "time2", WHEN.format(a.startsAt()), "phrase3", "候补转正"),
                    "pages/volunteer/activity?id=" + a.id());
        }
    }

    @Transactional
    List<ActivityViews.SignupView> roster(Caller caller, UUID activityId) {
        Activity a = requireOrganised(caller, activityId);
        List<ActivityStore.Signup> signups = store.roster(a.id(), ROSTER_LIMIT);
        Map<UUID, String> names = volunteers.maskedNames(signups.stream().map(ActivityStore.Signup::volunteerId).toList());
        return signups.stream().map(s -> signupView(s, names.get(s.volunteerId()))).toList();
    }

    /**
     * The roster with full names and phones, for the activity's organiser who has to reach the volunteers (changes,
     * cancellations, on the day); cancelled sign-ups are left out. Every read is audited with how many were shown.
     */
    @Transactional
    List<ActivityViews.RosterEntry> rosterContacts(Caller caller, UUID activityId) {
        Activity a = requireOrganised(caller, activityId);
        List<ActivityStore.Signup> signups = store.roster(a.id(), ROSTER_LIMIT).stream()
                .filter(s -> !"CANCELLED".equals(s.status())).toList();
        Map<UUID, Volunteers.Contact> contacts = volunteers.contacts(signups.stream().map(ActivityStore.Signup::volunteerId).toList());
        List<ActivityViews.RosterEntry> entries = signups.stream().filter(s -> contacts.containsKey(s.volunteerId())).map(s -> {
            ActivityViews.SignupView view = signupView(s, null);
            Volunteers.Contact contact = contacts.get(s.volunteerId());
            return new ActivityViews.RosterEntry(s.volunteerId(), contact.name(), contact.phone(), s.status(), view.statusLabel(),
                    s.waitlistNo());
        }).toList();
        audit.record(new AuditEntry(caller.accountId(), caller.roles().stream().map(Enum::name).sorted()
                .collect(java.util.stream.Collectors.joining(",")), "volunteers.roster.read", "activity", a.id().toString(),
                AuditEntry.Outcome.SUCCESS, entries.size() + " entries"));
        return entries;
    }

    @Transactional
    PageOf<ActivityViews.SignupView> mine(Caller caller, int page, int size) {
        int offset = Paging.offset(page, size, MAX_PAGE_SIZE);
        UUID me = volunteers.idOfAccount(caller.accountId()).orElseThrow(() -> ProblemException.notFound("您还没有注册志愿者。"));
        Map<UUID, ActivityViews.ActivitySummary> activities = new java.util.HashMap<>();
        List<ActivityViews.SignupView> rows = store.ofVolunteer(me, size, offset).stream()
                .map(s -> signupView(s, null).with(activities.computeIfAbsent(s.activityId(),
                        id -> store.find(id, false).map(ActivityViews.ActivitySummary::of).orElse(null))))
                .toList();
        return PageOf.of(rows, page, size, store.countOfVolunteer(me));
    }

    /** The code the organiser shows on site; volunteers need it to check in and out while the activity runs. */
    @Transactional
    ActivityViews.CheckCode checkCode(Caller caller, UUID activityId) {
        Activity a = requireOrganised(caller, activityId);
        CheckCodes.Current now = checkCodes.current(a, clock.now());
        return new ActivityViews.CheckCode(a.id(), now.code(), a.startsAt(), a.endsAt(), now.changesAt());
    }

    /**
     * What the organiser puts on a screen or prints as a QR code: {@code civic-checkin:<activityId>:<code>} with the code
     * shown now; it expires with the code (every {@link CheckCodes#STEP}), so the screen asks again.
     */
    @Transactional
    ActivityViews.CheckInQr checkInQr(Caller caller, UUID activityId) {
        Activity a = requireOrganised(caller, activityId);
        CheckCodes.Current now = checkCodes.current(a, clock.now());
        return new ActivityViews.CheckInQr(a.id(), CheckCodes.payload(a.id(), now.code()), now.code(), now.changesAt(), a.startsAt(),
                a.endsAt());
    }

    /** A volunteer's sign-up of an activity that is not cancelled, with its label; empty when there is none. */
    @Transactional
    public java.util.Optional<SignupState> signupOf(UUID activityId, UUID volunteerId) {
        return store.openSignup(activityId, volunteerId).map(s -> new SignupState(s.status(), signupView(s, null).statusLabel(), s.waitlistNo()));
    }

    /** A volunteer's place at an activity: CONFIRMED (已报名) or WAITLISTED (候补第 n 位). */
    public record SignupState(String status, String statusLabel, Integer waitlistNo) {
    }

    @Transactional
    public Activity find(UUID id) {
        return store.find(id, false).orElseThrow(() -> ProblemException.notFound("没有找到该活动。"));
    }

    /** The activity, if the caller organises it: its publisher, or an admin of its area. */
    @Transactional
    public Activity requireOrganised(Caller caller, UUID activityId) {
        Activity a = find(activityId);
        boolean publisher = caller.isStaff() && caller.accountId().equals(a.organiserAccount());
        boolean admin = caller.has(Role.ADMIN) && caller.covers(a.regionCode());
        if (!publisher && !admin) {
            throw ProblemException.forbidden("只有该活动的组织者或本辖区管理员可以进行此操作。");
        }
        return a;
    }

    /** Whether the volunteer holds a confirmed place (not waitlisted, not cancelled). */
    @Transactional
    public boolean isConfirmed(UUID activityId, UUID volunteerId) {
        return store.openSignup(activityId, volunteerId).map(s -> "CONFIRMED".equals(s.status())).orElse(false);
    }

    /** Volunteers holding a confirmed place. */
    @Transactional
    public List<UUID> confirmedVolunteers(UUID activityId) {
        List<UUID> ids = new ArrayList<>();
        for (ActivityStore.Signup s : store.roster(activityId, ROSTER_LIMIT)) {
            if ("CONFIRMED".equals(s.status())) {
                ids.add(s.volunteerId());
            }
        }
        return ids;
    }

    private static ActivityViews.SignupView signupView(ActivityStore.Signup s, String name) {
        String label = switch (s.status()) {
            case "CONFIRMED" -> "已报名";
            case "WAITLISTED" -> "候补第 " + s.waitlistNo() + " 位";
            default -> "已取消";
        };
        return new ActivityViews.SignupView(s.id(), s.activityId(), s.volunteerId(), name, s.status(), label, s.waitlistNo(),
                s.signedUpAt(), s.confirmedAt(), s.cancelledAt(), null);
    }
}
