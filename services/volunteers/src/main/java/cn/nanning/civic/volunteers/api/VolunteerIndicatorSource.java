package cn.nanning.civic.volunteers.api;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Map;

/**
 * What the volunteers module publishes for the city plan's indicators 7, 8 and 9: counts per village or township and
 * the resident population figures administrators loaded (never invented: a region without a loaded figure, and
 * without figures for all of its children, is simply absent). Nothing here is personal.
 */
public interface VolunteerIndicatorSource {

    /** Brings the module's statistics rollup up to date (incrementally), then reads the figures. */
    VolunteerFigures figures();

    /**
     * @param registeredByVillage    active real-name registered volunteers by home village/community (from the rollup)
     * @param registeredAsOf         when the rollup was last brought up to date (null before its first run)
     * @param stationsByTownship     volunteer service stations (志愿服务站) by township/street
     * @param pingAnTeamsByTownship  平安建设 volunteer teams by township/street
     * @param patrolMembersByTownship distinct active volunteers with an approved place (member or leader) in a patrol
     *                                team (平安巡防队), by the team's township/street
     * @param populations            resident population by region code (any level): the region's own latest figure, or
     *                               the sum of its children's when every child has one
     */
    record VolunteerFigures(Map<String, Long> registeredByVillage, @Nullable Instant registeredAsOf,
                            Map<String, Long> stationsByTownship, Map<String, Long> pingAnTeamsByTownship,
                            Map<String, Long> patrolMembersByTownship, Map<String, Population> populations) {
    }

    /** A resident population figure with the year and the source (e.g. a census bulletin) it was loaded from. */
    record Population(long people, @Nullable Integer year, @Nullable String source) {
    }
}
