package cn.nanning.civic.indicators.domain;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** Everything counted inside one region (itself and all regions under it). */
public final class AreaFigures {

    private final long[] counts = new long[Counter.values().length];
    private final long[] units = new long[Level.values().length];
    private final long[] unitsWithLegalPlace = new long[Level.values().length];
    private final TreeMap<Integer, Long> deliveryDays = new TreeMap<>();
    private Population population;

    public long get(Counter counter) {
        return counts[counter.ordinal()];
    }

    void add(Counter counter, long amount) {
        counts[counter.ordinal()] += amount;
    }

    /** Regions of a level inside the area (the area itself included). */
    public long units(Level level) {
        return units[level.ordinal()];
    }

    /** Of those, regions with a public legal service station or point registered at that very region. */
    public long unitsWithLegalPlace(Level level) {
        return unitsWithLegalPlace[level.ordinal()];
    }

    void addUnit(Level level, boolean legalPlace) {
        units[level.ordinal()]++;
        if (legalPlace) {
            unitsWithLegalPlace[level.ordinal()]++;
        }
    }

    void addDeliveryDays(int days, long requests) {
        deliveryDays.merge(days, requests, Long::sum);
    }

    void addAll(AreaFigures child) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += child.counts[i];
        }
        for (int i = 0; i < units.length; i++) {
            units[i] += child.units[i];
            unitsWithLegalPlace[i] += child.unitsWithLegalPlace[i];
        }
        child.deliveryDays.forEach(this::addDeliveryDays);
    }

    void population(@Nullable Population population) {
        this.population = population;
    }

    @Nullable
    public Population population() {
        return population;
    }

    /** The median of the days from 委托 to 送达 of the requests delivered, or null when none were. */
    @Nullable
    public BigDecimal medianDeliveryDays() {
        long total = deliveryDays.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        // The ⌈n/2⌉-th and (⌊n/2⌋+1)-th smallest values (1-based); equal when n is odd.
        long lowRank = (total + 1) / 2;
        long highRank = total / 2 + 1;
        Integer low = null;
        Integer high = null;
        long seen = 0;
        for (Map.Entry<Integer, Long> bucket : deliveryDays.entrySet()) {
            seen += bucket.getValue();
            if (low == null && seen >= lowRank) {
                low = bucket.getKey();
            }
            if (seen >= highRank) {
                high = bucket.getKey();
                break;
            }
        }
        return BigDecimal.valueOf(low + high).divide(BigDecimal.valueOf(2));
    }
}
