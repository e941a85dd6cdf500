package cn.nanning.civic.search.links;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a catalogue item's legal basis cites, e.g. "《中华人民共和国社会保险法》第四十五条、第四十六条；《工伤保险条例》":
 * law titles, and the article numbers written after each title (up to the next title).
 */
final class LegalBasis {

    private static final Pattern TITLE = Pattern.compile("《([^《》]{2,80})》");
    /** An article number as the corpus writes it ("第七十七条"); a 款 or 项 after it still points to the article. */
    private static final Pattern ARTICLE = Pattern.compile("第[零〇一二三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?");

    private LegalBasis() {
    }

    /** One cited law and the article numbers cited from it (empty when the whole law is cited). */
    record Citation(String title, List<String> articles) {
    }

    static List<String> titles(String legalBasis) {
        return citations(legalBasis).stream().map(Citation::title).toList();
    }

    static List<Citation> citations(String legalBasis) {
        if (legalBasis == null) {
            return List.of();
        }
        Map<String, LinkedHashSet<String>> byTitle = new LinkedHashMap<>();
        Matcher m = TITLE.matcher(legalBasis);
        List<int[]> spans = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
            names.add(m.group(1).strip());
        }
        for (int i = 0; i < names.size(); i++) {
            LinkedHashSet<String> articles = byTitle.computeIfAbsent(names.get(i), t -> new LinkedHashSet<>());
            int end = i + 1 < spans.size() ? spans.get(i + 1)[0] : legalBasis.length();
            Matcher article = ARTICLE.matcher(legalBasis.substring(spans.get(i)[1], end));
            while (article.find()) {
                articles.add(article.group());
            }
        }
        List<Citation> citations = new ArrayList<>();
        byTitle.forEach((title, articles) -> citations.add(new Citation(title, List.copyOf(articles))));
        return citations;
    }

    /** Whether the legal basis cites this article of this law. */
    static boolean cites(String legalBasis, String title, String articleNo) {
        return citations(legalBasis).stream().anyMatch(c -> c.title().equals(title) && c.articles().contains(articleNo));
    }
}
