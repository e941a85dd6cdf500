package cn.nanning.civic.council.councils;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.identity.RegionCodes;
import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.council.CouncilClock;
import cn.nanning.civic.council.Db;
import cn.nanning.civic.kernel.audit.AuditEntry;
import cn.nanning.civic.kernel.audit.AuditLog;
import cn.nanning.civic.kernel.regions.Region;
import cn.nanning.civic.kernel.regions.RegionRepository;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One council per village/community. Only a convener or an administrator whose scope covers the village manages it.
 */
@Singleton
public class Councils {

    private static final int LIST_LIMIT = 500;

    private final Db db;
    private final RegionRepository regions;
    private final AuditLog audit;
    private final CouncilClock clock;

    Councils(Db db, RegionRepository regions, AuditLog audit, CouncilClock clock) {
        this.db = db;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a charter says about the residents' resolution. */
    record Rules(ResolutionBody body, Threshold quorum, Threshold majority) {
    }

    @Transactional
    CouncilViews.CouncilView create(Caller caller, String regionCode, String name, String charter, Rules rules) {
        Region village = regions.findById(regionCode == null ? "" : regionCode.strip())
                .filter(r -> "village".equals(r.level()))
                .orElseThrow(() -> ProblemException.invalidField("regionCode", "议事会须设在行政村（社区），请填写 12 位村（社区）区划代码。"));
        if (!canManage(caller, village.code())) {
            throw ProblemException.forbidden("只有本辖区的议事会召集人或管理员可以设立议事会。");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.now();
        int inserted = db.update("""
                insert into council.council (id, region_code, name, charter, resolution_body, quorum_numerator, quorum_denominator,
                  quorum_comparison, majority_numerator, majority_denominator, majority_comparison, created_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (region_code) do nothing""",
                id, village.code(), name.strip(), charter.strip(), rules.body(), rules.quorum().numerator(), rules.quorum().denominator(),
                rules.quorum().comparison(), rules.majority().numerator(), rules.majority().denominator(), rules.majority().comparison(),
                caller.accountId(), now, now);
        if (inserted == 0) {
            throw ProblemException.conflict("council-exists", "该村（社区）已设立老友议事会。");
        }
        if (caller.has(Role.CONVENER)) {
            addConvenerRow(id, caller.accountId(), caller.displayName() != null ? caller.displayName() : "召集人", caller, now);
        }
        audit.record(new AuditEntry(caller.accountId(), roles(caller), "council.create", "council", id.toString(),
                AuditEntry.Outcome.SUCCESS, village.code()));
        return view(require(id));
    }

    @Transactional
    CouncilViews.CouncilView amendCharter(Caller caller, UUID id, String charter, Rules rules) {
        Council council = requireForUpdate(id);
        requireManager(caller, council, "修改议事规则");
        db.update("""
                update council.council set charter = ?, resolution_body = ?, quorum_numerator = ?, quorum_denominator = ?, quorum_comparison = ?,
                  majority_numerator = ?, majority_denominator = ?, majority_comparison = ?, updated_at = ? where id = ?""",
                charter.strip(), rules.body(), rules.quorum().numerator(), rules.quorum().denominator(), rules.quorum().comparison(),
                rules.majority().numerator(), rules.majority().denominator(), rules.majority().comparison(), clock.now(), id);
        audit.record(new AuditEntry(caller.accountId(), roles(caller), "council.charter.amend", "council", id.toString(),
                AuditEntry.Outcome.SUCCESS, null));
        return view(require(id));
    }

    @Transactional
    CouncilViews.RepresentativeView addRepresentative(Caller caller, UUID councilId, String name, String duty, LocalDate start, LocalDate end) {
        Council council = require(councilId);
        requireManager(caller, council, "登记议事代表");
        if (end.isBefore(start)) {
            throw ProblemException.invalidField("termEnd", "任期结束日期不能早于开始日期。");
        }
        UUID id = UUID.randomUUID();
        db.update("""
                insert into council.council_representative (id, council_id, name, duty, term_start, term_end, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", id, councilId, name.strip(), blankToNull(duty), start, end, caller.accountId(), clock.now());
        return representatives(councilId).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Transactional
    CouncilViews.ConvenerView addConvener(Caller caller, UUID councilId, String accountId, String displayName) {
        Council council = require(councilId);
        requireManager(caller, council, "指定召集人");
        Instant now = clock.now();
        if (!addConvenerRow(councilId, accountId.strip(), displayName.strip(), caller, now)) {
            throw ProblemException.conflict("convener-exists", "该账号已是本议事会的召集人。");
        }
        audit.record(new AuditEntry(caller.accountId(), roles(caller), "council.convener.add", "council", councilId.toString(),
                AuditEntry.Outcome.SUCCESS, "account " + accountId.strip()));
        return new CouncilViews.ConvenerView(accountId.strip(), displayName.strip(), now);
    }

    @Transactional
    void removeConvener(Caller caller, UUID councilId, String accountId) {
        Council council = require(councilId);
        requireManager(caller, council, "撤销召集人");
        if (db.update("delete from council.council_convener where council_id = ? and account_id = ?", councilId, accountId) == 0) {
            throw ProblemException.notFound("该账号不是本议事会的召集人。");
        }
        audit.record(new AuditEntry(caller.accountId(), roles(caller), "council.convener.remove", "council", councilId.toString(),
                AuditEntry.Outcome.SUCCESS, "account " + accountId));
    }

    private boolean addConvenerRow(UUID councilId, String accountId, String displayName, Caller by, Instant at) {
        return db.update("""
                insert into council.council_convener (council_id, account_id, display_name, added_by, added_at)
                values (?, ?, ?, ?, ?) on conflict do nothing""", councilId, accountId, displayName, by.accountId(), at) == 1;
    }

    @Transactional
    public CouncilViews.CouncilView find(UUID id) {
        return view(require(id));
    }

    /** Councils whose village lies in the area (a district, township or village code). */
    @Transactional
    public List<CouncilViews.CouncilSummary> inArea(String area) {
        String prefix = RegionCodes.areaPrefix(area, "region");
        return db.list("""
                select c.id, c.region_code, r.name as region_name, c.name from council.council c
                left join kernel.region r on r.code = c.region_code
                where c.region_code like ? order by c.region_code limit\s""" + LIST_LIMIT,
                rs -> new CouncilViews.CouncilSummary(rs.getObject("id", UUID.class), rs.getString("region_code"),
                        rs.getString("region_name"), rs.getString("name")), prefix + "%");
    }

    /** The public index of councils in an area, each with its district and township names and what it has published. */
    @Transactional
    public List<CouncilViews.PublicListing> publicListing(String area) {
        String prefix = RegionCodes.areaPrefix(area, "region");
        return db.list("""
                select c.id, c.region_code, r.name as region_name, d.name as district_name, t.name as township_name, c.name,
                  (select count(*) from council.topic tp where tp.council_id = c.id and tp.status in ('OPEN', 'ACCEPTED')
                     and tp.moderation = 'VISIBLE') as open_topics,
                  (select count(*) from council.decision dc where dc.council_id = c.id and exists (select 1 from council.decision_step s
                     where s.decision_id = dc.id and s.step = 'RESOLUTION_PUBLISHED')) as resolutions
                from council.council c
                left join kernel.region r on r.code = c.region_code
                left join kernel.region d on d.code = left(c.region_code, 6)
                left join kernel.region t on t.code = left(c.region_code, 9)
                where c.region_code like ? order by c.region_code limit\s""" + LIST_LIMIT,
                rs -> new CouncilViews.PublicListing(rs.getObject("id", UUID.class), rs.getString("region_code"),
                        rs.getString("region_name"), rs.getString("district_name"), rs.getString("township_name"),
                        rs.getString("name"), rs.getLong("open_topics"), rs.getLong("resolutions")), prefix + "%");
    }

    /** The council or 404. */
    @Transactional
    public Council require(UUID id) {
        return db.one("select * from council.council where id = ?", Councils::map, id)
                .orElseThrow(() -> ProblemException.notFound("没有找到该议事会。"));
    }

    /** The council, locked for the rest of the transaction (serialises changes to one council's records). */
    @Transactional
    public Council requireForUpdate(UUID id) {
        return db.one("select * from council.council where id = ? for update", Councils::map, id)
                .orElseThrow(() -> ProblemException.notFound("没有找到该议事会。"));
    }

    /** Conveners and administrators whose scope covers the council's village manage it; everybody else is refused. */
    public void requireManager(Caller caller, Council council, String what) {
        if (!canManage(caller, council.regionCode())) {
            throw ProblemException.forbidden("只有本议事会所在辖区的召集人或管理员可以" + what + "。");
        }
    }

    public static boolean canManage(Caller caller, String regionCode) {
        return caller.isStaff() && (caller.has(Role.CONVENER) || caller.has(Role.ADMIN)) && caller.covers(regionCode);
    }

    @Transactional
    public Optional<String> regionName(String code) {
        return regions.findById(code).map(Region::name);
    }

    @Transactional
    public List<CouncilViews.RepresentativeView> representatives(UUID councilId) {
        LocalDate today = clock.today();
        return db.list("""
                select * from council.council_representative where council_id = ? order by term_end desc, name limit\s""" + LIST_LIMIT,
                rs -> {
                    LocalDate start = Db.date(rs, "term_start");
                    LocalDate end = Db.date(rs, "term_end");
                    return new CouncilViews.RepresentativeView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("duty"),
                            start, end, !today.isBefore(start) && !today.isAfter(end));
                }, councilId);
    }

    @Transactional
    public List<CouncilViews.ConvenerView> conveners(UUID councilId) {
        return db.list("select * from council.council_convener where council_id = ? order by added_at",
                rs -> new CouncilViews.ConvenerView(rs.getString("account_id"), rs.getString("display_name"), Db.instant(rs, "added_at")),
                councilId);
    }

    CouncilViews.CouncilView view(Council c) {
        return new CouncilViews.CouncilView(c.id(), c.regionCode(), regionName(c.regionCode()).orElse(null), c.name(), c.charter(),
                c.resolutionBody().name(), c.resolutionBody().label(), c.quorum(), c.majority(), rulesLabel(c),
                representatives(c.id()), conveners(c.id()), c.createdAt(), c.updatedAt());
    }

    /** "村民代表会议：到会人数不少于应到人数的 2/3 方可表决，赞成票超过到会人数的 1/2 为通过". */
    public static String rulesLabel(Council c) {
        return c.resolutionBody().label() + "：到会人数" + c.quorum().describe("应到人数") + "方可表决，赞成票"
                + c.majority().describe("到会人数") + "为通过";
    }

    static Council map(ResultSet rs) throws SQLException {
        return new Council(rs.getObject("id", UUID.class), rs.getString("region_code"), rs.getString("name"), rs.getString("charter"),
                ResolutionBody.valueOf(rs.getString("resolution_body")),
                new Threshold(rs.getInt("quorum_numerator"), rs.getInt("quorum_denominator"),
                        Threshold.Comparison.valueOf(rs.getString("quorum_comparison"))),
                new Threshold(rs.getInt("majority_numerator"), rs.getInt("majority_denominator"),
                        Threshold.Comparison.valueOf(rs.getString("majority_comparison"))),
                Db.instant(rs, "created_at"), Db.instant(rs, "updated_at"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public static String roles(Caller caller) {
        return String.join(",", caller.roles().stream().map(Enum::name).sorted().toList());
    }
}
