package cn.nanning.civic.appointments.retention;

import cn.nanning.civic.appointments.calendar.AppointmentClock;
import cn.nanning.civic.appointments.legalaid.ApplicationDocuments;
import cn.nanning.civic.kernel.audit.AuditEntry;
import cn.nanning.civic.kernel.audit.AuditLog;
import io.micronaut.context.annotation.Value;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;

/**
 * Records retention: closed bookings, psychology records and legal-aid applications older than the retention period
 * ({@code civic.appointments.retention.days}) are anonymised in batches, each record audited.
 */
@Singleton
public class Retention {

    static final int BATCH = 200;
    /** One run stops after this many records so it never holds the job for long; the next run continues. */
    static final int MAX_PER_RUN = 20_000;

    private final Anonymiser anonymiser;
    private final ApplicationDocuments documents;
    private final AppointmentClock clock;
    private final AuditLog audit;
    private final int days;

    Retention(Anonymiser anonymiser, ApplicationDocuments documents, AppointmentClock clock, AuditLog audit,
              @Value("${civic.appointments.retention.days:1095}") int days) {
        if (days < 30) {
            throw new IllegalStateException("civic.appointments.retention.days must be at least 30, was " + days);
        }
        this.anonymiser = anonymiser;
        this.documents = documents;
        this.clock = clock;
        this.audit = audit;
        this.days = days;
    }

    @Serdeable
    public record Result(String cutoff, int retentionDays, int bookings, int applications, int documents, int referralsAndWaitlist) {
    }

    public Result run(String actor) {
        Instant cutoff = clock.now().minus(Duration.ofDays(days));
        int bookings = 0;
        while (bookings < MAX_PER_RUN) {
            int n = anonymiser.bookings(cutoff, BATCH, actor);
            bookings += n;
            if (n < BATCH) {
                break;
            }
        }
        int applications = 0;
        int files = 0;
        while (applications < MAX_PER_RUN) {
            Anonymiser.Batch batch = anonymiser.applications(cutoff, BATCH, actor);
            // Committed: now the files can go for good.
            documents.deleteFiles(batch.documentIds());
            applications += batch.count();
            files += batch.documentIds().size();
            if (batch.count() < BATCH) {
                break;
            }
        }
        int other = anonymiser.referralsAndWaitlist(cutoff, cutoff.atZone(AppointmentClock.NANNING).toLocalDate(), actor);
        Result result = new Result(cutoff.toString(), days, bookings, applications, files, other);
        audit.record(new AuditEntry(actor, null, "appointments.retention.run", "appointments", null, AuditEntry.Outcome.SUCCESS,
                result.toString()));
        return result;
    }
}
