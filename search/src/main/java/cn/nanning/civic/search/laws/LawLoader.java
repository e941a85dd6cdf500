package cn.nanning.civic.search.laws;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * Loads laws.jsonl.gz into the article and law indices with the bulk API. Document ids are derived from the law id
 * (and the article's position in it), so loading again overwrites instead of duplicating.
 */
public final class LawLoader {

    public static final String FILE_NAME = "laws.jsonl.gz";
    private static final int BATCH = 2_000;
    private static final int PROGRESS_EVERY = 250;

    private final ElasticsearchClient client;
    private final String articlesIndex;
    private final String lawsIndex;
    private final PrintStream progress;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final List<BulkOperation> pending = new ArrayList<>();

    public LawLoader(ElasticsearchClient client, String articlesIndex, String lawsIndex, PrintStream progress) {
        this.client = client;
        this.articlesIndex = articlesIndex;
        this.lawsIndex = lawsIndex;
        this.progress = progress;
    }

    public record Result(int laws, int articles, long millis) {
    }

    static String articleId(String lawId, int ordinal) {
        return lawId + "-" + ordinal;
    }

    public Result load(Path file, Predicate<LawRecord> include) throws IOException {
        return load(file, line -> true, include);
    }

    /** Loads the laws that pass both tests; the cheap one on the raw line saves parsing laws that are skipped anyway. */
    public Result load(Path file, Predicate<String> line, Predicate<LawRecord> include) throws IOException {
        long started = System.nanoTime();
        if (LawIndices.ensure(client, articlesIndex, lawsIndex)) {
            progress.printf("Created indices %s and %s%n", articlesIndex, lawsIndex);
        }
        int laws = 0;
        int articles = 0;
        try (InputStream raw = Files.newInputStream(file);
             BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8))) {
            String text;
            while ((text = lines.readLine()) != null) {
                if (text.isBlank() || !line.test(text)) {
                    continue;
                }
                LawRecord law = json.readValue(text, LawRecord.class);
                if (!include.test(law)) {
                    continue;
                }
                articles += add(law);
                laws++;
                if (laws % PROGRESS_EVERY == 0) {
                    progress.printf("  %,d laws, %,d articles (%d s)%n", laws, articles, (System.nanoTime() - started) / 1_000_000_000L);
                }
            }
        }
        flush();
        client.indices().refresh(r -> r.index(articlesIndex, lawsIndex));
        long millis = (System.nanoTime() - started) / 1_000_000L;
        progress.printf("Loaded %,d laws and %,d articles into %s / %s in %.1f s%n", laws, articles, lawsIndex, articlesIndex, millis / 1000.0);
        return new Result(laws, articles, millis);
    }

    private int add(LawRecord law) throws IOException {
        List<LawRecord.Article> articles = law.articles() == null ? List.of() : law.articles();
        String status = law.normalizedStatus();
        LinkedHashSet<String> chapters = new LinkedHashSet<>();
        for (int i = 0; i < articles.size(); i++) {
            LawRecord.Article article = articles.get(i);
            Map<String, Object> doc = common(law, status);
            doc.put("chapter", article.chapter());
            doc.put("no", article.no());
            doc.put("ordinal", i + 1);
            doc.put("text", article.text());
            if (article.chapter() != null && !article.chapter().isBlank()) {
                chapters.add(article.chapter());
            }
            String id = articleId(law.id(), i + 1);
            pending.add(BulkOperation.of(op -> op.index(ix -> ix.index(articlesIndex).id(id).document(doc))));
        }
        Map<String, Object> lawDoc = common(law, status);
        lawDoc.put("history", law.history() == null ? List.of() : law.history());
        lawDoc.put("chapters", List.copyOf(chapters));
        lawDoc.put("articleCount", articles.size());
        pending.add(BulkOperation.of(op -> op.index(ix -> ix.index(lawsIndex).id(law.id()).document(lawDoc))));
        if (pending.size() >= BATCH) {
            flush();
        }
        return articles.size();
    }

    private static Map<String, Object> common(LawRecord law, String status) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("lawId", law.id());
        doc.put("title", law.title());
        doc.put("category", law.category());
        doc.put("subcategory", law.subcategory());
        doc.put("region", law.region());
        doc.put("issuer", law.issuer());
        doc.put("promulgated", law.promulgated());
        doc.put("effective", law.effective());
        doc.put("status", status);
        return doc;
    }

    private void flush() throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        BulkResponse response = client.bulk(b -> b.operations(pending));
        pending.clear();
        if (response.errors()) {
            List<String> reasons = new ArrayList<>();
            for (BulkResponseItem item : response.items()) {
                if (item.error() != null && reasons.size() < 5) {
                    reasons.add(item.id() + ": " + item.error().reason());
                }
            }
            throw new IOException("bulk indexing failed for some documents, e.g. " + reasons);
        }
    }
}
