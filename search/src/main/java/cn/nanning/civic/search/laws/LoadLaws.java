package cn.nanning.civic.search.laws;

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
 * {@code --questions FILE|none}, {@code --questions-only} (refresh the questions without reloading the laws).
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
        boolean questionsOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = args[++i];
                case "--url" -> url = args[++i];
                case "--articles-index" -> articles = args[++i];
                case "--laws-index" -> laws = args[++i];
                case "--questions" -> questions = args[++i];
                case "--questions-only" -> questionsOnly = true;
                default -> {
                    System.err.println("usage: load-laws [--data-dir DIR] [--url URL] [--articles-index NAME] [--laws-index NAME]"
                            + " [--questions FILE|none] [--questions-only]");
                    System.exit(2);
                }
            }
        }
        Path file = Path.of(dataDir, LawLoader.FILE_NAME);
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
            if (!questionsOnly) {
                System.out.printf("Loading %s into %s%n", file, url);
                new LawLoader(client, articles, laws, System.out).load(file, law -> true);
            }
            System.out.printf("Indexing answered questions from %s%n", questionsFile.map(Path::toString).orElse("(none)"));
            new QuestionLoader(client, articles, System.out)
                    .apply(questionsFile.isPresent() ? AnsweredQuestions.read(questionsFile.get()) : AnsweredQuestions.none());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
