package cn.nanning.civic.appointments.reminders;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Looks for due reminders every minute (configurable); safe with several instances running it. */
@Singleton
@Requires(property = "civic.appointments.reminders.enabled", notEquals = "false")
class ReminderJob {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderJob.class);

    private final Reminders reminders;

    ReminderJob(Reminders reminders) {
        this.reminders = reminders;
    }

    @Scheduled(fixedDelay = "${civic.appointments.reminders.interval:1m}", initialDelay = "${civic.appointments.reminders.initial-delay:30s}")
    void run() {
        try {
            int sent = reminders.sendDue();
            if (sent > 0) {
                LOG.info("Appointment reminders sent: {}", sent);
            }
        } catch (RuntimeException e) {
            // The next run retries; nothing was half-sent (one transaction).
            LOG.warn("Appointment reminders failed; retrying on the next run", e);
        }
    }
}
