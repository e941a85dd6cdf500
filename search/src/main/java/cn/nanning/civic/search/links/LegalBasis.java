package cn.nanning.civic.search.links;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the law titles a catalogue item's legal basis cites, e.g. "《中华人民共和国社会保险法》第四十五条；《工伤保险条例》". */
final class LegalBasis {

    private static final Pattern TITLE = Pattern.compile("《([^《》]{2,80})》");

    private LegalBasis() {
    }

    static List<String> titles(String legalBasis) {
        if (legalBasis == null) {
            return List.of();
        }
        LinkedHashSet<String> titles = new LinkedHashSet<>();
        Matcher m = TITLE.matcher(legalBasis);
        while (m.find()) {
            titles.add(m.group(1).strip());
        }
        return List.copyOf(titles);
    }
}
