package cn.nanning.civic.search.laws;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import org.apache.hc.core5.util.Timeout;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ./civic load-laws}: loads every law of {@code $CIVIC_DATA_DIR/laws.jsonl.gz} into Elasticsearch
 * ({@code $ELASTICSEARCH_URL}). Safe to run again: documents are overwritten, not duplicated.
 * Options: {@code --data-dir DIR}, {@code --url URL}, {@code --articles-index NAME}, {@code --laws-index NAME}.
 */
public final class LoadLaws {

    private LoadLaws() {
    }

    public static void main(String[] args) throws Exception {
        String dataDir = env("CIVIC_DATA_DIR", "../shared/data");
        String url = env("ELASTICSEARCH_URL", "http://127.0.0.1:9200");
        String articles = env("CIVIC_SEARCH_LAW_ARTICLES_INDEX", "law-articles");
        String laws = env("CIVIC_SEARCH_LAWS_INDEX", "laws");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = args[++i];
                case "--url" -> url = args[++i];
                case "--articles-index" -> articles = args[++i];
                case "--laws-index" -> laws = args[++i];
                default -> {
                    System.err.println("usage: load-laws [--data-dir DIR] [--url URL] [--articles-index NAME] [--laws-index NAME]");
                    System.exit(2);
                }
            }
        }
        Path file = Path.of(dataDir, LawLoader.FILE_NAME);
        if (!Files.isReadable(file)) {
            System.err.println("Cannot read " + file.toAbsolutePath() + " (set CIVIC_DATA_DIR or --data-dir)");
            System.exit(1);
        }
        System.out.printf("Loading %s into %s%n", file, url);
        try (Rest5ClientTransport transport = new Rest5ClientTransport(Rest5Client.builder(URI.create(url))
                .setRequestConfigCallback(r -> r.setResponseTimeout(Timeout.ofMinutes(2)))
                .build(), new JacksonJsonpMapper())) {
            new LawLoader(new ElasticsearchClient(transport), articles, laws, System.out).load(file, law -> true);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
