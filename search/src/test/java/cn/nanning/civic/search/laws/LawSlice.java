package cn.nanning.civic.search.laws;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A few laws from the real corpus, loaded into indices named for one test run so tests stay fast and apart. */
public final class LawSlice {

    /** Two labour laws, and two titles that come in a current and historical versions (7 laws in all). */
    public static final Set<String> TITLES = Set.of(
            "中华人民共和国劳动合同法",
            "中华人民共和国劳动法",
            "上海市住宅物业管理规定",
            "最高人民法院关于审理人身损害赔偿案件适用法律若干问题的解释");

    public static final int LAWS = 7;

    private LawSlice() {
    }

    public static String articlesIndex(String purpose) {
        return "law-articles-test-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String lawsIndex(String articlesIndex) {
        return articlesIndex.replace("law-articles-", "laws-");
    }

    public static Path dataDir() {
        String configured = System.getenv("CIVIC_DATA_DIR");
        return Path.of(configured == null || configured.isBlank() ? "../../shared/data" : configured);
    }

    public static LawLoader.Result load(ElasticsearchClient client, String articlesIndex) throws IOException {
        return new LawLoader(client, articlesIndex, lawsIndex(articlesIndex), new PrintStream(OutputStream.nullOutputStream()))
                .load(dataDir().resolve(LawLoader.FILE_NAME), line -> TITLES.stream().anyMatch(line::contains),
                        law -> TITLES.contains(law.title()));
    }

    /** The id of the version in force of a title in the slice. */
    public static String currentLawId(ElasticsearchClient client, String articlesIndex, String title) throws IOException {
        return client.search(s -> s.index(articlesIndex).size(1)
                        .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("title.keyword").value(title)))
                                .filter(f -> f.term(t -> t.field("status").value(LawStatus.CURRENT))))),
                Map.class).hits().hits().getFirst().source().get("lawId").toString();
    }

    public static void drop(ElasticsearchClient client, String articlesIndex) throws IOException {
        client.indices().delete(d -> d.index(articlesIndex, lawsIndex(articlesIndex)).ignoreUnavailable(true));
    }
}
