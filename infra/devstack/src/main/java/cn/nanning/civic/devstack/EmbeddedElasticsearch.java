package cn.nanning.civic.devstack;

import org.elasticsearch.Build;
import org.elasticsearch.action.admin.cluster.health.ClusterHealthResponse;
import org.elasticsearch.common.Priority;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.common.transport.TransportAddress;
import org.elasticsearch.env.Environment;
import org.elasticsearch.http.HttpServerTransport;
import org.elasticsearch.node.ClasspathPluginNode;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.node.NodeValidationException;
import org.elasticsearch.core.TimeValue;
import org.elasticsearch.transport.netty4.Netty4Plugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Elasticsearch with its Netty HTTP API, inside this JVM. The data folder is kept, so indices
 * survive a restart of the dev stack.
 */
final class EmbeddedElasticsearch implements AutoCloseable {

    static final String NODE_NAME = "civic-devstack";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedElasticsearch.class);
    // Lucene reports through java.util.logging that the incubating vector API is off; dev data is small, keep it quiet.
    private static final java.util.logging.Logger LUCENE_LOG = java.util.logging.Logger.getLogger("org.apache.lucene");

    static {
        // Elasticsearch logs through log4j-core directly; a log4j-to-slf4j bridge on the classpath would break it.
        if (System.getProperty("log4j.provider") == null && System.getProperty("log4j2.provider") == null) {
            System.setProperty("log4j.provider", "org.apache.logging.log4j.core.impl.Log4jProvider");
        }
        System.setProperty("log4j2.shutdownHookEnabled", "false");
        LUCENE_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    private final Node node;
    private final int httpPort;

    private EmbeddedElasticsearch(Node node, int httpPort) {
        this.node = node;
        this.httpPort = httpPort;
    }

    /** Starts a node on 127.0.0.1; {@code httpPort} 0 picks a free port. */
    static EmbeddedElasticsearch start(int httpPort, Path home, String clusterName) {
        try {
            long started = System.nanoTime();
            Path nativeLibs = Files.createDirectories(home.resolve("native"));
            Files.createDirectories(home.resolve("config"));
            // Native libraries are not published on Maven Central; an empty folder makes Elasticsearch fall back to Java.
            System.setProperty("es.nativelibs.path", nativeLibs.toString());
            Settings settings = Settings.builder()
                .put("cluster.name", clusterName)
                .put("node.name", NODE_NAME)
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("path.logs", home.resolve("logs").toString())
                .put("discovery.type", "single-node")
                .put("network.host", "127.0.0.1")
                .put("http.port", httpPort)
                .put("transport.port", 0)
                .put("http.type", Netty4Plugin.NETTY_HTTP_TRANSPORT_NAME)
                .put("transport.type", Netty4Plugin.NETTY_TRANSPORT_NAME)
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                // Kafka and Elasticsearch share one small heap: the real-memory breaker would count Kafka's memory too.
                .put("indices.breaker.total.use_real_memory", false)
                .put("logger.level", "WARN")
                .build();
            LogConfigurator.configureWithoutConfig(settings);
            Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> NODE_NAME);
            Node node = new ClasspathPluginNode(environment,
                List.of(Netty4Plugin.class, ChineseAnalysisPlugin.class, RootEndpointPlugin.class));
            try {
                node.start();
            } catch (NodeValidationException | RuntimeException e) {
                closeQuietly(node);
                throw new IllegalStateException("Elasticsearch did not start: " + e.getMessage(), e);
            }
            awaitYellow(node);
            TransportAddress bound = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress();
            LOG.info("Elasticsearch {} on http://127.0.0.1:{} in {} ms", Build.current().version(), bound.getPort(),
                (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedElasticsearch(node, bound.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Indices kept from the last run are red until their shards are read back; callers should find them searchable.
    private static void awaitYellow(Node node) {
        ClusterHealthResponse health = node.client().admin().cluster()
            .prepareHealth(TimeValue.timeValueSeconds(30))
            .setWaitForYellowStatus()
            .setWaitForEvents(Priority.LANGUID)
            .setTimeout(TimeValue.timeValueSeconds(60))
            .get();
        if (health.isTimedOut()) {
            LOG.warn("Elasticsearch indices still {} after 60 s", health.getStatus());
        }
    }

    int httpPort() {
        return httpPort;
    }

    String httpUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    @Override
    public void close() {
        closeQuietly(node);
    }

    private static void closeQuietly(Node node) {
        try {
            node.close();
            if (!node.awaitClose(30, TimeUnit.SECONDS)) {
                System.err.println("Elasticsearch did not close within 30 s");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
