package cn.nanning.civic.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevStackTest {

    @TempDir
    Path dataDir;

    /** Runs the stack the way ./civic does: its own JVM, stopped with SIGTERM. Ports are free ones, not 19xxx. */
    @Test
    void the_test_profile_prints_and_writes_the_ready_line_and_removes_it_on_sigterm() throws Exception {
        int kafka = Ports.free();
        int elasticsearch = Ports.free();
        int wechat = Ports.free();
        int redis = Ports.free();
        Process stack = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx1g", "-cp", testClasspath(), DevStack.class.getName(),
            "--profile", "test", "--data-dir", dataDir.toString(),
            "--kafka-port", "" + kafka, "--elasticsearch-port", "" + elasticsearch,
            "--wechat-port", "" + wechat, "--redis-port", "" + redis)
            .redirectErrorStream(true)
            .start();
        try {
            String expected = "DEVSTACK READY kafka=127.0.0.1:" + kafka + " elasticsearch=http://127.0.0.1:" + elasticsearch
                + " redis=redis://127.0.0.1:" + redis + " wechat=http://127.0.0.1:" + wechat;
            List<String> output = new CopyOnWriteArrayList<>();
            String ready = CompletableFuture.supplyAsync(() -> readUntilReady(stack, output)).get(60, TimeUnit.SECONDS);

            assertThat(ready).as("output: %s", output).isEqualTo(expected);
            assertThat(Files.readString(dataDir.resolve("devstack.ready"))).isEqualTo(expected + "\n");
            assertThat(get("http://127.0.0.1:" + elasticsearch + "/")).contains("\"cluster_name\":\"civic-test\"");
            assertThat(get("http://127.0.0.1:" + wechat + "/cgi-bin/token?grant_type=client_credential&appid=wx5a1ce0dec0de4501"
                + "&secret=dev-only-wechat-app-secret-4501")).contains("access_token");
            assertThat(RedisEndpoint.answersPing(redis)).isTrue();
            assertThat(Ports.inUse(kafka)).isTrue();

            stack.destroy(); // SIGTERM

            assertThat(stack.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(dataDir.resolve("devstack.ready")).doesNotExist();
            assertThat(Ports.inUse(elasticsearch)).isFalse();
            assertThat(Ports.inUse(kafka)).isFalse();
            assertThat(RedisEndpoint.answersPing(redis)).isFalse();
        } finally {
            stack.destroyForcibly();
        }
    }

    @Test
    void profiles_give_the_ports_of_the_wiring_contract() {
        DevStack.Settings dev = DevStack.Settings.parse(new String[] {"--profile", "dev"}, Map.of());
        DevStack.Settings test = DevStack.Settings.parse(new String[] {"--profile", "test"}, Map.of());

        assertThat(List.of(dev.kafkaPort(), dev.elasticsearchPort(), dev.wechatPort(), dev.redisPort(), dev.embeddedRedisPort()))
            .containsExactly(9092, 9200, 8090, 6379, 6379);
        assertThat(dev.dataDir()).isEqualTo(Path.of(".civic/data"));
        assertThat(List.of(test.kafkaPort(), test.elasticsearchPort(), test.wechatPort(), test.redisPort(), test.embeddedRedisPort()))
            .containsExactly(19092, 19200, 18090, 6379, 16379);
    }

    @Test
    void a_stack_does_not_start_on_a_port_someone_else_holds() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            DevStack stack = new DevStack(DevStack.Settings.parse(new String[] {
                "--profile", "test", "--data-dir", dataDir.toString(), "--kafka-port", "" + Ports.free(),
                "--elasticsearch-port", "" + taken.getLocalPort(), "--wechat-port", "" + Ports.free()}, Map.of()));

            assertThatThrownBy(stack::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Elasticsearch port " + taken.getLocalPort() + " is already in use");
            assertThat(dataDir.resolve("devstack.ready")).doesNotExist();
        }
    }

    @Test
    void only_starts_the_parts_it_names_and_reports_only_those() throws Exception {
        DevStack.Settings settings = DevStack.Settings.parse(new String[] {
            "--profile", "test", "--data-dir", dataDir.toString(), "--only", "wechat", "--wechat-port", "" + Ports.free()}, Map.of());
        assertThat(settings.parts()).containsExactly(DevStack.Part.WECHAT);
        try (DevStack stack = new DevStack(settings)) {
            stack.start();

            assertThat(stack.readyLine()).startsWith("DEVSTACK READY wechat=http://127.0.0.1:")
                .doesNotContain("kafka=").doesNotContain("elasticsearch=").doesNotContain("redis=");
            assertThat(dataDir.resolve("devstack.ready")).exists();
        }
    }

    @Test
    void an_unknown_part_is_refused() {
        assertThatThrownBy(() -> DevStack.Settings.parse(new String[] {"--only", "kafka,zookeeper"}, Map.of()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("zookeeper");
    }

    @Test
    void an_unknown_profile_is_refused() {
        assertThatThrownBy(() -> DevStack.Settings.parse(new String[] {"--profile", "prod"}, Map.of()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("prod");
    }

    private static String readUntilReady(Process process, List<String> output) {
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                output.add(line);
                if (line.startsWith("DEVSTACK READY")) {
                    // keep draining so the stack never blocks on a full pipe
                    Thread.ofVirtual().start(() -> drain(reader, output));
                    return line;
                }
            }
            return null;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void drain(BufferedReader reader, List<String> output) {
        try {
            reader.lines().forEach(output::add);
        } catch (UncheckedIOException e) {
            // the process is gone and its stream closed: nothing left to drain
        }
    }

    private static String testClasspath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null ? surefire : System.getProperty("java.class.path");
    }

    private static String get(String url) throws Exception {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
        }
    }
}
