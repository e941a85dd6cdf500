package cn.nanning.civic.volunteers.registration;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.common.idcard.ResidentIdNumber;
import cn.nanning.civic.common.pii.FieldCipher;
import cn.nanning.civic.common.pii.Masking;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.kernel.audit.AuditEntry;
import cn.nanning.civic.kernel.audit.AuditLog;
import cn.nanning.civic.kernel.outbox.Outbox;
import cn.nanning.civic.volunteers.VolunteersClock;
import cn.nanning.civic.volunteers.VolunteersSettings;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Real-name registration of volunteers: one person (ID number), one record; consent to processing sensitive personal
 * information given separately and withdrawable.
 *
 * <p>Withdrawal means processing stops: the name, ID number, phone, birth date, sex and guardian contact are erased
 * from the record; the volunteer can no longer join teams or sign up for activities and their ID number can no
 * longer be revealed to anyone. What stays is the record id with its service history and the keyed hash of the
 * ID number, so the same person registering again gets the same record back instead of a second one.
 */
@Singleton
public class Volunteers {

    static final String TOPIC = "volunteers.volunteer.v1";
    static final String SENSITIVE = "SENSITIVE_PERSONAL_INFORMATION";
    static final String GUARDIAN = "GUARDIAN";
    static final String ID_INDEX_PURPOSE = "volunteers.id-number";
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern NAME = Pattern.compile("[\\p{IsHan}·•A-Za-z ]{2,30}");
    private static final Set<String> RELATIONS = Set.of("FATHER", "MOTHER", "GRANDPARENT", "OTHER_GUARDIAN");
    private static final int GUARDIAN_AGE = 14;

    private final VolunteerStore store;
    private final FieldCipher cipher;
    private final Outbox outbox;
    private final AuditLog audit;
    private final VolunteersClock clock;
    private final VolunteersSettings settings;

    Volunteers(VolunteerStore store, FieldCipher cipher, Outbox outbox, AuditLog audit, VolunteersClock clock, VolunteersSettings settings) {
        this.store = store;
        this.cipher = cipher;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
    }

    @Transactional
    VolunteerView register(Caller caller, NewRegistration command) {
        if (caller.isStaff()) {
            throw ProblemException.forbidden("请使用居民本人账号注册志愿者。");
        }
        LocalDate today = clock.today();
        ResidentIdNumber id;
        try {
            id = ResidentIdNumber.parse(command.idNumber(), today);
        } catch (ResidentIdNumber.Invalid e) {
            throw ProblemException.invalidField("idNumber", e.getMessage());
        }
        String name = command.realName().strip();
        if (!NAME.matcher(name).matches()) {
            throw ProblemException.invalidField("realName", "请填写与身份证一致的真实姓名。");
        }
        String phone = command.phone().strip();
        if (!MOBILE.matcher(phone).matches()) {
            throw ProblemException.invalidField("phone", "请填写正确的 11 位手机号码。");
        }
        String region = command.homeRegion().strip();
        if (!store.regionLevel(region).map("village"::equals).orElse(false)) {
            throw ProblemException.invalidField("homeRegion", "请选择南宁市内所在的村（社区）。");
        }
        if (!Boolean.TRUE.equals(command.sensitiveInfoConsent())) {
            throw ProblemException.invalidField("sensitiveInfoConsent",
                    "注册志愿者需要您单独同意处理身份证号码等敏感个人信息。");
        }
        if (!settings.consentPolicyVersion().equals(command.consentPolicyVersion())) {
            throw ProblemException.invalidField("consentPolicyVersion",
                    "个人信息处理规则已更新为 " + settings.consentPolicyVersion() + " 版，请阅读后重新同意。");
        }
        boolean needsGuardian = id.ageOn(today) < GUARDIAN_AGE;
        NewRegistration.Guardian guardian = needsGuardian ? checkedGuardian(command.guardian()) : null;
        List<String> skills = command.skills() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(command.skills().stream().map(String::strip).toList()));

