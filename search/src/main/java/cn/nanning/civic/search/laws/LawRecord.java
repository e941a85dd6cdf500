package cn.nanning.civic.search.laws;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** One line of laws.jsonl.gz: a law (one version of it) with its articles in order. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LawRecord(String id, String title, String category, String subcategory, String region, String issuer,
                 String promulgated, String effective, String status, List<String> history, List<Article> articles) {

    /** The corpus marks every older version of a title 历史版本; everything else is the version in force. */
    static final String HISTORICAL_LABEL = "历史版本";

    String normalizedStatus() {
        return HISTORICAL_LABEL.equals(status) ? LawStatus.HISTORICAL : LawStatus.CURRENT;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Article(String no, String chapter, String text) {
    }
}
