package cn.nanning.civic.volunteers.registration;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives records registered before the administrators' search existed their name and masked-ID keyed hashes, a batch
 * per transaction until none is left. New registrations get them when they are made.
 */
@Singleton
@Requires(property = "civic.volunteers.search-backfill.enabled", notEquals = "false")
class SearchIndexBackfillJob {

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexBackfillJob.class);
    private static final int BATCH = 1000;

    private final Volunteers volunteers;

    SearchIndexBackfillJob(Volunteers volunteers) {
        this.volunteers = volunteers;
    }

    @Scheduled(fixedDelay = "${civic.volunteers.search-backfill.interval:10m}", initialDelay = "${civic.volunteers.search-backfill.initial-delay:15s}")
    void run() {
        try {
            int total = 0;
            int filled;
            do {
                filled = volunteers.backfillSearchIndexes(BATCH);
                total += filled;
            } while (filled == BATCH);
            if (total > 0) {
                LOG.info("Search indexes filled for {} earlier volunteer records", total);
            }
        } catch (RuntimeException e) {
            LOG.warn("Volunteer search index backfill failed; retrying on the next run", e);
        }
    }
}
