package cn.nanning.civic.portal.indicators;

import java.util.LinkedHashMap;
import java.util.Map;

/** Everything an export holds: the region's indicators, and for each indicator its children's ranking and its trend. */
record ReportData(IndicatorsClient.Board board, Map<String, IndicatorsClient.Ranking> rankings,
                  Map<String, IndicatorsClient.Trend> trends) {

    /** Reads it all from the gateway (one call for the board, two per indicator). */
    static ReportData collect(IndicatorsClient client, String region, String token) {
        IndicatorsClient.Board board = client.board(region, token);
        Map<String, IndicatorsClient.Ranking> rankings = new LinkedHashMap<>();
        Map<String, IndicatorsClient.Trend> trends = new LinkedHashMap<>();
        for (IndicatorsClient.IndicatorValue v : board.indicatorsOrEmpty()) {
            if (!board.childrenOrEmpty().isEmpty()) {
                rankings.put(v.id(), client.ranking(v.id(), board.region().code(), token));
            }
            trends.put(v.id(), client.trend(v.id(), board.region().code(), token));
        }
        return new ReportData(board, rankings, trends);
    }
}
