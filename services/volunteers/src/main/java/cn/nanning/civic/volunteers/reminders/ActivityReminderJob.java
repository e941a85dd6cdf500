package cn.nanning.civic.volunteers.reminders;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Looks for due activity reminders every minute (configurable); safe with several instances running it. */
@Singleton
@Requires(property = "civic.volunteers.reminders.enabled", notEquals = "false")
class ActivityReminderJob {

    private static final Logger LOG = LoggerFactory.getLogger(ActivityReminderJob.class);

    private final ActivityReminders reminders;

    ActivityReminderJob(ActivityReminders reminders) {
        this.reminders = reminders;
    }

    @Scheduled(fixedDelay = "${civic.volunteers.reminders.interval:1m}", initialDelay = "${civic.volunteers.reminders.initial-delay:30s}")
    void run() {
        try {
            int sent = reminders.sendDue();
            if (sent > 0) {
                LOG.info("Volunteer activity reminders sent: {}", sent);
            }
        } catch (RuntimeException e) {
            LOG.warn("Volunteer activity reminders failed; retrying on the next run", e);
        }
    }
}
