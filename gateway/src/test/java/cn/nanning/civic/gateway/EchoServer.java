package cn.nanning.civic.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A real downstream for routing tests: answers with what it received, as JSON. */
public final class EchoServer {

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, AtomicInteger> byPath = new ConcurrentHashMap<>();

    EchoServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many requests reached this downstream so far. */
    public int requests() {
        return requests.get();
    }

    /** How many requests for exactly this path (as the downstream sees it) reached this downstream. */
    public int requestsTo(String path) {
        AtomicInteger count = byPath.get(path);
        return count == null ? 0 : count.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            int seen = byPath.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            byte[] received = exchange.getRequestBody().readAllBytes();
            // A downstream in trouble: always, or only the first time a path is asked for.
            if (path.endsWith("/unavailable") || (path.endsWith("/unavailable-once") && seen == 1)) {
                send(exchange, 503, "application/json", "{\"error\":\"downstream unavailable\"}");
                return;
            }
            if (path.endsWith("/spec.yml")) {
                send(exchange, 200, "application/yaml", "openapi: 3.0.1\ninfo:\n  title: echo\n  version: v1\npaths: {}\n");
                return;
            }
            if (path.endsWith("/no-content")) {
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            if (path.endsWith("/download") || path.endsWith("/download-with-length")) {
                sendDownload(exchange, Integer.parseInt(exchange.getRequestURI().getRawQuery().replace("bytes=", "")),
                        path.endsWith("/download-with-length"));
                return;
            }
            if (path.endsWith("/sleep")) {
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Map<String, String> echo = new LinkedHashMap<>();
            echo.put("method", exchange.getRequestMethod());
            echo.put("path", path);
            echo.put("query", exchange.getRequestURI().getRawQuery());
            echo.put("body", new String(received, StandardCharsets.UTF_8));
            echo.put("contentType", exchange.getRequestHeaders().getFirst("Content-Type"));
            echo.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
            echo.put("requestId", exchange.getRequestHeaders().getFirst("X-Request-Id"));
            // Every X-Forwarded-For header the downstream got, as one list: a second header would show.
            java.util.List<String> forwardedFor = exchange.getRequestHeaders().get("X-Forwarded-For");
            echo.put("forwardedFor", forwardedFor == null ? null : String.join(" | ", forwardedFor));
            echo.put("host", exchange.getRequestHeaders().getFirst("Host"));
            echo.put("connection", exchange.getRequestHeaders().getFirst("Connection"));
            echo.put("bodyBytes", Integer.toString(received.length));
            echo.put("bodySha256", sha256(received));
            int status = path.endsWith("/teapot") ? 418 : 200;
            exchange.getResponseHeaders().set("X-Echo", "yes");
            send(exchange, status, "application/json", json(echo));
        }
    }

    /** The bytes of {@code downloadBytes(size)} in pieces, as a file download is: with a length, or chunked. */
    private static void sendDownload(HttpExchange exchange, int size, boolean withLength) throws IOException {
        byte[] bytes = downloadBytes(size);
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, withLength ? size : 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int from = 0; from < bytes.length; from += 8192) {
                out.write(bytes, from, Math.min(8192, bytes.length - from));
                out.flush();
            }
        }
    }

    /** Deterministic bytes of every value, so a shifted, dropped or repeated piece shows. */
    public static byte[] downloadBytes(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + i / 251);
        }
        return bytes;
    }

    public static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String json(Map<String, String> values) {
        StringBuilder out = new StringBuilder("{");
        values.forEach((key, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(key).append("\":");
            if (value == null) {
                out.append("null");
            } else {
                out.append('"');
                value.chars().forEach(c -> {
                    switch (c) {
                        case '"' -> out.append("\\\"");
                        case '\\' -> out.append("\\\\");
                        case '\n' -> out.append("\\n");
                        default -> {
                            if (c < 0x20) {
                                out.append(String.format("\\u%04x", c));
                            } else {
                                out.append((char) c);
                            }
                        }
                    }
                });
                out.append('"');
            }
        });
        return out.append('}').toString();
    }
}
