package cn.nanning.civic.volunteers;

import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;

import java.time.Instant;

/** The module's clock for tests: real time unless a test stands it at a moment (e.g. during an activity). */
@Singleton
@Replaces(VolunteersClock.class)
public class MovableClock extends VolunteersClock {

    private volatile Instant fixed;

    public void standAt(Instant moment) {
        fixed = moment;
    }

    public void release() {
        fixed = null;
    }

    @Override
    public Instant now() {
        Instant at = fixed;
        return at != null ? at : super.now();
    }
}
