package cn.nanning.civic.search.knowledge;

import cn.nanning.civic.search.semantic.QuestionVectors;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The knowledge base as law search uses it: the bundled entries ({@link KnowledgeFile}), an optional extra file, and
 * the administrators' entries ({@link KnowledgeStore}; an administrator's entry replaces a bundled one with the same
 * id, a retired id hides it), with each phrasing's vector and each cited article's document. Rebuilt in the
 * background every 30 s and right after an administrator's change on this instance; searches read the last
 * snapshot and never wait for Elasticsearch or the model.
 */
@Singleton
public class KnowledgeBase {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBase.class);

    private final KnowledgeStore store;
    private final QuestionVectors vectors;
    private final String articlesIndex;
    private final AnswerSettings settings;
    private final List<KnowledgeEntry> bundled;
    private final Map<String, float[]> vectorCache = new ConcurrentHashMap<>();
    private volatile Snapshot snapshot = new Snapshot(List.of(), false, 0);

    public KnowledgeBase(KnowledgeStore store, QuestionVectors vectors, AnswerSettings settings,
                         @Value("${civic.search.laws.articles-index:law-articles}") String articlesIndex) {
        this.store = store;
        this.vectors = vectors;
        this.articlesIndex = articlesIndex;
        this.settings = settings;
        this.bundled = KnowledgeFile.bundled();
    }

    /** A phrasing ready for matching: its normalised text, character bigrams and vector (null without the model). */
    public record Phrasing(String text, String normalised, int[] bigrams, float[] vector) {
    }

    /** An entry with its phrasings and its cited articles' documents (null where the index lacks the article). */
    public record Known(KnowledgeEntry entry, String origin, List<Phrasing> phrasings, List<KnowledgeStore.ArticleDoc> articles) {
    }

    /** What searches read: the entries, whether every phrasing has a vector, and the number of cited articles found. */
    public record Snapshot(List<Known> entries, boolean withVectors, int articlesFound) {
    }

    /** An entry close to a question: the similarity and the phrasing that came closest. */
    public record Match(Known known, double score, double cosine, double overlap, String phrasing) {
    }

    /** The law-articles index the cited articles are looked up in. */
    public String articlesIndex() {
        return articlesIndex;
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /** The entry with this id as searches see it (administrators' version first). */
    public Optional<Known> find(String id) {
        return snapshot.entries().stream().filter(k -> k.entry().id().equals(id)).findFirst();
    }

    /**
     * The entries nearest to the question, best first (at most {@code limit}): each entry scores its closest phrasing,
     * cosine of the question vectors + {@link AnswerMatching#OVERLAP_WEIGHT} × character-bigram overlap (Dice); without
     * vectors the overlap stands in for the cosine.
     */
    public List<Match> match(String question, Optional<float[]> vector, int limit) {
        String normalised = AnswerMatching.normalise(question);
        int[] bigrams = AnswerMatching.bigrams(normalised);
        List<Match> matches = new ArrayList<>();
        for (Known known : snapshot.entries()) {
            Match best = null;
            for (Phrasing p : known.phrasings()) {
                double overlap = AnswerMatching.dice(bigrams, p.bigrams());
                double cosine = vector.isPresent() && p.vector() != null ? AnswerMatching.dot(vector.get(), p.vector()) : overlap;
                double score = AnswerMatching.score(cosine, overlap);
                if (best == null || score > best.score()) {
                    best = new Match(known, score, cosine, overlap, p.text());
                }
            }
            if (best != null) {
                matches.add(best);
            }
        }
        matches.sort(Comparator.comparingDouble(Match::score).reversed());
        return matches.subList(0, Math.min(limit, matches.size()));
    }

    /** Rebuilds the snapshot; errors are logged and the last snapshot stays. */
    @Scheduled(fixedDelay = "30s", initialDelay = "1s")
    public void refresh() {
        try {
            rebuild();
        } catch (RuntimeException e) {
            LOG.warn("Knowledge base not refreshed (law search answers from the last snapshot): {}", e.toString());
        }
    }

    /** The entries searches use, in order: bundled, the extra file, administrators' (replacing by id, retiring). */
    public List<KnowledgeEntry> entries(List<KnowledgeStore.Stored> stored) {
        return merge(bundled, extraFile(), stored);
    }

    /** Bundled entries, then an extra file's, then administrators' documents (replacing by id; a retired id hides it). */
    public static List<KnowledgeEntry> merge(List<KnowledgeEntry> bundled, List<KnowledgeEntry> extra, List<KnowledgeStore.Stored> stored) {
        Map<String, KnowledgeEntry> byId = new LinkedHashMap<>();
        bundled.forEach(e -> byId.put(e.id(), e));
        extra.forEach(e -> byId.put(e.id(), e));
        for (KnowledgeStore.Stored s : stored) {
            if (s.retired()) {
                byId.remove(s.id());
            } else if (s.entry() != null) {
                byId.put(s.id(), s.entry());
            }
        }
        return List.copyOf(byId.values());
    }

    synchronized void rebuild() {
        List<KnowledgeStore.Stored> stored = store.all();
        List<String> administered = stored.stream().map(KnowledgeStore.Stored::id).toList();
        List<KnowledgeEntry> entries = entries(stored);
        List<KnowledgeEntry.ArticleRef> refs = entries.stream().flatMap(e -> e.articles().stream()).toList();
        Map<String, KnowledgeStore.ArticleDoc> docs = store.articles(articlesIndex, refs);
        boolean model = vectors.ready();
        boolean allVectors = model;
        List<Known> known = new ArrayList<>(entries.size());
        for (KnowledgeEntry entry : entries) {
            List<Phrasing> phrasings = new ArrayList<>();
            for (String q : entry.questions()) {
                String normalised = AnswerMatching.normalise(q);
                float[] v = model ? vectorCache.computeIfAbsent(q, t -> vectors.embed(t).orElse(null)) : null;
                allVectors &= v != null;
                phrasings.add(new Phrasing(q, normalised, AnswerMatching.bigrams(normalised), v));
            }
            List<KnowledgeStore.ArticleDoc> cited = new ArrayList<>();
            for (KnowledgeEntry.ArticleRef ref : entry.articles()) {
                cited.add(docs.get(KnowledgeStore.key(ref.lawId(), ref.no())));
            }
            known.add(new Known(entry, administered.contains(entry.id()) ? "admin" : "bundled", List.copyOf(phrasings), cited));
        }
        Snapshot previous = snapshot;
        snapshot = new Snapshot(List.copyOf(known), allVectors, docs.size());
        if (previous.entries().size() != known.size() || previous.withVectors() != allVectors || previous.articlesFound() != docs.size()) {
            LOG.info("Knowledge base: {} entries ({} from administrators), {} of {} distinct cited articles in the index, phrasing vectors {}",
                    known.size(), stored.size(), docs.size(), refs.stream().map(r -> KnowledgeStore.key(r.lawId(), r.no())).distinct().count(),
                    allVectors ? "ready" : "not yet (matching by words)");
        }
    }

    private List<KnowledgeEntry> extraFile() {
        if (settings.file() == null || settings.file().isBlank()) {
            return List.of();
        }
        Path path = Path.of(settings.file().strip());
        try {
            return Files.isReadable(path) ? KnowledgeFile.read(path) : List.of();
        } catch (IOException e) {
            LOG.warn("Cannot read the knowledge-base file {}: {}", path, e.getMessage());
            return List.of();
        }
    }
}
