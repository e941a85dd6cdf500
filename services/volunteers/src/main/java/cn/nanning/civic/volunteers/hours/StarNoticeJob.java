package cn.nanning.civic.volunteers.hours;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** Lets star levels whose notice period has ended take effect. */
@Singleton
@Requires(property = "civic.volunteers.star-notice-job.enabled", notEquals = "false")
class StarNoticeJob {

    private final StarNotices notices;

    StarNoticeJob(StarNotices notices) {
        this.notices = notices;
    }

    @Scheduled(fixedDelay = "${civic.volunteers.star-notice-job.interval:5m}", initialDelay = "1m")
    void run() {
        notices.takeEffect();
    }
}
