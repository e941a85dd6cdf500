package cn.nanning.civic.council.statistics;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.identity.RegionCodes;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.council.CouncilClock;
import cn.nanning.civic.council.Db;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Figures per area for the plan's indicator. A council counts as active when it has a representative in term and
 * something happened in the last 12 months (a topic proposed or a decision step recorded).
 */
@Controller("/api/v1/council/statistics")
@Secured({"ADMIN", "CONVENER", "AUDITOR"})
@Tag(name = "council-statistics", description = "议事会统计：议事会、议题、决议数量及村（社区）议事会活跃覆盖率")
class CouncilStatistics {

    private final Db db;
    private final CouncilClock clock;

    CouncilStatistics(Db db, CouncilClock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Serdeable
    record Figures(String region, long villages, long councils, long activeCouncils, BigDecimal activeShare, long topics,
                   long openTopics, long decisions, long publishedResolutions, long implementedResolutions) {
    }

    @Get
    @Operation(summary = "议事会统计", description = "本人辖区内某区域的统计数据。")
    @Transactional
    Figures of(@QueryValue String region, Authentication authentication) {
        String prefix = RegionCodes.areaPrefix(region, "region");
        Caller caller = Caller.from(authentication);
        if (!caller.isStaff() || !caller.covers(region.strip())) {
            throw ProblemException.forbidden("只能查看本辖区的议事会统计。");
        }
        String like = prefix + "%";
        long villages = db.count("select count(*) from kernel.region where level = 'village' and code like ?", like);
        long councils = db.count("select count(*) from council.council where region_code like ?", like);
        long active = db.count("""
                select count(*) from council.council c where c.region_code like ?
                and exists (select 1 from council.council_representative r where r.council_id = c.id and ? between r.term_start and r.term_end)
                and (exists (select 1 from council.topic t where t.council_id = c.id and t.created_at > ?)
                  or exists (select 1 from council.decision d join council.decision_step s on s.decision_id = d.id
                             where d.council_id = c.id and s.recorded_at > ?))""",
                like, clock.today(), clock.now().minusSeconds(365L * 24 * 3600), clock.now().minusSeconds(365L * 24 * 3600));
        long topics = db.count("""
                select count(*) from council.topic t join council.council c on c.id = t.council_id
                where c.region_code like ? and t.moderation <> 'HIDDEN'""", like);
        long open = db.count("""
                select count(*) from council.topic t join council.council c on c.id = t.council_id
                where c.region_code like ? and t.status in ('OPEN', 'ACCEPTED') and t.moderation = 'VISIBLE'""", like);
        long decisions = db.count("select count(*) from council.decision d join council.council c on c.id = d.council_id where c.region_code like ?", like);
        long published = db.count("""
                select count(distinct d.id) from council.decision d join council.council c on c.id = d.council_id
                join council.decision_step s on s.decision_id = d.id and s.step = 'RESOLUTION_PUBLISHED' where c.region_code like ?""", like);
        long done = db.count("""
                select count(*) from council.decision d join council.council c on c.id = d.council_id
                where c.region_code like ? and d.status = 'DONE'""", like);
        BigDecimal share = villages == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(active).divide(BigDecimal.valueOf(villages), 4, RoundingMode.HALF_UP);
        return new Figures(region.strip(), villages, councils, active, share, topics, open, decisions, published, done);
    }
}
