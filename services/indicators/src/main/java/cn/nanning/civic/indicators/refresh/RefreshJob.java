package cn.nanning.civic.indicators.refresh;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Recomputes the plan indicators and the month's snapshot (default every 10 minutes). */
@Singleton
@Requires(property = "civic.indicators.refresh.enabled", notEquals = "false")
class RefreshJob {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshJob.class);

    private final Refresher refresher;

    RefreshJob(Refresher refresher) {
        this.refresher = refresher;
    }

    @Scheduled(fixedDelay = "${civic.indicators.refresh.interval:10m}", initialDelay = "${civic.indicators.refresh.initial-delay:45s}")
    void run() {
        try {
            refresher.refresh();
        } catch (RuntimeException e) {
            LOG.warn("Plan indicator refresh failed; retrying on the next run", e);
        }
    }
}
