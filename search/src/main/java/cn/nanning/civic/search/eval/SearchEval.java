package cn.nanning.civic.search.eval;

import cn.nanning.civic.search.knowledge.AnswerSettings;
import cn.nanning.civic.search.knowledge.KnowledgeEntry;
import cn.nanning.civic.search.knowledge.KnowledgeFile;
import cn.nanning.civic.search.knowledge.KnowledgeStore;
import cn.nanning.civic.search.laws.AnsweredQuestions;
import cn.nanning.civic.search.laws.KnowledgeQuestions;
import cn.nanning.civic.search.laws.QuestionLoader;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./civic search-eval FILE [--k 10]}: runs every question of a law-queries JSONL file through the law search
 * API over HTTP and, in the same run, through a plain baseline (a default {@code match} on the article text sent
 * straight to Elasticsearch), and prints recall@1/@5/@k and MRR by expected law title and by expected article, with
 * p50/p95 latency. Options: {@code --api URL} (default $SEARCH_URL or http://127.0.0.1:8082), {@code --es URL}
 * (default $ELASTICSEARCH_URL or http://127.0.0.1:9200), {@code --index NAME} (articles index for the baseline),
 * {@code --per-law N} (articles asked per law, default 5), {@code --folds N} (cross-validation of the answered-questions
 * expansion, see {@link #crossValidate}), {@code --questions FILE|none} (the answered questions put back afterwards;
 * default as {@code load-laws}: $CIVIC_SEARCH_QUESTIONS_FILE in $CIVIC_DATA_DIR).
 * <p>
 * {@code ./civic search-eval --report [--with-test]} runs every file in one go and prints one table: our everyday
 * questions ({@code search/eval/everyday-queries.jsonl}, written apart from the knowledge base), the knowledge base's
 * own phrasings cross-validated ({@link #knowledgeCrossValidate}: each fold's phrasings are left out of the knowledge
 * base the service uses), the STARD dev file cross-validated ({@code --folds}, default 5) and, with
 * {@code --with-test}, the held-out STARD test file, each beside the plain baseline.
 */
public final class SearchEval {

    static final String PATH = "/api/v1/search/laws";
    private static final int WARM_UP = 20;
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private SearchEval() {
    }

    record Question(String query, List<String> expectedLaws, List<String> expectedArticles) {
    }

    /** What one engine returned for one question: distinct law titles and "title|article no" keys, best first. */
    record Ranking(List<String> laws, List<String> articles, long nanos) {
    }

    @FunctionalInterface
    interface Engine {
        Ranking rank(String query) throws IOException, InterruptedException;
    }

    record Figures(String engine, int questions, int withArticles, double lawR1, double lawR5, double lawRk, double lawMrr,
                   double articleR1, double articleR5, double articleRk, double articleMrr, double p50Millis, double p95Millis) {
    }

    /** {@code folds} 0: the index is used as it is; 2 or more: cross-validated on FILE (see {@link #crossValidate}). */
    record Options(Path file, int k, String api, String elasticsearch, String articlesIndex, int perLaw, int folds,
                   Optional<Path> questions, boolean report, boolean withTest, int knowledgeFolds, String answersIndex,
                   Path everyday, Path dataDir, boolean knowledge) {

        Options with(Path other, int otherFolds) {
            return new Options(other, k, api, elasticsearch, articlesIndex, perLaw, otherFolds, questions, false, false,
                    knowledgeFolds, answersIndex, everyday, dataDir, knowledge);
        }
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: search-eval FILE [--k 10] [--api URL] [--es URL] [--index NAME] [--per-law 5] [--folds 5] [--questions FILE|none]");
            System.err.println("       search-eval --report [--with-test] [--folds 5] [--kb-folds 5] [--everyday FILE] [--no-knowledge]");
            System.exit(2);
            return;
        }
        if (options.report()) {
            report(options, System.out);
        } else {
            run(options, System.out);
        }
    }

    static Options parse(String[] args) {
        Path file = null;
        int k = 10;
        int perLaw = 5;
        int folds = 0;
        String questions = env("CIVIC_SEARCH_QUESTIONS_FILE", AnsweredQuestions.DEFAULT_FILE);
        String api = env("SEARCH_URL", "http://127.0.0.1:8082");
        String es = env("ELASTICSEARCH_URL", "http://127.0.0.1:9200");
        String index = env("CIVIC_SEARCH_LAW_ARTICLES_INDEX", "law-articles");
        String answers = env("CIVIC_SEARCH_ANSWERS_INDEX", "law-answers");
        boolean report = false;
        boolean withTest = false;
        boolean knowledge = true;
        int knowledgeFolds = 5;
        Path everyday = Path.of("search/eval/everyday-queries.jsonl");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--report")) {
                report = true;
                continue;
            }
            if (arg.equals("--with-test")) {
                withTest = true;
                continue;
            }
            if (arg.equals("--no-knowledge")) {
                knowledge = false;
                continue;
            }
            if (arg.startsWith("--") && i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + arg);
            }
            switch (arg) {
                case "--k" -> k = Integer.parseInt(args[++i]);
                case "--api" -> api = args[++i];
                case "--es" -> es = args[++i];
                case "--index" -> index = args[++i];
                case "--per-law" -> perLaw = Integer.parseInt(args[++i]);
                case "--folds" -> folds = Integer.parseInt(args[++i]);
                case "--questions" -> questions = args[++i];
                case "--kb-folds" -> knowledgeFolds = Integer.parseInt(args[++i]);
                case "--everyday" -> everyday = Path.of(args[++i]);
                default -> {
                    if (arg.startsWith("--") || file != null) {
                        throw new IllegalArgumentException("unexpected argument " + arg);
                    }
                    file = Path.of(arg);
                }
            }
        }
        if (report && folds == 0) {
            folds = 5;
        }
        if (file == null && !report) {
            throw new IllegalArgumentException("FILE is required");
        }
        if (knowledgeFolds < 2 || knowledgeFolds > 20) {
            throw new IllegalArgumentException("--kb-folds must be between 2 and 20");
        }
        if (k < 5 || k > 50) {
            throw new IllegalArgumentException("--k must be between 5 and 50");
        }
        if (folds == 1 || folds < 0 || folds > 20) {
            throw new IllegalArgumentException("--folds must be between 2 and 20");
        }
        String dataDir = env("CIVIC_DATA_DIR", "../shared/data");
        return new Options(file, k, stripSlash(api), stripSlash(es), index, perLaw, folds,
                AnsweredQuestions.configuredFile(dataDir, questions), report, withTest, knowledgeFolds, answers, everyday, Path.of(dataDir),
                knowledge);
    }

    /** Evaluates both engines and prints the table; returns the figures (search API first, baseline second). */
    static List<Figures> run(Options options, PrintStream out) throws IOException, InterruptedException {
        if (options.folds() > 1) {
            try (Rest5ClientTransport transport = new Rest5ClientTransport(Rest5Client.builder(URI.create(options.elasticsearch()))
                    .setRequestConfigCallback(r -> r.setResponseTimeout(Timeout.ofMinutes(2))).build(), new JacksonJsonpMapper())) {
                ElasticsearchClient client = new ElasticsearchClient(transport);
                QuestionLoader loader = new QuestionLoader(client, options.articlesIndex(), out);
                AnsweredQuestions knowledge = options.knowledge() ? KnowledgeQuestions.of(KnowledgeQuestions.entries(client,
                        options.answersIndex(), env("CIVIC_SEARCH_ANSWERS_FILE", "")), q -> true) : AnsweredQuestions.none();
                List<Figures> figures = crossValidate(options, out, loader, knowledge);
                restore(loader, options.questions(), knowledge, out);
                return figures;
            }
        }
        List<Question> questions = read(options.file());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Engine api = query -> searchApi(http, options, query);
        Engine baseline = query -> baseline(http, options, query);
        for (Question q : questions.subList(0, Math.min(WARM_UP, questions.size()))) {
            api.rank(q.query());
            baseline.rank(q.query());
        }
        Figures ours = evaluate("search API " + PATH, questions, options.k(), api);
        Figures plain = evaluate("baseline: match on text", questions, options.k(), baseline);
        print(out, options, List.of(ours, plain));
        return List.of(ours, plain);
    }

    /**
     * Honest figures for the answered-questions expansion on a file whose questions would otherwise find themselves:
     * question i belongs to fold i mod N; for each fold the index holds the questions of the other folds only
     * (written through {@link QuestionLoader}) and the fold's questions go through the search API and the baseline.
     * Figures are summed over all folds. Afterwards {@link #restore} puts back the configured source.
     */
    static List<Figures> crossValidate(Options options, PrintStream out, QuestionLoader loader, AnsweredQuestions knowledge)
            throws IOException, InterruptedException {
        List<Question> questions = read(options.file());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Engine api = query -> searchApi(http, options, query);
        Engine baseline = query -> baseline(http, options, query);
        Tally ours = new Tally(options.k());
        Tally plain = new Tally(options.k());
        int folds = options.folds();
        for (int fold = 0; fold < folds; fold++) {
            int held = fold;
            out.printf(Locale.ROOT, "fold %d/%d: ", fold + 1, folds);
            loader.apply(AnsweredQuestions.read(options.file(), i -> i % folds != held).and(knowledge));
            List<Question> evaluated = new ArrayList<>();
            for (int i = held; i < questions.size(); i += folds) {
                evaluated.add(questions.get(i));
            }
            for (Question q : evaluated.subList(0, Math.min(WARM_UP, evaluated.size()))) {
                api.rank(q.query());
                baseline.rank(q.query());
            }
            for (Question q : evaluated) {
                ours.add(q, api.rank(q.query()));
            }
            for (Question q : evaluated) {
                plain.add(q, baseline.rank(q.query()));
            }
        }
        List<Figures> figures = List.of(ours.figures("search API (" + folds + "-fold CV)"), plain.figures("baseline: match on text"));
        print(out, options, figures);
        return figures;
    }

    /** Puts back the questions production indexes (--questions, by default the source load-laws uses, and the knowledge base). */
    private static void restore(QuestionLoader loader, Optional<Path> source, AnsweredQuestions knowledge, PrintStream out) throws IOException {
        boolean readable = source.isPresent() && Files.isReadable(source.get());
        out.printf("Restoring answered questions from %s%s%s: ", source.map(Path::toString).orElse("(none)"),
                source.isPresent() && !readable ? " (not readable: none indexed)" : "",
                knowledge.byArticle().isEmpty() ? "" : " and the knowledge base");
        loader.apply((readable ? AnsweredQuestions.read(source.get()) : AnsweredQuestions.none()).and(knowledge));
    }

    /** Every file in one run (see the class comment); returns the figures by file, search API first, baseline second. */
    static Map<String, List<Figures>> report(Options options, PrintStream out) throws IOException, InterruptedException {
        Map<String, List<Figures>> all = new LinkedHashMap<>();
        out.println("== everyday questions (" + options.everyday() + "), knowledge base as deployed; no question is a phrasing of it");
        all.put("everyday", run(options.with(options.everyday(), 0), out));
        try (Rest5ClientTransport transport = new Rest5ClientTransport(Rest5Client.builder(URI.create(options.elasticsearch()))
                .setRequestConfigCallback(r -> r.setResponseTimeout(Timeout.ofMinutes(2))).build(), new JacksonJsonpMapper())) {
            ElasticsearchClient client = new ElasticsearchClient(transport);
            KnowledgeStore store = new KnowledgeStore(client, new AnswerSettings(options.answersIndex(), "", true));
            QuestionLoader loader = new QuestionLoader(client, options.articlesIndex(), out);
            out.println("== knowledge-base phrasings, " + options.knowledgeFolds() + "-fold cross-validated (each fold left out of the knowledge base)");
            all.put("knowledge base (CV)", knowledgeCrossValidate(options, out, store, loader));
            AnsweredQuestions knowledge = options.knowledge() ? KnowledgeQuestions.of(KnowledgeQuestions.entries(client,
                    options.answersIndex(), env("CIVIC_SEARCH_ANSWERS_FILE", "")), q -> true) : AnsweredQuestions.none();
            restore(loader, options.questions(), knowledge, out);
        }
        Path dev = options.dataDir().resolve("law-queries-dev.jsonl");
        out.println("== STARD dev (" + dev + "), " + options.folds() + "-fold cross-validated answered questions");
        all.put("STARD dev (CV)", run(options.with(dev, options.folds()), out));
        if (options.withTest()) {
            Path test = options.dataDir().resolve("law-queries-test.jsonl");
            out.println("== STARD test (" + test + "), held out: run once, for the report");
            all.put("STARD test", run(options.with(test, 0), out));
        }
        out.println();
        out.printf(Locale.ROOT, "%-22s | %-28s | %-5s | %-27s | %-27s | %s%n", "file", "engine", "n", "law R@1 R@5 R@10 MRR",
                "article R@1 R@5 R@10 MRR", "p50 / p95 ms");
        all.forEach((file, figures) -> {
            for (Figures f : figures) {
                out.printf(Locale.ROOT, "%-22s | %-28s | %5d | %.3f %.3f %.3f %.3f     | %.3f %.3f %.3f %.3f     | %.1f / %.1f%n",
                        file, f.engine(), f.questions(), f.lawR1(), f.lawR5(), f.lawRk(), f.lawMrr(),
                        f.articleR1(), f.articleR5(), f.articleRk(), f.articleMrr(), f.p50Millis(), f.p95Millis());
            }
        });
        return all;
    }

    /**
     * The knowledge base's own phrasings as questions, honestly: phrasing g (counting over the bundled entries in file
     * order) belongs to fold g mod N; for each fold the entries losing a phrasing are written as administrators'
     * versions without it (the service picks them up within its 30 s refresh; this waits until it has), the fold's
     * phrasings go through the search API and the baseline with their entry's articles expected, and the documents
     * are put back as they were. Entries an administrator already replaced or retired are left out.
     */
    static List<Figures> knowledgeCrossValidate(Options options, PrintStream out, KnowledgeStore store, QuestionLoader loader)
            throws IOException, InterruptedException {
        AnsweredQuestions file = options.questions().filter(Files::isReadable).map(p -> {
            try {
                return AnsweredQuestions.read(p);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).orElse(AnsweredQuestions.none());
        int folds = options.knowledgeFolds();
        Map<String, KnowledgeStore.Stored> before = new LinkedHashMap<>();
        store.all().forEach(s -> before.put(s.id(), s));
        List<KnowledgeEntry> entries = KnowledgeFile.bundled().stream().filter(e -> !before.containsKey(e.id())).toList();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Engine api = query -> searchApi(http, options, query);
        Engine baseline = query -> baseline(http, options, query);
        Tally ours = new Tally(options.k());
        Tally plain = new Tally(options.k());
        for (int fold = 0; fold < folds; fold++) {
            List<Question> held = new ArrayList<>();
            Map<String, KnowledgeEntry> reduced = new LinkedHashMap<>();
            int g = 0;
            for (KnowledgeEntry e : entries) {
                List<String> kept = new ArrayList<>();
                for (String q : e.questions()) {
                    if (g++ % folds == fold) {
                        held.add(new Question(q, e.articles().stream().map(KnowledgeEntry.ArticleRef::law).distinct().toList(),
                                e.articles().stream().map(a -> a.law() + "|" + a.no()).toList()));
                    } else {
                        kept.add(q);
                    }
                }
                if (kept.size() < e.questions().size() && !kept.isEmpty()) {
                    reduced.put(e.id(), new KnowledgeEntry(e.id(), e.topic(), kept, e.articles(), e.answer(), e.nextStep()));
                }
            }
            store.putAll(List.copyOf(reduced.values()), "search-eval");
            java.util.Set<String> heldOut = new java.util.HashSet<>();
            held.forEach(q -> heldOut.add(q.query()));
            // The answered-questions field holds the knowledge base's phrasings too: without the held-out ones.
            loader.apply(!options.knowledge() ? file : file.and(KnowledgeQuestions.of(cn.nanning.civic.search.knowledge.KnowledgeBase.merge(
                    KnowledgeFile.bundled(), List.of(), store.all()), q -> !heldOut.contains(q))));
            KnowledgeEntry probe = reduced.values().iterator().next();
            awaitPhrasings(http, options, probe.id(), probe.questions().size());
            out.printf(Locale.ROOT, "fold %d/%d: %d phrasings held out of %d entries%n", fold + 1, folds, held.size(), reduced.size());
            for (Question q : held) {
                ours.add(q, api.rank(q.query()));
                plain.add(q, baseline.rank(q.query()));
            }
            store.removeAll(List.copyOf(reduced.keySet()));
            awaitPhrasings(http, options, probe.id(), entries.stream().filter(e -> e.id().equals(probe.id())).findFirst().orElseThrow().questions().size());
        }
        List<Figures> figures = List.of(ours.figures("search API (" + folds + "-fold CV)"), plain.figures("baseline: match on text"));
        print(out, options.with(Path.of("knowledge-base phrasings"), 0), figures);
        return figures;
    }

    /** Waits (up to 90 s) until the service's knowledge base shows the entry with that many phrasings. */
    private static void awaitPhrasings(HttpClient http, Options options, String id, int phrasings) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(options.api() + "/api/v1/search/law-answers/" + id))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() == 200 && JSON.readTree(response.body()).path("questions").size() == phrasings) {
                return;
            }
            Thread.sleep(1_000);
        }
        throw new IOException("the search service did not pick up the knowledge-base change of " + id + " within 90 s");
    }

    static Figures evaluate(String name, List<Question> questions, int k, Engine engine) throws IOException, InterruptedException {
        Tally tally = new Tally(k);
        for (Question q : questions) {
            tally.add(q, engine.rank(q.query()));
        }
        return tally.figures(name);
    }

    /** Sums over questions (across folds when cross-validating), turned into averages at the end. */
    static final class Tally {
        private final int k;
        private final double[] law = new double[4];
        private final double[] article = new double[4];
        private final List<Long> latencies = new ArrayList<>();
        private int questions;
        private int withArticles;

        Tally(int k) {
            this.k = k;
        }

        void add(Question q, Ranking ranking) {
            questions++;
            latencies.add(ranking.nanos());
            addScores(law, ranking.laws(), q.expectedLaws(), k);
            if (!q.expectedArticles().isEmpty()) {
                withArticles++;
                addScores(article, ranking.articles(), q.expectedArticles(), k);
            }
        }

        Figures figures(String name) {
            int n = Math.max(questions, 1);
            int m = Math.max(withArticles, 1);
            List<Long> sorted = new ArrayList<>(latencies);
            sorted.sort(Comparator.naturalOrder());
            return new Figures(name, questions, withArticles, law[0] / n, law[1] / n, law[2] / n, law[3] / n,
                    article[0] / m, article[1] / m, article[2] / m, article[3] / m,
                    percentile(sorted, 0.50), percentile(sorted, 0.95));
        }
    }

    /** Adds recall@1, recall@5, recall@k and reciprocal rank of the first expected item to the sums. */
    private static void addScores(double[] sums, List<String> ranked, List<String> expected, int k) {
        if (expected.isEmpty()) {
            return;
        }
        sums[0] += recall(ranked, expected, 1);
        sums[1] += recall(ranked, expected, 5);
        sums[2] += recall(ranked, expected, k);
        for (int i = 0; i < ranked.size(); i++) {
            if (expected.contains(ranked.get(i))) {
                sums[3] += 1.0 / (i + 1);
                break;
            }
        }
    }

    static double recall(List<String> ranked, List<String> expected, int k) {
        List<String> top = ranked.subList(0, Math.min(k, ranked.size()));
        long found = expected.stream().distinct().filter(top::contains).count();
        return (double) found / expected.stream().distinct().count();
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1_000_000.0;
    }

    private static Ranking searchApi(HttpClient http, Options options, String query) throws IOException, InterruptedException {
        String url = options.api() + PATH + "?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&size=" + options.k() + "&perLaw=" + options.perLaw();
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        long nanos = System.nanoTime() - started;
        if (response.statusCode() != 200) {
            throw new IOException("search API answered " + response.statusCode() + " for " + query + ": " + response.body());
        }
        LinkedHashSet<String> laws = new LinkedHashSet<>();
        record Scored(String key, double score, int order) {
        }
        List<Scored> articles = new ArrayList<>();
        for (JsonNode law : JSON.readTree(response.body()).path("laws")) {
            String title = law.path("title").asText();
            laws.add(title);
            for (JsonNode article : law.path("articles")) {
                articles.add(new Scored(title + "|" + article.path("no").asText(), article.path("score").asDouble(), articles.size()));
            }
        }
        // The engine's article ranking: every returned article by its own score, across the law groups.
        articles.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(Scored::order));
        return new Ranking(List.copyOf(laws), articles.stream().map(Scored::key).distinct().toList(), nanos);
    }

    private static Ranking baseline(HttpClient http, Options options, String query) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.put("size", 100);
        body.putArray("_source").add("title").add("no");
        body.putObject("query").putObject("match").put("text", query);
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(options.elasticsearch() + "/" + options.articlesIndex() + "/_search"))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        long nanos = System.nanoTime() - started;
        if (response.statusCode() != 200) {
            throw new IOException("Elasticsearch answered " + response.statusCode() + ": " + response.body());
        }
        LinkedHashSet<String> laws = new LinkedHashSet<>();
        LinkedHashSet<String> articles = new LinkedHashSet<>();
        for (JsonNode hit : JSON.readTree(response.body()).path("hits").path("hits")) {
            String title = hit.path("_source").path("title").asText();
            laws.add(title);
            articles.add(title + "|" + hit.path("_source").path("no").asText());
        }
        return new Ranking(List.copyOf(laws), List.copyOf(articles), nanos);
    }

    static List<Question> read(Path file) throws IOException {
        List<Question> questions = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(line);
            List<String> laws = new ArrayList<>();
            node.path("expected_laws").forEach(l -> laws.add(l.asText()));
            List<String> articles = new ArrayList<>();
            node.path("expected_articles").forEach(a -> articles.add(a.path("law").asText() + "|" + a.path("no").asText()));
            questions.add(new Question(node.path("query").asText(), laws, articles));
        }
        return questions;
    }

    private static void print(PrintStream out, Options options, List<Figures> figures) {
        Figures first = figures.getFirst();
        out.printf(Locale.ROOT, "%s: %d questions (%d with expected articles), k=%d, %d articles per law asked from the API%n",
                options.file().getFileName(), first.questions(), first.withArticles(), options.k(), options.perLaw());
        out.printf(Locale.ROOT, "%-28s | %-33s | %-33s | %s%n", "", "law title: R@1   R@5   R@" + options.k() + "  MRR",
                "article:   R@1   R@5   R@" + options.k() + "  MRR", "latency ms p50 / p95");
        for (Figures f : figures) {
            out.printf(Locale.ROOT, "%-28s |            %.3f %.3f %.3f %.3f | %s | %6.1f / %6.1f%n", f.engine(),
                    f.lawR1(), f.lawR5(), f.lawRk(), f.lawMrr(),
                    f.withArticles() == 0 ? String.format(Locale.ROOT, "%-33s", "           (no expected articles)")
                            : String.format(Locale.ROOT, "           %.3f %.3f %.3f %.3f", f.articleR1(), f.articleR5(), f.articleRk(), f.articleMrr()),
                    f.p50Millis(), f.p95Millis());
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
