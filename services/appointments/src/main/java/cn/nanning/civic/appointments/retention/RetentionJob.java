package cn.nanning.civic.appointments.retention;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs retention every few hours (configurable); safe with several instances (rows are claimed with SKIP LOCKED). */
@Singleton
@Requires(property = "civic.appointments.retention.enabled", notEquals = "false")
class RetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final Retention retention;

    RetentionJob(Retention retention) {
        this.retention = retention;
    }

    @Scheduled(fixedDelay = "${civic.appointments.retention.interval:6h}", initialDelay = "${civic.appointments.retention.initial-delay:10m}")
    void run() {
        try {
            Retention.Result result = retention.run("system:retention");
            if (result.bookings() + result.applications() + result.referralsAndWaitlist() > 0) {
                LOG.info("Appointments retention: {}", result);
            }
        } catch (RuntimeException e) {
            // Each batch is its own transaction; the next run carries on where this one stopped.
            LOG.warn("Appointments retention failed; retrying on the next run", e);
        }
    }
}
