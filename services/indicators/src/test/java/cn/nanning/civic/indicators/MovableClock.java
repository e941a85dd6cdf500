package cn.nanning.civic.indicators;

import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;

import java.time.Instant;

/** The module's clock for tests: real time unless a test stands it at a moment (e.g. last month). */
@Singleton
@Replaces(IndicatorsClock.class)
public class MovableClock extends IndicatorsClock {

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
