package cn.nanning.civic.common.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.AppenderAttachableImpl;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Hands log events to the attached appenders (standard output) on a thread of its own, which collects what has
 * queued up every {@code drainIntervalMillis} (default 50) instead of being woken for each event, as logback's
 * AsyncAppender is. Every deployable logs an access line per request; waking the writer thread for each was about 15%
 * of the gateway's CPU per forwarded request. Like AsyncAppender the caller never writes to the output itself, so a
 * stalled stdout cannot stall an event loop; unlike it, a line waits up to one interval before it is written.
 *
 * <p>Nothing is dropped: when {@code queueSize} events are waiting, the caller wakes the thread and waits for room.
 * Stopping writes out what is queued. When the JVM exits, a shutdown hook of this appender keeps writing out what
 * comes until the log has been quiet for {@value #QUIET_MILLIS} ms (at most {@value #EXIT_WAIT_MILLIS} ms): other
 * shutdown hooks, the application's among them, still log while they run, so logging is not stopped under them.
 */
public class PeriodicAsyncAppender extends UnsynchronizedAppenderBase<ILoggingEvent> implements AppenderAttachable<ILoggingEvent> {

    private static final int BATCH = 1024;
    static final long QUIET_MILLIS = 200;
    static final long EXIT_WAIT_MILLIS = 5_000;

    private final AppenderAttachableImpl<ILoggingEvent> appenders = new AppenderAttachableImpl<>();
    private int queueSize = 8192;
    private long drainIntervalMillis = 50;
    private BlockingQueue<ILoggingEvent> queue;
    private volatile boolean draining;
    private Thread drainer;
    private Thread atExit;
    /** The events being written; one batch at a time, in order, whichever thread drains (its lock). */
    private final List<ILoggingEvent> batch = new ArrayList<>(BATCH);

    public void setQueueSize(int queueSize) {
        this.queueSize = queueSize;
    }

    public void setDrainIntervalMillis(long drainIntervalMillis) {
        this.drainIntervalMillis = drainIntervalMillis;
    }

    @Override
    public void start() {
        if (queueSize < 1 || drainIntervalMillis < 1) {
            addError("queueSize and drainIntervalMillis must be positive for appender " + getName());
            return;
        }
        if (!appenders.iteratorForAppenders().hasNext()) {
            addError("No appender attached to " + getName());
            return;
        }
        queue = new ArrayBlockingQueue<>(queueSize);
        draining = true;
        drainer = new Thread(this::drainEveryInterval, "log-drainer-" + getName());
        drainer.setDaemon(true);
        drainer.start();
        atExit = new Thread(this::drainUntilQuiet, "log-drainer-" + getName() + "-at-exit");
        Runtime.getRuntime().addShutdownHook(atExit);
        super.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        // The message, thread name and MDC are fixed now: they are read on the drainer's thread later.
        event.prepareForDeferredProcessing();
        if (queue.offer(event)) {
            return;
        }
        LockSupport.unpark(drainer);
        try {
            queue.put(event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            addWarn("Interrupted while waiting for room; one log event written by the caller", e);
            appenders.appendLoopOnAppenders(event);
        }
    }

    private void drainEveryInterval() {
        long interval = TimeUnit.MILLISECONDS.toNanos(drainIntervalMillis);
        while (draining) {
            LockSupport.parkNanos(this, interval);
            drain();
        }
        drain();
    }

    /** Writes out what is queued; how many events that was. */
    private int drain() {
        int written = 0;
        synchronized (batch) {
            while (queue.drainTo(batch, BATCH) > 0) {
                for (ILoggingEvent event : batch) {
                    appenders.appendLoopOnAppenders(event);
                }
                written += batch.size();
                batch.clear();
            }
        }
        return written;
    }

    /** At JVM exit: writes out what comes until nothing has for {@link #QUIET_MILLIS}, or {@link #EXIT_WAIT_MILLIS}. */
    void drainUntilQuiet() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(EXIT_WAIT_MILLIS);
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            if (drain() > 0) {
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS)) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        draining = false;
        LockSupport.unpark(drainer);
        try {
            drainer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // An event appended while this appender was being stopped may have come after the drainer's last batch.
        drain();
        try {
            Runtime.getRuntime().removeShutdownHook(atExit);
        } catch (IllegalStateException exiting) {
            // Stopped from a shutdown hook: the at-exit hook is running or has run.
        }
        appenders.detachAndStopAllAppenders();
    }

    @Override
    public void addAppender(Appender<ILoggingEvent> appender) {
        appenders.addAppender(appender);
    }

    @Override
    public Iterator<Appender<ILoggingEvent>> iteratorForAppenders() {
        return appenders.iteratorForAppenders();
    }

    @Override
    public Appender<ILoggingEvent> getAppender(String name) {
        return appenders.getAppender(name);
    }

    @Override
    public boolean isAttached(Appender<ILoggingEvent> appender) {
        return appenders.isAttached(appender);
    }

    @Override
    public void detachAndStopAllAppenders() {
        appenders.detachAndStopAllAppenders();
    }

    @Override
    public boolean detachAppender(Appender<ILoggingEvent> appender) {
        return appenders.detachAppender(appender);
    }

    @Override
    public boolean detachAppender(String name) {
        return appenders.detachAppender(name);
    }
}
