package cn.nanning.civic.volunteers.statistics;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Rebuilds the village rollup behind the region statistics (default every 10 minutes). */
@Singleton
@Requires(property = "civic.volunteers.statistics.refresh.enabled", notEquals = "false")
class StatisticsRefreshJob {

    private static final Logger LOG = LoggerFactory.getLogger(StatisticsRefreshJob.class);

    private final VolunteerStatistics statistics;

    StatisticsRefreshJob(VolunteerStatistics statistics) {
        this.statistics = statistics;
    }

    @Scheduled(fixedDelay = "${civic.volunteers.statistics.refresh.interval:10m}", initialDelay = "${civic.volunteers.statistics.refresh.initial-delay:20s}")
    void run() {
        try {
            statistics.refresh();
        } catch (RuntimeException e) {
            LOG.warn("Volunteer statistics refresh failed; retrying on the next run", e);
        }
    }
}
