package cn.nanning.civic.devstack;

import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The Redis the stack hands out: one already answering on the machine, or else an embedded redis-server
 * (a real binary shipped in the embedded-redis jar) that lives as long as the stack.
 */
final class RedisEndpoint implements AutoCloseable {

    private final int port;
    private final RedisServer embedded;

    private RedisEndpoint(int port, RedisServer embedded) {
        this.port = port;
        this.embedded = embedded;
    }

    /** Uses a Redis answering PING on {@code preferredPort}, or starts an embedded one on {@code embeddedPort}. */
    static RedisEndpoint reuseOrStart(int preferredPort, int embeddedPort) {
        if (answersPing(preferredPort)) {
            return new RedisEndpoint(preferredPort, null);
        }
        if (embeddedPort != preferredPort && answersPing(embeddedPort)) {
            // an embedded redis-server left behind by a stack that was killed hard; it works, so use it
            return new RedisEndpoint(embeddedPort, null);
        }
        try {
            RedisServer server = RedisServer.newRedisServer()
                .port(embeddedPort)
                .bind("127.0.0.1")
                .setting("save \"\"")
                .setting("appendonly no")
                .build();
            server.start();
            return new RedisEndpoint(embeddedPort, server);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded redis-server on port " + embeddedPort, e);
        }
    }

    static boolean answersPing(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(5);
            return "+PONG".equals(new String(reply, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return false;
        }
    }

    int port() {
        return port;
    }

    boolean embedded() {
        return embedded != null;
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.stop();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
