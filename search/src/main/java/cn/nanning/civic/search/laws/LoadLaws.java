package cn.nanning.civic.search.laws;

import cn.nanning.civic.search.semantic.SentenceEmbeddings;
import cn.nanning.civic.search.semantic.VectorCache;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import org.apache.hc.core5.util.Timeout;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code ./civic load-laws}: loads every law of {@code $CIVIC_DATA_DIR/laws.jsonl.gz} into Elasticsearch
 * ({@code $ELASTICSEARCH_URL}). Safe to run again: documents are overwritten, not duplicated. Then indexes the answered
 * questions of {@code $CIVIC_SEARCH_QUESTIONS_FILE} (default {@code law-queries-dev.jsonl} in the data directory, read
 * in place; {@code none} for none) on the articles they name (see {@link QuestionLoader}).
 * Options: {@code --data-dir DIR}, {@code --url URL}, {@code --articles-index NAME}, {@code --laws-index NAME},
 * {@code --questions FILE|none}, {@code --questions-only} (refresh the questions without reloading the laws). The
 * knowledge base's phrasings are indexed as answered questions too ({@link KnowledgeQuestions}; {@code --no-knowledge}
 * leaves them out).
 * <p>
 * Articles of national laws, judicial interpretations and the constitution also get a sentence embedding ({@link SentenceEmbeddings}); vectors are cached
 * in {@code $CIVIC_SEARCH_VECTOR_CACHE} (default {@code ~/.cache/civic-search}, outside the repository and the shared
 * data), so only new or changed articles are embedded again (the first run embeds ~37k articles: ~10–25 min on 2 cores).
 * {@code --no-vectors} loads without them (lexical search only), {@code --vectors-only} adds them to articles already
 * loaded, {@code --vector-cache DIR} moves the cache.
 */
public final class LoadLaws {

    private LoadLaws() {
    }

    public static void main(String[] args) throws Exception {
        String dataDir = env("CIVIC_DATA_DIR", "../shared/data");
        String url = env("ELASTICSEARCH_URL", "http://127.0.0.1:9200");
        String articles = env("CIVIC_SEARCH_LAW_ARTICLES_INDEX", "law-articles");
        String laws = env("CIVIC_SEARCH_LAWS_INDEX", "laws");
        String questions = env("CIVIC_SEARCH_QUESTIONS_FILE", AnsweredQuestions.DEFAULT_FILE);
        String answersIndex = env("CIVIC_SEARCH_ANSWERS_INDEX", "law-answers");
        String answersFile = env("CIVIC_SEARCH_ANSWERS_FILE", "");
        boolean knowledge = true;
        boolean questionsOnly = false;
        boolean withVectors = true;
        boolean vectorsOnly = false;
        String vectorCache = env("CIVIC_SEARCH_VECTOR_CACHE", Path.of(System.getProperty("user.home"), ".cache", "civic-search").toString());
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = args[++i];
                case "--url" -> url = args[++i];
                case "--articles-index" -> articles = args[++i];
                case "--laws-index" -> laws = args[++i];
                case "--questions" -> questions = args[++i];
                case "--questions-only" -> questionsOnly = true;
                case "--no-vectors" -> withVectors = false;
                case "--vectors-only" -> vectorsOnly = true;
                case "--vector-cache" -> vectorCache = args[++i];
                case "--no-knowledge" -> knowledge = false;
                default -> {
                    System.err.println("usage: load-laws [--data-dir DIR] [--url URL] [--articles-index NAME] [--laws-index NAME]"
                            + " [--questions FILE|none] [--questions-only] [--no-knowledge] [--no-vectors | --vectors-only] [--vector-cache DIR]");
                    System.exit(2);
                }
            }
        }
        Path file = Path.of(dataDir, LawLoader.FILE_NAME);
        if (vectorsOnly && (!withVectors || questionsOnly)) {
            System.err.println("--vectors-only cannot be combined with --no-vectors or --questions-only");
            System.exit(2);
        }
        if (!questionsOnly && !Files.isReadable(file)) {
            System.err.println("Cannot read " + file.toAbsolutePath() + " (set CIVIC_DATA_DIR or --data-dir)");
            System.exit(1);
        }
        Optional<Path> questionsFile = AnsweredQuestions.configuredFile(dataDir, questions);
        if (questionsFile.isPresent() && !Files.isReadable(questionsFile.get())) {
            System.err.println("Cannot read " + questionsFile.get().toAbsolutePath()
                    + " (set CIVIC_SEARCH_QUESTIONS_FILE or --questions, or 'none')");
            System.exit(1);
        }
        try (Rest5ClientTransport transport = new Rest5ClientTransport(Rest5Client.builder(URI.create(url))
                .setRequestConfigCallback(r -> r.setResponseTimeout(Timeout.ofMinutes(2)))
                .build(), new JacksonJsonpMapper())) {
            ElasticsearchClient client = new ElasticsearchClient(transport);
            if (vectorsOnly) {
                try (VectorCache cache = VectorCache.open(Path.of(vectorCache))) {
                    SentenceEmbeddings model = model(cache);
                    if (model == null) {
                        System.exit(1);
                    }
                    System.out.printf("Adding article vectors from %s into %s%n", file, url);
                    new LawLoader(client, articles, laws, System.out, new VectorCache.Source(cache, model), true)
                            .load(file, LawLoader::semantic);
                }
                return;
            }
            if (!questionsOnly) {
                System.out.printf("Loading %s into %s%n", file, url);
                if (withVectors) {
                    try (VectorCache cache = VectorCache.open(Path.of(vectorCache))) {
                        SentenceEmbeddings model = model(cache);
                        new LawLoader(client, articles, laws, System.out,
                                model == null ? null : new VectorCache.Source(cache, model), false).load(file, law -> true);
                    }
                } else {
                    System.out.println("Without article vectors (--no-vectors): law search is lexical only until"
                            + " load-laws --vectors-only adds them");
                    new LawLoader(client, articles, laws, System.out).load(file, law -> true);
                }
            }
            AnsweredQuestions answered = questionsFile.isPresent() ? AnsweredQuestions.read(questionsFile.get()) : AnsweredQuestions.none();
            if (knowledge) {
                var entries = KnowledgeQuestions.entries(client, answersIndex, answersFile);
                answered = answered.and(KnowledgeQuestions.of(entries, q -> true));
                System.out.printf("Indexing answered questions from %s and the knowledge base (%d entries)%n",
                        questionsFile.map(Path::toString).orElse("(no file)"), entries.size());
            } else {
                System.out.printf("Indexing answered questions from %s%n", questionsFile.map(Path::toString).orElse("(none)"));
            }
            new QuestionLoader(client, articles, System.out).apply(answered);
        }
    }

    /** The embedding model, or null (after saying why) when it cannot run here; the laws then load without vectors. */
    private static SentenceEmbeddings model(VectorCache cache) {
        System.out.printf("Article vectors: %s, cache %s (%,d vectors)%n", SentenceEmbeddings.MODEL_ID, cache.file(), cache.size());
        try {
            return SentenceEmbeddings.load();
        } catch (RuntimeException | LinkageError e) {
            System.out.println("Cannot load the embedding model (" + e + "); loading without article vectors,"
                    + " so law search stays lexical");
            return null;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
