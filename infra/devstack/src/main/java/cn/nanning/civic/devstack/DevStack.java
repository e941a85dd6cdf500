package cn.nanning.civic.devstack;

import cn.nanning.civic.wechat.WeChatStandIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * The dev stack: real Kafka and Elasticsearch, Redis (the machine's, or an embedded one) and the WeChat stand-in,
 * all in this one JVM. {@code ./civic up} runs it with {@code --profile dev}, {@code ./civic test} with
 * {@code --profile test}. Prints one {@code DEVSTACK READY ...} line and writes it to {@code <data-dir>/devstack.ready}
 * once everything answers; stops everything and removes that file on SIGTERM or Ctrl-C.
 */
public final class DevStack implements AutoCloseable {

    static final String READY_FILE = "devstack.ready";

    private static final Logger LOG = LoggerFactory.getLogger(DevStack.class);

    private final Settings settings;
    private EmbeddedKafka kafka;
    private EmbeddedElasticsearch elasticsearch;
    private RedisEndpoint redis;
    private WeChatStandIn wechat;
    private String readyLine;
    private boolean closed;

    DevStack(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        Settings settings;
        try {
            settings = Settings.parse(args, Map.copyOf(System.getenv()));
        } catch (IllegalArgumentException e) {
            System.err.println("devstack: " + e.getMessage());
            System.err.println(Settings.USAGE);
            System.exit(2);
            return;
        }
        DevStack stack = new DevStack(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "devstack-shutdown"));
        try {
            stack.start();
        } catch (IllegalStateException e) {
            // an expected refusal such as a busy port: the message says it all
            LOG.error("dev stack did not start: {}", e.getMessage());
            System.exit(1);
        } catch (RuntimeException e) {
            LOG.error("dev stack did not start: {}", e.getMessage(), e);
            System.exit(1);
        }
        System.out.println(stack.readyLine());
        System.out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized void start() {
        if (closed) {
            throw new IllegalStateException("the dev stack is shutting down");
        }
        long started = System.nanoTime();
        try {
            checkPortsFree();
            Path dataDir = Files.createDirectories(settings.dataDir());
            Files.deleteIfExists(dataDir.resolve(READY_FILE));
            if (settings.profile() == Profile.TEST) {
                // a test run starts from empty Kafka and Elasticsearch folders; nothing else in the folder is touched
                deleteTree(dataDir.resolve("kafka"));
                deleteTree(dataDir.resolve("elasticsearch"));
            }
            // Kafka and Elasticsearch take a few seconds each and mostly wait on I/O: start them side by side.
            CompletableFuture<EmbeddedKafka> kafkaStart = settings.runs(Part.KAFKA)
                ? CompletableFuture.supplyAsync(() -> EmbeddedKafka.start(settings.kafkaPort(), dataDir.resolve("kafka")))
                : CompletableFuture.completedFuture(null);
            try {
                if (settings.runs(Part.ELASTICSEARCH)) {
                    elasticsearch = EmbeddedElasticsearch.start(
                        settings.elasticsearchPort(), dataDir.resolve("elasticsearch"), "civic-" + settings.profile().label());
                }
            } finally {
                kafka = join(kafkaStart);
            }
            if (settings.runs(Part.REDIS)) {
                redis = RedisEndpoint.reuseOrStart(settings.redisPort(), settings.embeddedRedisPort());
                if (redis.embedded()) {
                    LOG.info("Redis: none answered on 127.0.0.1:{}, started the embedded redis-server on {}",
                        settings.redisPort(), redis.port());
                } else {
                    LOG.info("Redis: using the one already answering on 127.0.0.1:{}", redis.port());
                }
            }
            int wechatPort = 0;
            if (settings.runs(Part.WECHAT)) {
                wechat = new WeChatStandIn(settings.wechatAppId(), settings.wechatAppSecret());
                wechatPort = wechat.start(settings.wechatPort());
            }
            StringBuilder ready = new StringBuilder("DEVSTACK READY");
            if (kafka != null) {
                ready.append(" kafka=").append(kafka.bootstrapServers());
            }
            if (elasticsearch != null) {
                ready.append(" elasticsearch=").append(elasticsearch.httpUrl());
            }
            if (redis != null) {
                ready.append(" redis=").append(redis.url());
            }
            if (wechat != null) {
                ready.append(" wechat=http://127.0.0.1:").append(wechatPort);
            }
            readyLine = ready.toString();
            writeReadyFile(dataDir.resolve(READY_FILE), readyLine);
            LOG.info("dev stack ({} profile, data in {}) ready in {} ms", settings.profile().label(),
                dataDir.toAbsolutePath(), (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    synchronized String readyLine() {
        return readyLine;
    }

    Path readyFile() {
        return settings.dataDir().resolve(READY_FILE);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long stopping = System.nanoTime();
        List<Exception> failures = new ArrayList<>();
        run(failures, () -> Files.deleteIfExists(readyFile()));
        if (wechat != null) {
            run(failures, wechat::close);
        }
        if (elasticsearch != null) {
            run(failures, elasticsearch::close);
        }
        if (kafka != null) {
            run(failures, kafka::close);
        }
        if (redis != null) {
            run(failures, redis::close);
        }
        failures.forEach(e -> LOG.warn("while stopping the dev stack: {}", e.toString()));
        LOG.info("dev stack stopped in {} ms", (System.nanoTime() - stopping) / 1_000_000);
    }

    private void checkPortsFree() {
        Map<String, Integer> fixed = new java.util.LinkedHashMap<>();
        if (settings.runs(Part.KAFKA)) {
            fixed.put("Kafka", settings.kafkaPort());
        }
        if (settings.runs(Part.ELASTICSEARCH)) {
            fixed.put("Elasticsearch", settings.elasticsearchPort());
        }
        if (settings.runs(Part.WECHAT)) {
            fixed.put("WeChat stand-in", settings.wechatPort());
        }
        fixed.forEach((name, port) -> {
            if (port != 0 && Ports.inUse(port)) {
                throw new IllegalStateException(name + " port " + port
                    + " is already in use (is another dev stack running? try ./civic down)");
            }
        });
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Kafka", e);
        }
    }

    private static void writeReadyFile(Path file, String line) throws IOException {
        Path temporary = file.resolveSibling(READY_FILE + ".tmp");
        Files.writeString(temporary, line + "\n", StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void run(List<Exception> failures, Step step) {
        try {
            step.run();
        } catch (Exception e) {
            failures.add(e);
        }
    }

    enum Profile {
        DEV(9092, 9200, 8090, 6379, ".civic/data"),
        TEST(19092, 19200, 18090, 16379, ".civic/test-data");

        final int kafkaPort;
        final int elasticsearchPort;
        final int wechatPort;
        final int embeddedRedisPort;
        final String defaultDataDir;

        Profile(int kafkaPort, int elasticsearchPort, int wechatPort, int embeddedRedisPort, String defaultDataDir) {
            this.kafkaPort = kafkaPort;
            this.elasticsearchPort = elasticsearchPort;
            this.wechatPort = wechatPort;
            this.embeddedRedisPort = embeddedRedisPort;
            this.defaultDataDir = defaultDataDir;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The parts of the stack; {@code --only} starts a subset, so each can be stopped and restarted as its own process. */
    enum Part {
        KAFKA, ELASTICSEARCH, REDIS, WECHAT;

        static java.util.Set<Part> parse(String list) {
            java.util.Set<Part> parts = java.util.EnumSet.noneOf(Part.class);
            for (String name : list.split(",")) {
                String part = name.strip().toUpperCase(Locale.ROOT);
                try {
                    parts.add(Part.valueOf(part));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown part " + name.strip() + " (kafka, elasticsearch, redis, wechat)");
                }
            }
            return parts;
        }
    }

    /** What to start where. Ports come from the profile unless given on the command line. */
    record Settings(Profile profile, Path dataDir, int kafkaPort, int elasticsearchPort, int wechatPort,
                    int redisPort, int embeddedRedisPort, String wechatAppId, String wechatAppSecret, java.util.Set<Part> parts) {

        boolean runs(Part part) {
            return parts.contains(part);
        }

        static final String USAGE = """
            usage: DevStack [--profile dev|test] [--data-dir DIR]
                            [--kafka-port N] [--elasticsearch-port N] [--wechat-port N] [--redis-port N]
                            [--only PART,...]
              dev:  Kafka 9092, Elasticsearch 9200, WeChat stand-in 8090, Redis 6379; data kept in .civic/data
              test: Kafka 19092, Elasticsearch 19200, WeChat stand-in 18090, Redis 6379 or embedded 16379;
                    Kafka and Elasticsearch start empty in .civic/test-data
              --redis-port N: use the Redis answering on N, or start the embedded one on N
              --only kafka,elasticsearch,redis,wechat: start only these parts (default: all), e.g. one process per
                    part so that each can be stopped and restarted on its own (./civic chaos)
              WECHAT_APP_ID / WECHAT_APP_SECRET override the stand-in's dev app id and secret""";

        static Settings parse(String[] args, Map<String, String> env) {
            Profile profile = Profile.DEV;
            String dataDir = null;
            Integer kafka = null;
            Integer elasticsearch = null;
            Integer wechat = null;
            Integer redis = null;
            java.util.Set<Part> parts = java.util.EnumSet.allOf(Part.class);
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + option);
                }
                String value = args[++i];
                switch (option) {
                    case "--profile" -> profile = switch (value) {
                        case "dev" -> Profile.DEV;
                        case "test" -> Profile.TEST;
                        default -> throw new IllegalArgumentException("unknown profile " + value);
                    };
                    case "--data-dir" -> dataDir = value;
                    case "--kafka-port" -> kafka = port(option, value);
                    case "--elasticsearch-port" -> elasticsearch = port(option, value);
                    case "--wechat-port" -> wechat = port(option, value);
                    case "--redis-port" -> redis = port(option, value);
                    case "--only" -> parts = Part.parse(value);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            return new Settings(profile,
                Path.of(dataDir != null ? dataDir : profile.defaultDataDir),
                kafka != null ? kafka : profile.kafkaPort,
                elasticsearch != null ? elasticsearch : profile.elasticsearchPort,
                wechat != null ? wechat : profile.wechatPort,
                redis != null ? redis : 6379,
                redis != null ? redis : profile.embeddedRedisPort,
                env.getOrDefault("WECHAT_APP_ID", WeChatStandIn.DEV_APP_ID),
                env.getOrDefault("WECHAT_APP_SECRET", WeChatStandIn.DEV_APP_SECRET),
                java.util.Set.copyOf(parts));
        }

        private static int port(String option, String value) {
            try {
                int port = Integer.parseInt(value);
                if (port < 1 || port > 65535) {
                    throw new IllegalArgumentException(option + " must be a port between 1 and 65535");
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " must be a number, not " + value);
            }
        }
    }
}
