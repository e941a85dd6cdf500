package cn.nanning.civic.indicators.refresh;

import cn.nanning.civic.indicators.IndicatorsClock;
import cn.nanning.civic.indicators.domain.AreaFigures;
import cn.nanning.civic.indicators.domain.Evaluation;
import cn.nanning.civic.indicators.domain.Measurement;
import cn.nanning.civic.indicators.domain.RegionTree;
import cn.nanning.civic.indicators.store.IndicatorStore;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Recomputes every indicator of every region (city, 12 districts, 138 townships, 1,856 villages) from the modules'
 * figures and stores them with the month's snapshot. One refresh at a time in this process; across instances a
 * later refresh simply overwrites an earlier one with newer figures.
 */
@Singleton
public class Refresher {

    private static final Logger LOG = LoggerFactory.getLogger(Refresher.class);

    private final FigureCollector collector;
    private final IndicatorStore store;
    private final IndicatorsClock clock;
    private final ReentrantLock running = new ReentrantLock();
    private volatile RegionTree tree;

    Refresher(FigureCollector collector, IndicatorStore store, IndicatorsClock clock) {
        this.collector = collector;
        this.store = store;
        this.clock = clock;
    }

    /** The divisions (fixed while the services run). */
    public RegionTree tree() {
        RegionTree t = tree;
        if (t == null || t.size() == 0) {
            t = new RegionTree(store.regions());
            tree = t;
        }
        return t;
    }

    /** Computes and stores everything now; returns the run. */
    public IndicatorStore.Run refresh() {
        running.lock();
        try {
            long started = System.nanoTime();
            Instant now = clock.now();
            Period period = Period.endingAt(now);
            RegionTree regions = tree();
            FigureCollector.Collected collected = collector.collect(regions, period);
            Map<String, AreaFigures> totals = collected.aggregation().totals();
            List<Measurement> all = new ArrayList<>(totals.size() * 16);
            for (RegionTree.Node node : regions.bottomUp()) {
                all.addAll(Evaluation.all(node, totals.get(node.code())));
            }
            int millis = (int) Duration.ofNanos(System.nanoTime() - started).toMillis();
            IndicatorStore.Run run = new IndicatorStore.Run(now, period.fromDate(), period.today(), collected.volunteersAsOf(), millis);
            store.save(all, run, YearMonth.from(period.today()));
            LOG.info("Plan indicators refreshed: {} values for {} regions in {} ms (stored in {} ms)", all.size(), totals.size(), millis,
                    Duration.ofNanos(System.nanoTime() - started).toMillis() - millis);
            return run;
        } finally {
            running.unlock();
        }
    }

    /** The last run, refreshing first when there has never been one (a new installation). */
    public IndicatorStore.Run lastOrRefresh() {
        return store.lastRun().orElseGet(this::refresh);
    }
}
