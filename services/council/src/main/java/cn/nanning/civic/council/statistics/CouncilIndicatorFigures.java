package cn.nanning.civic.council.statistics;

import cn.nanning.civic.council.Db;
import cn.nanning.civic.council.api.CouncilIndicatorSource;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/** The council module's figures for the plan indicators: villages with a staffed council, and with a completed 四议两公开. */
@Singleton
class CouncilIndicatorFigures implements CouncilIndicatorSource {

    private final Db db;

    CouncilIndicatorFigures(Db db) {
        this.db = db;
    }

    @Override
    @Transactional(readOnly = true)
    public CouncilFigures figures(LocalDate today, Instant from, Instant to) {
        Set<String> staffed = new HashSet<>(db.list("""
                select c.region_code from council.council c
                where exists (select 1 from council.council_representative r
                              where r.council_id = c.id and ? between r.term_start and r.term_end)""",
                rs -> rs.getString(1), today));
        // A decision whose implementation result is public has passed all four votes and published its resolution:
        // the procedure only lets the steps happen in that order (decisions.Procedure).
        Set<String> completed = new HashSet<>(db.list("""
                select distinct c.region_code from council.council c
                join council.decision d on d.council_id = c.id
                join council.decision_step s on s.decision_id = d.id
                where s.step = 'RESULT_PUBLISHED' and s.outcome = 'PUBLISHED' and s.recorded_at >= ? and s.recorded_at < ?""",
                rs -> rs.getString(1), from, to));
        return new CouncilFigures(staffed, completed);
    }
}
