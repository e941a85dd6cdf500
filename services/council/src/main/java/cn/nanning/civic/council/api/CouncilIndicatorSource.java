package cn.nanning.civic.council.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * What the council module publishes for the city plan's indicator 6 (议事协商载体 and 四议两公开): which
 * villages/communities qualify, read from the module's own tables. Nothing here is personal.
 */
public interface CouncilIndicatorSource {

    /**
     * @param today the day on which a representative's term must run for the council to count as staffed
     * @param from  start of the period (inclusive) in which a decision's implementation result must have been published
     * @param to    end of the period (exclusive)
     */
    CouncilFigures figures(LocalDate today, Instant from, Instant to);

    /**
     * @param villagesWithCouncil         villages/communities with a 老友议事会 that has at least one representative in term
     * @param villagesWithCompletedDecision villages/communities with at least one major matter that went through all of
     *                                    四议两公开 (four votes passed, resolution published, implementation result
     *                                    published), the result published in the period
     */
    record CouncilFigures(Set<String> villagesWithCouncil, Set<String> villagesWithCompletedDecision) {
    }
}
