package cn.nanning.civic.indicators.domain;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Collects facts keyed by region code (at whatever level they were recorded) and sums them up the tree, so each
 * region's figures cover itself and everything under it. Derived per-region facts (a township with a station and a
 * 平安建设 team, a county with a counselling room) are decided on the region's own totals and then summed further up.
 */
public final class Aggregation {

    private final RegionTree tree;
    private final Map<String, AreaFigures> own = new HashMap<>();
    private final Set<String> legalPlaces = new HashSet<>();
    private final Map<String, Population> populations = new HashMap<>();

    public Aggregation(RegionTree tree) {
        this.tree = tree;
    }

    /** Adds to the region the code belongs to (its nearest known ancestor when the division data lacks it). */
    public void count(Counter counter, String code, long amount) {
        RegionTree.Node node = tree.resolve(code);
        if (node != null && amount != 0) {
            own.computeIfAbsent(node.code(), k -> new AreaFigures()).add(counter, amount);
        }
    }

    /** Counts a village/community once; codes that are not a known village are ignored rather than over-claimed. */
    public void countVillage(Counter counter, String code) {
        tree.find(code).filter(node -> node.level() == Level.VILLAGE)
                .ifPresent(node -> own.computeIfAbsent(node.code(), k -> new AreaFigures()).add(counter, 1));
    }

    public void deliveryDays(String code, int days, long requests) {
        RegionTree.Node node = tree.resolve(code);
        if (node != null && requests > 0) {
            AreaFigures figures = own.computeIfAbsent(node.code(), k -> new AreaFigures());
            figures.addDeliveryDays(days, requests);
            figures.add(Counter.DELIVERED, requests);
        }
    }

    /** A public legal service station or point registered at exactly this region. */
    public void legalPlaceAt(String code) {
        tree.find(code).ifPresent(node -> legalPlaces.add(node.code()));
    }

    public void population(String code, Population population) {
        populations.put(code, population);
    }

    /** Every region's totals. */
    public Map<String, AreaFigures> totals() {
        Map<String, AreaFigures> totals = new HashMap<>();
        for (RegionTree.Node node : tree.bottomUp()) {
            AreaFigures total = new AreaFigures();
            AreaFigures mine = own.get(node.code());
            if (mine != null) {
                total.addAll(mine);
            }
            for (RegionTree.Node child : tree.children(node.code())) {
                total.addAll(totals.get(child.code()));
            }
            total.addUnit(node.level(), legalPlaces.contains(node.code()));
            switch (node.level()) {
                case VILLAGE -> total.add(Counter.VILLAGES, 1);
                case TOWNSHIP -> {
                    total.add(Counter.TOWNSHIPS, 1);
                    boolean station = total.get(Counter.STATIONS) > 0;
                    total.add(Counter.TOWNSHIPS_WITH_STATION, station ? 1 : 0);
                    total.add(Counter.TOWNSHIPS_QUALIFIED, station && total.get(Counter.PING_AN_TEAMS) > 0 ? 1 : 0);
                }
                case DISTRICT -> {
                    total.add(Counter.DISTRICTS, 1);
                    long rooms = total.get(Counter.COUNSELLING_ROOMS);
                    total.add(Counter.COUNTIES_WITH_ROOM, rooms > 0 ? 1 : 0);
                    total.add(Counter.COUNTIES_OVER_TWO_ROOMS, rooms > 2 ? 1 : 0);
                }
                case CITY -> { }
            }
            total.population(populations.get(node.code()));
            totals.put(node.code(), total);
        }
        return totals;
    }
}
