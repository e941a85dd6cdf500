package cn.nanning.civic.common.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodicAsyncAppenderTest {

    private final LoggerContext context = new LoggerContext();
    private final ListAppender<ILoggingEvent> written = new ListAppender<>();
    private PeriodicAsyncAppender appender;

    private void start(int queueSize, long drainIntervalMillis) {
        context.setMDCAdapter(new LogbackMDCAdapter());
        written.setContext(context);
        written.start();
        appender = new PeriodicAsyncAppender();
        appender.setContext(context);
        appender.setName("test");
        appender.setQueueSize(queueSize);
        appender.setDrainIntervalMillis(drainIntervalMillis);
        appender.addAppender(written);
        appender.start();
        assertThat(appender.isStarted()).as(context.getStatusManager().getCopyOfStatusList().toString()).isTrue();
    }

    @AfterEach
    void stop() {
        appender.stop();
    }

    private void log(String message) {
        appender.doAppend(new LoggingEvent("test", context.getLogger("civic.access"), Level.INFO, message, null, null));
    }

    private List<String> messages() {
        synchronized (written.list) {
            return written.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    private void awaitMessages(int count) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (messages().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    @Test
    void eventsWaitForTheNextDrainAndThenArriveInOrderWithTheirThreadName() throws InterruptedException {
        start(100, 300);
        for (int i = 0; i < 20; i++) {
            log("line " + i);
        }
        assertThat(messages()).as("nothing is handed over event by event").isEmpty();

        awaitMessages(20);

        assertThat(messages()).hasSize(20).first().isEqualTo("line 0");
        assertThat(messages()).last().isEqualTo("line 19");
        assertThat(written.list.getFirst().getThreadName()).isEqualTo(Thread.currentThread().getName());
    }

    @Test
    void aFullQueueMakesTheCallerWaitForRoomInsteadOfDroppingLines() throws InterruptedException {
        // A drain interval far longer than the test: only the full queue can get the lines written.
        start(4, 60_000);
        for (int i = 0; i < 50; i++) {
            log("line " + i);
        }
        awaitMessages(46);
        assertThat(messages()).hasSizeGreaterThanOrEqualTo(46).startsWith("line 0", "line 1", "line 2");
    }

    @Test
    void stoppingWritesOutWhatIsQueued() {
        start(100, 60_000);
        log("first");
        log("last");

        appender.stop();

        assertThat(messages()).containsExactly("first", "last");
    }

    @Test
    void atExitLinesKeepBeingWrittenWhileOthersStillLogAndTheHookEndsOnceItIsQuiet() throws InterruptedException {
        // The drainer would not come round within the test: only the at-exit drain writes.
        start(1000, 60_000);
        Thread stillLogging = new Thread(() -> {
            for (int i = 0; i < 10; i++) {
                log("shutting down " + i);
                try {
                    Thread.sleep(30);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        stillLogging.start();

        long started = System.nanoTime();
        appender.drainUntilQuiet();
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        stillLogging.join();

        assertThat(messages()).hasSize(10).first().isEqualTo("shutting down 0");
        assertThat(tookMillis).isBetween(270L + PeriodicAsyncAppender.QUIET_MILLIS - 50, PeriodicAsyncAppender.EXIT_WAIT_MILLIS);
    }
}
