package cn.nanning.civic.search.semantic;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.BufferedInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Passage vectors already computed, kept in one append-only file per model
 * ({@code <dir>/bge-small-zh-v1.5-256.vectors}: records of a 64-bit passage key and 512 floats), so loading the laws
 * again embeds only passages whose text changed. The key is the start of the SHA-256 of the passage text. A record cut
 * short by an interrupted run is ignored when read. Not thread-safe; one loader at a time.
 */
public final class VectorCache implements AutoCloseable {

    private final Path file;
    private final Map<Long, float[]> vectors = new HashMap<>();
    private final int dimensions;
    private OutputStream out;

    private VectorCache(Path file, int dimensions) {
        this.file = file;
        this.dimensions = dimensions;
    }

    /** Opens (creating the directory if needed) and reads the cache file of the current model and passage recipe. */
    public static VectorCache open(Path directory) throws IOException {
        Files.createDirectories(directory);
        VectorCache cache = new VectorCache(directory.resolve(SentenceEmbeddings.MODEL_ID + "-"
                + SentenceEmbeddings.MAX_PASSAGE_CHARS + ".vectors"), SentenceEmbeddings.DIMENSIONS);
        cache.read();
        return cache;
    }

    public Path file() {
        return file;
    }

    public int size() {
        return vectors.size();
    }

    private void read() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        long complete = 0;
        int record = Long.BYTES + dimensions * Float.BYTES;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            while (true) {
                long key = in.readLong();
                float[] vector = new float[dimensions];
                for (int i = 0; i < dimensions; i++) {
                    vector[i] = in.readFloat();
                }
                vectors.put(key, vector);
                complete += record;
            }
        } catch (EOFException end) {
            // A record cut short by an interrupted run is dropped; the file is truncated to whole records on append.
        }
        if (Files.size(file) != complete) {
            try (var channel = Files.newByteChannel(file, StandardOpenOption.WRITE)) {
                channel.truncate(complete);
            }
        }
    }

    public float[] get(String passage) {
        return vectors.get(key(passage));
    }

    /** Adds vectors and appends them to the file (flushed, so an interrupted load keeps what it embedded). */
    public void putAll(List<String> passages, List<float[]> computed) throws IOException {
        if (out == null) {
            out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND), 1 << 16);
        }
        DataOutputStream data = new DataOutputStream(out);
        for (int i = 0; i < passages.size(); i++) {
            float[] vector = computed.get(i);
            if (vector.length != dimensions) {
                throw new IllegalArgumentException("expected " + dimensions + " dimensions, got " + vector.length);
            }
            long key = key(passages.get(i));
            if (vectors.putIfAbsent(key, vector) == null) {
                data.writeLong(key);
                for (float v : vector) {
                    data.writeFloat(v);
                }
            }
        }
        data.flush();
    }

    static long key(String passage) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(passage.getBytes(StandardCharsets.UTF_8));
            long key = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                key = (key << 8) | (digest[i] & 0xff);
            }
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }

    /** Vectors for the passages: from the cache, the rest embedded now (and cached). Counts what came from where. */
    public static final class Source {
        private final VectorCache cache;
        private final SentenceEmbeddings model;
        private long cached;
        private long embedded;
        private long embedNanos;

        public Source(VectorCache cache, SentenceEmbeddings model) {
            this.cache = cache;
            this.model = model;
        }

        public List<float[]> vectors(List<String> passages) throws IOException {
            List<float[]> result = new ArrayList<>(passages.size());
            List<String> missing = new ArrayList<>();
            List<Integer> where = new ArrayList<>();
            for (String passage : passages) {
                float[] vector = cache.get(passage);
                result.add(vector);
                if (vector == null) {
                    where.add(result.size() - 1);
                    missing.add(passage);
                }
            }
            cached += passages.size() - missing.size();
            if (!missing.isEmpty()) {
                long started = System.nanoTime();
                List<float[]> computed = model.passages(missing);
                embedNanos += System.nanoTime() - started;
                cache.putAll(missing, computed);
                for (int i = 0; i < computed.size(); i++) {
                    result.set(where.get(i), computed.get(i));
                }
                embedded += missing.size();
            }
            return result;
        }

        public long cached() {
            return cached;
        }

        public long embedded() {
            return embedded;
        }

        /** Milliseconds per passage embedded so far (0 before any). */
        public double millisPerEmbedding() {
            return embedded == 0 ? 0 : embedNanos / 1e6 / embedded;
        }
    }
}
