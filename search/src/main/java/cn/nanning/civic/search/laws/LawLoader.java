package cn.nanning.civic.search.laws;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import cn.nanning.civic.search.semantic.VectorCache;
import cn.nanning.civic.search.semantic.SentenceEmbeddings;
import io.micronaut.core.annotation.Nullable;
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
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * Loads laws.jsonl.gz into the article and law indices with the bulk API. Document ids are derived from the law id
 * (and the article's position in it), so loading again overwrites instead of duplicating. With a vector source, the
 * articles of laws that apply in Nanning ({@link #semantic}) also get their sentence embedding in {@code vector}
 * (taken from the vector cache where the passage was embedded before).
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
    private final List<Pending> pending = new ArrayList<>();
    private final VectorCache.@Nullable Source vectors;
    private final boolean vectorsOnly;
    private int vectorCount;

    public LawLoader(ElasticsearchClient client, String articlesIndex, String lawsIndex, PrintStream progress) {
        this(client, articlesIndex, lawsIndex, progress, null, false);
    }

    /**
     * @param vectors     where article vectors come from; null loads without them
     * @param vectorsOnly only write the vectors into articles already loaded (partial updates), nothing else
     */
    public LawLoader(ElasticsearchClient client, String articlesIndex, String lawsIndex, PrintStream progress,
                     VectorCache.@Nullable Source vectors, boolean vectorsOnly) {
        this.client = client;
        this.articlesIndex = articlesIndex;
        this.lawsIndex = lawsIndex;
        this.progress = progress;
        this.vectors = vectors;
        this.vectorsOnly = vectorsOnly;
        if (vectorsOnly && vectors == null) {
            throw new IllegalArgumentException("vectors only, but no vector source");
        }
    }

    /** The field holding an article's sentence embedding ({@link SentenceEmbeddings}). */
    static final String VECTOR_FIELD = "vector";

    /**
     * Categories whose articles are embedded: national laws, judicial interpretations and the constitution, which
     * answer 95 % of the dev file's expected articles (1,925 of 2,031), in 37.4k articles. Administrative regulations
     * (26.1k articles, 4.5 % of expected articles) and departmental rules are left out for now: on the shared 2-core
     * machine embedding costs ~20–40 ms an article, and they would add most of the first load's time for little recall.
     */
    static final Set<String> SEMANTIC_CATEGORIES = Set.of("法律", "司法解释", "宪法");

    /**
     * Laws whose articles are embedded: those of {@link #SEMANTIC_CATEGORIES} without a region (national) and any law
     * of Guangxi. Other provinces' local regulations (83k of the 148k articles) never answer a Nanning resident and
     * are ranked below national law anyway; they stay searchable by their words.
     */
    static boolean semantic(LawRecord law) {
        boolean national = law.region() == null || law.region().isBlank();
        return national ? SEMANTIC_CATEGORIES.contains(law.category()) : law.region().contains("广西");
    }

    /** One document waiting for the next bulk request; {@code passage} is set when it needs a vector. */
    private record Pending(String index, String id, Map<String, Object> doc, @Nullable String passage) {
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
        if (vectors != null) {
            LawIndices.ensureVectorField(client, articlesIndex);
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
                    progress.printf("  %,d laws, %,d articles (%d s)%s%n", laws, articles,
                            (System.nanoTime() - started) / 1_000_000_000L, vectorProgress());
                }
            }
        }
        flush();
        client.indices().refresh(r -> r.index(articlesIndex, lawsIndex));
        long millis = (System.nanoTime() - started) / 1_000_000L;
        if (vectorsOnly) {
            progress.printf("Wrote %,d article vectors into %s in %.1f s%s%n", vectorCount, articlesIndex, millis / 1000.0, vectorProgress());
        } else {
            progress.printf("Loaded %,d laws and %,d articles into %s / %s in %.1f s%s%n", laws, articles, lawsIndex,
                    articlesIndex, millis / 1000.0, vectorProgress());
        }
        return new Result(laws, articles, millis);
    }

    private String vectorProgress() {
        if (vectors == null) {
            return "";
        }
        return String.format("; vectors: %,d written, %,d embedded now (%.1f ms each), %,d from the cache",
                vectorCount, vectors.embedded(), vectors.millisPerEmbedding(), vectors.cached());
    }

    private int add(LawRecord law) throws IOException {
        List<LawRecord.Article> articles = law.articles() == null ? List.of() : law.articles();
        boolean embed = vectors != null && semantic(law);
        if (vectorsOnly) {
            if (embed) {
                for (int i = 0; i < articles.size(); i++) {
                    LawRecord.Article article = articles.get(i);
                    pending.add(new Pending(articlesIndex, articleId(law.id(), i + 1), new LinkedHashMap<>(),
                            SentenceEmbeddings.passage(law.title(), article.chapter(), article.text())));
                }
                if (pending.size() >= BATCH) {
                    flush();
                }
            }
            return articles.size();
        }
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
            pending.add(new Pending(articlesIndex, articleId(law.id(), i + 1), doc,
                    embed ? SentenceEmbeddings.passage(law.title(), article.chapter(), article.text()) : null));
        }
        Map<String, Object> lawDoc = common(law, status);
        lawDoc.put("history", law.history() == null ? List.of() : law.history());
        lawDoc.put("chapters", List.copyOf(chapters));
        lawDoc.put("articleCount", articles.size());
        pending.add(new Pending(lawsIndex, law.id(), lawDoc, null));
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
        List<Pending> embedded = pending.stream().filter(p -> p.passage() != null).toList();
        if (!embedded.isEmpty()) {
            List<float[]> computed = vectors.vectors(embedded.stream().map(Pending::passage).toList());
            for (int i = 0; i < embedded.size(); i++) {
                embedded.get(i).doc().put(VECTOR_FIELD, computed.get(i));
            }
            vectorCount += embedded.size();
        }
        List<BulkOperation> operations = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            operations.add(vectorsOnly
                    ? BulkOperation.of(op -> op.update(u -> u.index(p.index()).id(p.id()).action(a -> a.doc(p.doc()))))
                    : BulkOperation.of(op -> op.index(ix -> ix.index(p.index()).id(p.id()).document(p.doc()))));
        }
        pending.clear();
        BulkResponse response = client.bulk(b -> b.operations(operations));
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
