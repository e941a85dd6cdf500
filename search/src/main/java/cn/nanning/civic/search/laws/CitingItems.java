package cn.nanning.civic.search.laws;

import java.util.List;
import java.util.Map;

/**
 * The live catalogue items whose legal basis cites an article (by the article's law title and number, as the
 * catalogue's legal-basis links resolve them). Implemented where the catalogue is known, so that law search does not
 * depend on it.
 */
public interface CitingItems {

    /** An article as the catalogue cites it. */
    record Cited(String articleId, String title, String no) {
    }

    /** A catalogue item: its code and name. */
    record Item(String code, String name) {
    }

    /** For each article id, the items citing it (code order); articles nobody cites are left out. One query for all. */
    Map<String, List<Item>> citing(List<Cited> articles);
}