        String blindIndex = cipher.blindIndex(id.value(), ID_INDEX_PURPOSE);
        Instant now = clock.now();
        Optional<VolunteerRow> existing = store.byAccount(caller.accountId());
        UUID volunteerId = existing.map(VolunteerRow::id).orElseGet(UUID::randomUUID);
        VolunteerRow row = new VolunteerRow(volunteerId, caller.accountId(), blindIndex,
                cipher.encrypt(name, "volunteer.real_name"), cipher.encrypt(id.value(), "volunteer.id_number"),
                cipher.encrypt(phone, "volunteer.phone"), id.birthDate(), String.valueOf(id.sex()), region, skills,
                blank(command.availability()),
                guardian != null ? cipher.encrypt(guardian.name().strip(), "volunteer.guardian_name") : null,
                guardian != null ? cipher.encrypt(guardian.phone().strip(), "volunteer.guardian_phone") : null,
                guardian != null ? guardian.relation() : null, VolunteerRow.ACTIVE, now, null);
        if (existing.isPresent()) {
            VolunteerRow before = existing.get();
            if (before.active()) {
                throw ProblemException.conflict("already-registered", "您已经注册过志愿者，无需重复注册。");
            }
            if (!before.idBlindIndex().equals(blindIndex)) {
                throw ProblemException.conflict("id-number-mismatch", "重新注册请使用原来登记的身份证号码。");
            }
            store.reactivate(row);
        } else if (!store.insertIfNew(row)) {
            if (store.byAccount(caller.accountId()).isPresent()) {
                throw ProblemException.conflict("already-registered", "您已经注册过志愿者，无需重复注册。");
            }
            throw ProblemException.conflict("id-number-registered",
                    "该身份证号码已注册志愿者，一人只能注册一次。如有疑问请联系所在志愿服务站。");
        }
        store.setSearchIndexes(volunteerId, nameIndex(name), maskedIdIndex(id.value()));
        store.addConsent(volunteerId, SENSITIVE, "GRANTED", settings.consentPolicyVersion(), caller.accountId(), now);
        if (guardian != null) {
            store.addConsent(volunteerId, GUARDIAN, "GRANTED", settings.consentPolicyVersion(), caller.accountId(), now);
        }
        outbox.add(TOPIC, volunteerId.toString(), "VolunteerRegistered", "volunteer",
                new VolunteerRegistered(volunteerId, caller.accountId(), region, id.ageOn(today) < 18, now));
        return view(store.byId(volunteerId).orElseThrow(), true);
    }

    private static NewRegistration.Guardian checkedGuardian(NewRegistration.Guardian g) {
        if (g == null || g.name() == null || g.name().isBlank()) {
            throw ProblemException.invalidField("guardian.name", "未满 14 周岁的志愿者需要监护人同意，请填写监护人姓名。");
        }
        if (g.phone() == null || !MOBILE.matcher(g.phone().strip()).matches()) {
            throw ProblemException.invalidField("guardian.phone", "请填写监护人正确的 11 位手机号码。");
        }
        if (g.relation() == null || !RELATIONS.contains(g.relation())) {
            throw ProblemException.invalidField("guardian.relation",
                    "请选择与监护人的关系：父亲（FATHER）、母亲（MOTHER）、祖父母/外祖父母（GRANDPARENT）或其他监护人（OTHER_GUARDIAN）。");
        }
        if (!Boolean.TRUE.equals(g.consent())) {
            throw ProblemException.invalidField("guardian.consent", "需要监护人同意后才能注册。");
        }
        return g;
    }

    VolunteerView mine(Caller caller) {
        return view(own(caller), true);
    }

    /** An admin of the volunteer's home area sees the record, masked. */
    VolunteerView forStaff(Caller caller, UUID id) {
        VolunteerRow row = store.byId(id).orElseThrow(() -> ProblemException.notFound("没有找到该志愿者。"));
        if (!caller.has(Role.ADMIN) || !caller.covers(row.homeRegion())) {
            // The same answer as for a missing record: nothing tells an outsider that this volunteer exists.
            throw ProblemException.notFound("没有找到该志愿者。");
        }
        return view(row, false);
    }

    /** The person's own full ID number; audited like every reveal. */
    String revealOwnIdNumber(Caller caller) {
        VolunteerRow row = own(caller);
        return reveal(caller, row, "本人查看");
    }

    /** An admin of the volunteer's area reveals the full ID number (e.g. for insurance); every attempt is audited. */
    String revealIdNumber(Caller caller, UUID id, String reason) {
        VolunteerRow row = store.byId(id).orElseThrow(() -> ProblemException.notFound("没有找到该志愿者。"));
        if (!caller.has(Role.ADMIN) || !caller.covers(row.homeRegion())) {
            audit.record(new AuditEntry(caller.accountId(), roles(caller), "volunteers.id-number.reveal", "volunteer",
                    id.toString(), AuditEntry.Outcome.DENIED, null));
            throw ProblemException.notFound("没有找到该志愿者。");
        }
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalidField("reason", "查看完整身份证号码须说明用途。");
        }
        return reveal(caller, row, reason.strip());
    }

    private String reveal(Caller caller, VolunteerRow row, String purpose) {
        if (!row.active()) {
            audit.record(new AuditEntry(caller.accountId(), roles(caller), "volunteers.id-number.reveal", "volunteer",
                    row.id().toString(), AuditEntry.Outcome.FAILURE, "consent withdrawn"));
            throw ProblemException.conflict("consent-withdrawn", "该志愿者已撤回个人信息处理同意，身份证号码已删除。");
        }
        audit.record(new AuditEntry(caller.accountId(), roles(caller), "volunteers.id-number.reveal", "volunteer",
                row.id().toString(), AuditEntry.Outcome.SUCCESS, purpose));
        return cipher.decrypt(row.idNumber(), "volunteer.id_number");
    }

    @Transactional
    VolunteerView withdrawConsent(Caller caller) {
        VolunteerRow row = own(caller);
        if (!row.active()) {
            throw ProblemException.conflict("consent-withdrawn", "您已撤回同意，无需重复操作。");
        }
        Instant now = clock.now();
        store.eraseIdentity(row.id(), now);
        store.addConsent(row.id(), SENSITIVE, "WITHDRAWN", settings.consentPolicyVersion(), caller.accountId(), now);
        if (row.guardianRelation() != null) {
            store.addConsent(row.id(), GUARDIAN, "WITHDRAWN", settings.consentPolicyVersion(), caller.accountId(), now);
        }
        outbox.add(TOPIC, row.id().toString(), "VolunteerConsentWithdrawn", "volunteer",
                new VolunteerConsentWithdrawn(row.id(), caller.accountId(), now));
        return view(store.byId(row.id()).orElseThrow(), true);
    }

    /** The caller's active volunteer record, for the module's other concepts; refuses if there is none or consent is withdrawn. */
    public VolunteerCard requireActive(Caller caller) {
        VolunteerRow row = store.byAccount(caller.accountId())
                .orElseThrow(() -> ProblemException.conflict("not-registered", "请先注册成为志愿者。"));
        if (!row.active()) {
            throw ProblemException.conflict("consent-withdrawn", "您已撤回个人信息处理同意，暂不能参加志愿服务。如需继续，请重新注册。");
        }
        return card(row);
    }

    /** Active volunteer by id; empty when unknown or withdrawn. */
    public Optional<VolunteerCard> active(UUID volunteerId) {
        return store.byId(volunteerId).filter(VolunteerRow::active).map(this::card);
    }

    /** Masked names for rosters; a withdrawn volunteer shows as such. */
    public Map<UUID, String> maskedNames(Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        for (VolunteerRow row : store.byIds(ids)) {
            names.put(row.id(), row.active() ? Masking.name(cipher.decrypt(row.realName(), "volunteer.real_name")) : "（已撤回同意）");
        }
        return names;
    }

    /** A volunteer's full name and mobile, for the organiser who has to call them; callers audit the read. */
    public record Contact(UUID id, String name, String phone) {
    }

    /** Full names and phones of active volunteers (withdrawn ones are left out: their data may no longer be used). */
    public Map<UUID, Contact> contacts(Collection<UUID> ids) {
        Map<UUID, Contact> found = new HashMap<>();
        for (VolunteerRow row : store.byIds(ids)) {
            if (row.active()) {
                found.put(row.id(), new Contact(row.id(), cipher.decrypt(row.realName(), "volunteer.real_name"),
                        cipher.decrypt(row.phone(), "volunteer.phone")));
            }
        }
        return found;
    }

    /** Masked name and ID number with the home region, for certificates and records; empty when unknown or withdrawn. */
    public Optional<MaskedIdentity> maskedIdentity(UUID volunteerId) {
        return store.byId(volunteerId).filter(VolunteerRow::active).map(row -> new MaskedIdentity(row.id(), row.accountId(),
                Masking.name(cipher.decrypt(row.realName(), "volunteer.real_name")),
                Masking.idNumber(cipher.decrypt(row.idNumber(), "volunteer.id_number")), row.sex(), row.birthDate(),
                row.homeRegion(), row.skills(), row.registeredAt()));
    }

    public record MaskedIdentity(UUID id, String accountId, String maskedName, String maskedIdNumber, String sex, LocalDate birthDate,
                                 String homeRegion, List<String> skills, Instant registeredAt) {
    }

    public Optional<String> accountOf(UUID volunteerId) {
        return store.byId(volunteerId).map(VolunteerRow::accountId);
    }

    public Optional<UUID> idOfAccount(String accountId) {
        return store.byAccount(accountId).map(VolunteerRow::id);
    }

    private VolunteerCard card(VolunteerRow row) {
        return new VolunteerCard(row.id(), row.accountId(), Masking.name(cipher.decrypt(row.realName(), "volunteer.real_name")),
                row.birthDate(), row.homeRegion(), row.skills());
    }

    private VolunteerRow own(Caller caller) {
        return store.byAccount(caller.accountId()).orElseThrow(() -> ProblemException.notFound("您还没有注册志愿者。"));
    }

    private VolunteerView view(VolunteerRow row, boolean self) {
        LocalDate today = clock.today();
        boolean active = row.active();
        String name = active ? cipher.decrypt(row.realName(), "volunteer.real_name") : null;
        Integer age = row.birthDate() != null ? java.time.Period.between(row.birthDate(), today).getYears() : null;
        VolunteerView.GuardianView guardian = row.guardianRelation() == null ? null : new VolunteerView.GuardianView(
                Masking.name(cipher.decrypt(row.guardianName(), "volunteer.guardian_name")),
                Masking.phone(cipher.decrypt(row.guardianPhone(), "volunteer.guardian_phone")), row.guardianRelation());
        List<VolunteerView.ConsentView> consents = store.consents(row.id()).stream()
                .map(c -> new VolunteerView.ConsentView(c.purpose(), c.action(), c.policyVersion(), c.at())).toList();
        return new VolunteerView(row.id(), row.status(), active ? "正常" : "已撤回同意",
                name == null ? null : self ? name : Masking.name(name),
                active ? Masking.idNumber(cipher.decrypt(row.idNumber(), "volunteer.id_number")) : null,
                active ? Masking.phone(cipher.decrypt(row.phone(), "volunteer.phone")) : null,
                self ? row.birthDate() : null, row.sex(), age, age != null && age < 18, row.homeRegion(), row.skills(),
                row.availability(), guardian, row.registeredAt(), row.withdrawnAt(), consents);
    }

    // ------------------------------------------------------------------ administrators' search

    static final String NAME_INDEX_PURPOSE = "volunteers.name";
    static final String MASKED_ID_INDEX_PURPOSE = "volunteers.masked-id-number";
    private static final Pattern FULL_ID = Pattern.compile("\\d{17}[\\dX]");
    private static final Pattern MASKED_ID = Pattern.compile("(\\d{4})\\*{10}(\\d{3}[\\dX])");
    private static final int SEARCH_LIMIT = 50;

    private String nameIndex(String realName) {
        return cipher.blindIndex(java.text.Normalizer.normalize(realName.strip(), java.text.Normalizer.Form.NFKC), NAME_INDEX_PURPOSE);
    }

    /** The masked form keeps the first four and last four characters; its keyed hash lets staff find what they see. */
    private String maskedIdIndex(String idNumber) {
        String masked = Masking.idNumber(idNumber);
        return cipher.blindIndex(masked.substring(0, 4) + masked.substring(masked.length() - 4), MASKED_ID_INDEX_PURPOSE);
    }

    /**
     * An administrator searches the volunteers of their area by full name, by ID number (full, or masked as shown on
     * screens, e.g. 4501**********1234) and by region. Answers are masked; every search is audited (the filters used,
     * not their values).
     */
    @Transactional
    List<VolunteerMatch> search(Caller caller, String name, String idNumber, String region, Integer page) {
        if (!caller.isStaff() || !caller.has(Role.ADMIN)) {
            throw ProblemException.forbidden("只有管理员可以查询志愿者。");
        }
        String area = region == null || region.isBlank() ? caller.regionCode() : region.strip();
        String prefix = cn.nanning.civic.common.identity.RegionCodes.areaPrefix(area, "region");
        if (!caller.covers(area)) {
            throw ProblemException.forbidden("您只能查询本辖区的志愿者。");
        }
        String nameIdx = name == null || name.isBlank() ? null : nameIndex(name);
        String idIdx = null;
        String maskedIdx = null;
        if (idNumber != null && !idNumber.isBlank()) {
            String id = idNumber.strip().toUpperCase(java.util.Locale.ROOT).replace('＊', '*');
            var masked = MASKED_ID.matcher(id);
            if (FULL_ID.matcher(id).matches()) {
                idIdx = cipher.blindIndex(id, ID_INDEX_PURPOSE);
            } else if (masked.matches()) {
                maskedIdx = cipher.blindIndex(masked.group(1) + masked.group(2), MASKED_ID_INDEX_PURPOSE);
            } else {
                throw ProblemException.invalidField("idNumber", "请输入完整的 18 位身份证号码，或按页面显示的格式输入（如 4501**********1234）。");
            }
        }
        int offset = cn.nanning.civic.common.paging.Paging.offset(page == null ? 0 : page, SEARCH_LIMIT, SEARCH_LIMIT);
        List<VolunteerRow> rows = store.search(prefix, nameIdx, idIdx, maskedIdx, SEARCH_LIMIT, offset);
        List<String> used = new java.util.ArrayList<>();
        if (nameIdx != null) {
            used.add("name");
        }
        if (idIdx != null) {
            used.add("idNumber");
        }
        if (maskedIdx != null) {
            used.add("maskedIdNumber");
        }
        used.add("region=" + area);
        audit.record(new AuditEntry(caller.accountId(), roles(caller), "volunteers.search", "volunteer", null,
                AuditEntry.Outcome.SUCCESS, String.join(" ", used) + " results=" + rows.size()));
        Map<String, String> regionNames = new HashMap<>();
        return rows.stream().map(row -> {
            boolean active = row.active();
            return new VolunteerMatch(row.id(),
                    active ? Masking.name(cipher.decrypt(row.realName(), "volunteer.real_name")) : null,
                    active ? Masking.idNumber(cipher.decrypt(row.idNumber(), "volunteer.id_number")) : null,
                    active ? Masking.phone(cipher.decrypt(row.phone(), "volunteer.phone")) : null,
                    row.homeRegion(), regionNames.computeIfAbsent(row.homeRegion(), c -> store.regionName(c).orElse(c)),
                    row.status(), active ? "正常" : "已撤回同意", row.registeredAt());
        }).toList();
    }

    @io.micronaut.serde.annotation.Serdeable
    record VolunteerMatch(UUID id, @io.micronaut.core.annotation.Nullable String maskedName,
                          @io.micronaut.core.annotation.Nullable String maskedIdNumber,
                          @io.micronaut.core.annotation.Nullable String maskedPhone, String homeRegion, String homeRegionName,
                          String status, String statusLabel, Instant registeredAt) {
    }

    /** Fills the search indexes of records registered before they existed; returns how many were filled. */
    @Transactional
    int backfillSearchIndexes(int batch) {
        List<VolunteerRow> rows = store.withoutSearchIndexes(batch);
        for (VolunteerRow row : rows) {
            store.setSearchIndexes(row.id(), nameIndex(cipher.decrypt(row.realName(), "volunteer.real_name")),
                    maskedIdIndex(cipher.decrypt(row.idNumber(), "volunteer.id_number")));
        }
        return rows.size();
    }

    // ------------------------------------------------------------------ transfers

    @io.micronaut.serde.annotation.Serdeable
    record Transfer(String fromRegion, String fromRegionName, String toRegion, String toRegionName, String reason, Instant occurredAt) {
    }

    /**
     * Moves a volunteer to another village/community (e.g. to another district): by the volunteer themself, or by an
     * administrator covering their current home. Hours, service record, certificates and star level stay with the
     * record; the move is kept, audited and published (VolunteerTransferred). From then on the new area's staff cover them.
     */
    @Transactional
    List<Transfer> transfer(Caller caller, @io.micronaut.core.annotation.Nullable UUID volunteerId, String toRegion, String reason) {
        VolunteerRow row;
        if (volunteerId == null) {
            row = own(caller);
        } else {
            row = store.byId(volunteerId).orElseThrow(() -> ProblemException.notFound("没有找到该志愿者。"));
            if (!caller.isStaff() || !caller.has(Role.ADMIN) || !caller.covers(row.homeRegion())) {
                throw ProblemException.forbidden("只有志愿者现所在辖区的管理员可以办理转移。");
            }
        }
        if (!row.active()) {
            throw ProblemException.conflict("consent-withdrawn", "该志愿者已撤回个人信息处理同意，不能办理转移。");
        }
        String to = toRegion == null ? "" : toRegion.strip();
        if (!store.regionLevel(to).map("village"::equals).orElse(false)) {
            throw ProblemException.invalidField("toRegion", "请选择南宁市内转入的村（社区）。");
        }
        if (to.equals(row.homeRegion())) {
            throw ProblemException.invalidField("toRegion", "转入地与现所在村（社区）相同。");
        }
        if (reason == null || reason.isBlank() || reason.strip().length() > 200) {
            throw ProblemException.invalidField("reason", "请说明转移原因（不超过 200 个字），例如“迁居至西乡塘区”。");
        }
        Instant now = clock.now();
        if (!store.transfer(row.id(), row.homeRegion(), to, reason.strip(), caller.accountId(), now)) {
            throw ProblemException.conflict("transfer-conflict", "志愿者所在地刚刚发生变化，请刷新后重试。");
        }
        audit.record(new AuditEntry(caller.accountId(), roles(caller), "volunteers.transfer", "volunteer", row.id().toString(),
                AuditEntry.Outcome.SUCCESS, row.homeRegion() + " -> " + to));
        outbox.add(TOPIC, row.id().toString(), "VolunteerTransferred", "volunteer",
                new VolunteerTransferred(row.id(), row.homeRegion(), to, now));
        return transfers(row.id());
    }

    /** The moves of the caller's own record, or (ADMIN covering the current home) of a volunteer's. */
    @Transactional
    List<Transfer> transfersOf(Caller caller, @io.micronaut.core.annotation.Nullable UUID volunteerId) {
        if (volunteerId == null) {
            return transfers(own(caller).id());
        }
        VolunteerRow row = store.byId(volunteerId).orElseThrow(() -> ProblemException.notFound("没有找到该志愿者。"));
        if (!caller.isStaff() || !caller.has(Role.ADMIN) || !caller.covers(row.homeRegion())) {
            throw ProblemException.forbidden("您无权查看该志愿者的转移记录。");
        }
        return transfers(row.id());
    }

    private List<Transfer> transfers(UUID id) {
        Map<String, String> names = new HashMap<>();
        return store.transfers(id).stream().map(t -> new Transfer(t.fromRegion(),
                names.computeIfAbsent(t.fromRegion(), c -> store.regionName(c).orElse(c)), t.toRegion(),
                names.computeIfAbsent(t.toRegion(), c -> store.regionName(c).orElse(c)), t.reason(), t.occurredAt())).toList();
    }

    // ------------------------------------------------------------------ portal sign-in for volunteers

    private static final String LINK_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final String LINK_PURPOSE = "volunteers.portal-link-code";
    private static final java.time.Duration LINK_VALIDITY = java.time.Duration.ofMinutes(10);
    private final java.security.SecureRandom random = new java.security.SecureRandom();

    @io.micronaut.serde.annotation.Serdeable
    record LinkCode(String code, Instant expiresAt) {
    }

    /**
     * The volunteer, signed in with WeChat, asks for a one-time code to link a portal account (a staff-style account
     * with the VOLUNTEER role that an administrator created for them). Valid 10 minutes, usable once; stored hashed.
     */
    @Transactional
    LinkCode portalLinkCode(Caller caller) {
        if (caller.isStaff()) {
            throw ProblemException.forbidden("请在微信小程序中以志愿者本人身份获取关联码。");
        }
        VolunteerRow row = own(caller);
        if (!row.active()) {
            throw ProblemException.conflict("consent-withdrawn", "您已撤回个人信息处理同意，不能关联门户账号。");
        }
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            code.append(LINK_ALPHABET.charAt(random.nextInt(LINK_ALPHABET.length())));
        }
        Instant now = clock.now();
        Instant expires = now.plus(LINK_VALIDITY);
        store.addLinkCode(cipher.blindIndex(code.toString(), LINK_PURPOSE), row.id(), now, expires);
        audit.record(new AuditEntry(caller.accountId(), roles(caller), "volunteers.portal-link.code", "volunteer",
                row.id().toString(), AuditEntry.Outcome.SUCCESS, null));
        return new LinkCode(code.toString(), expires);
    }

    /** A signed-in portal account with the VOLUNTEER role enters the code: from now on its "me" is that record. */
    @Transactional
    VolunteerView linkPortalAccount(Caller caller, String code) {
        if (!caller.isStaff() || !caller.has(Role.VOLUNTEER)) {
            throw ProblemException.forbidden("只有志愿者门户账号可以关联志愿者档案。");
        }
        String normalized = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        Instant now = clock.now();
        Optional<UUID> volunteer = normalized.isEmpty() ? Optional.empty()
                : store.useLinkCode(cipher.blindIndex(normalized, LINK_PURPOSE), caller.accountId(), now);
        if (volunteer.isEmpty()) {
            audit.record(new AuditEntry(caller.accountId(), roles(caller), "volunteers.portal-link", "volunteer", null,
                    AuditEntry.Outcome.DENIED, "invalid or expired code"));
            throw ProblemException.invalidField("code", "关联码无效或已过期，请在微信小程序中重新获取。");
        }
        if (!store.linkPortalAccount(volunteer.get(), caller.accountId())) {
            throw ProblemException.conflict("portal-account-linked", "该门户账号已关联其他志愿者档案。");
        }
        audit.record(new AuditEntry(caller.accountId(), roles(caller), "volunteers.portal-link", "volunteer",
                volunteer.get().toString(), AuditEntry.Outcome.SUCCESS, null));
        return view(store.byId(volunteer.get()).orElseThrow(), true);
    }

    /** The volunteer (from WeChat or the portal) ends the link. */
    @Transactional
    void unlinkPortalAccount(Caller caller) {
        VolunteerRow row = own(caller);
        store.unlinkPortalAccount(row.id());
        audit.record(new AuditEntry(caller.accountId(), roles(caller), "volunteers.portal-unlink", "volunteer",
                row.id().toString(), AuditEntry.Outcome.SUCCESS, null));
    }

    private static String roles(Caller caller) {
        return String.join(",", caller.roles().stream().map(Enum::name).sorted().toList());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
