package cn.nanning.civic.bench.chaos;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The machine's PostgreSQL and Redis, which the suite restarts and stops. The commands are the ones these machines
 * use (environment variables {@code CHAOS_REDIS_STOP}, {@code CHAOS_REDIS_START}, {@code CHAOS_POSTGRES_RESTART},
 * {@code CHAOS_POSTGRES_STOP}, {@code CHAOS_POSTGRES_START} replace them). Whatever happens, {@link #leaveRunning()} starts both again.
 */
final class MachineServices {

    private static final Map<String, String> ENV = System.getenv();
    static final String REDIS_STOP = ENV.getOrDefault("CHAOS_REDIS_STOP", "redis-cli -p 6379 shutdown nosave");
    static final String REDIS_START = ENV.getOrDefault("CHAOS_REDIS_START",
            "redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save '' --appendonly no "
                    + "--dir /var/lib/redis --logfile /var/log/redis/ci.log");
    static final String POSTGRES_RESTART = ENV.getOrDefault("CHAOS_POSTGRES_RESTART",
            "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql | head -1) main restart");
    static final String POSTGRES_START = ENV.getOrDefault("CHAOS_POSTGRES_START",
            "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql | head -1) main start");
    static final String POSTGRES_STOP = ENV.getOrDefault("CHAOS_POSTGRES_STOP",
            "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql | head -1) main stop -m fast");

    private MachineServices() {
    }

    static void stopRedis() {
        shell(REDIS_STOP);
    }

    static void startRedis() {
        shell(REDIS_START);
        awaitPort(6379, Duration.ofSeconds(20));
    }

    static void restartPostgres() {
        shell(POSTGRES_RESTART);
        awaitPort(5432, Duration.ofSeconds(60));
    }

    static void stopPostgres() {
        shell(POSTGRES_STOP);
    }

    static void startPostgres() {
        shell(POSTGRES_START);
        awaitPort(5432, Duration.ofSeconds(60));
    }

    static boolean redisUp() {
        return answers(6379);
    }

    static boolean postgresUp() {
        return answers(5432);
    }

    /** Redis and PostgreSQL running again, whatever the suite did to them: other people's tests use them. */
    static void leaveRunning() {
        if (!redisUp()) {
            System.out.println("[chaos] starting Redis again");
            shell(REDIS_START);
        }
        if (!postgresUp()) {
            System.out.println("[chaos] starting PostgreSQL again");
            shell(POSTGRES_START);
        }
    }

    /**
     * Another test run or a dev platform uses the machine's PostgreSQL and Redis (a Maven test JVM, the end-to-end
     * suite, `./civic test` or `./civic up`): restarting them now would break it, so the suite waits.
     */
    static boolean otherTestsRunning() {
        try {
            // Test JVMs, and `./civic test` or `./civic up` themselves (`up` also starts PostgreSQL when it finds it down).
            Process p = new ProcessBuilder("pgrep", "-f", "surefire|cn[.]nanning[.]civic[.]e2e|civic (up|test)").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor();
            long own = ProcessHandle.current().pid();
            return out.lines().map(String::strip).filter(l -> !l.isEmpty()).anyMatch(l -> !l.equals(Long.toString(own)));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void awaitNoOtherTests(String why) {
        if (Boolean.parseBoolean(ENV.getOrDefault("CHAOS_IGNORE_OTHER_TESTS", "false"))) {
            return;
        }
        boolean told = false;
        while (otherTestsRunning()) {
            if (!told) {
                System.out.println("[chaos] another test run uses PostgreSQL/Redis; waiting before " + why + " (polling every 30 s)");
                told = true;
            }
            ChaosPlatform.pause(30_000);
        }
    }

    static void shell(String command) {
        try {
            Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int exit = p.waitFor();
            if (exit != 0) {
                System.out.println("[chaos] `" + command + "` exited " + exit + (out.isEmpty() ? "" : ": " + out));
            }
        } catch (IOException e) {
            System.out.println("[chaos] `" + command + "` failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void awaitPort(int port, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!answers(port) && System.nanoTime() < deadline) {
            ChaosPlatform.pause(200);
        }
    }
}
