package cn.nanning.civic.search.semantic;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15.BgeSmallZhV15EmbeddingModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * BAAI bge-small-zh-v1.5 sentence embeddings (512 dimensions, unit length, CLS pooling), run in this JVM with ONNX
 * Runtime; the model is bundled in its jar, so nothing is downloaded. Questions get bge's retrieval instruction
 * prefix (short question → passage); passages are embedded as they are, cut to {@link #MAX_PASSAGE_CHARS}.
 * Thread-safe. Loading takes a few seconds and ~370 MB of native memory.
 * <p>
 * The ONNX session runs each text on one thread without spin-waiting (ONNX Runtime's default is a pool of one
 * spinning thread per core): a question is a few dozen tokens, and on a shared 2-core machine the word search runs
 * at the same time, so a second spinning thread only competes with it. Passages are spread over one worker per core.
 * The vectors are the same as the library's own {@code BgeSmallZhV15EmbeddingModel} (same model file, tokenizer and
 * CLS pooling), so cached vectors stay valid.
 */
public final class SentenceEmbeddings {

    /** Names the model and the passage recipe; cached vectors made with another recipe are not reused. */
    public static final String MODEL_ID = "bge-small-zh-v1.5";
    public static final int DIMENSIONS = 512;
    /** bge's instruction for short queries that retrieve passages. */
    static final String QUERY_PREFIX = "为这个句子生成表示以用于检索相关文章：";
    /**
     * Characters of an article passage that are embedded (about one token a character). Most articles are shorter
     * (title + chapter + text averages ~140); a longer article is represented by its opening, which keeps the cost of
     * the few very long ones (a token window beyond 512 would be split and averaged) bounded.
     */
    public static final int MAX_PASSAGE_CHARS = 256;

    private final AbstractInProcessEmbeddingModel model;

    private SentenceEmbeddings(AbstractInProcessEmbeddingModel model) {
        this.model = model;
    }

    /** Loads the model; fails (e.g. no native ONNX Runtime for this platform) with the reason. */
    public static SentenceEmbeddings load() {
        return new SentenceEmbeddings(new SingleThreadedBge());
    }

    /** bge-small-zh-v1.5 from the library's jar, in a session with one non-spinning intra-op thread. */
    private static final class SingleThreadedBge extends AbstractInProcessEmbeddingModel {

        private static final ExecutorService WORKERS = Executors.newFixedThreadPool(
                Runtime.getRuntime().availableProcessors(), r -> Thread.ofPlatform().daemon().name("embedding-", 0).unstarted(r));

        private final OnnxBertBiEncoder encoder;

        SingleThreadedBge() {
            super(WORKERS);
            try (InputStream onnx = resource("/bge-small-zh-v1.5.onnx");
                 InputStream tokenizer = resource("/bge-small-zh-v1.5-tokenizer.json");
                 OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                options.addConfigEntry("session.intra_op.allow_spinning", "0");
                OrtEnvironment environment = OrtEnvironment.getEnvironment();
                encoder = new OnnxBertBiEncoder(environment, environment.createSession(onnx.readAllBytes(), options),
                        tokenizer, PoolingMode.CLS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (OrtException e) {
                throw new IllegalStateException("cannot start the ONNX session for " + MODEL_ID, e);
            }
        }

        private static InputStream resource(String name) throws IOException {
            InputStream in = BgeSmallZhV15EmbeddingModel.class.getResourceAsStream(name);
            if (in == null) {
                throw new IOException("missing classpath resource " + name);
            }
            return in;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSIONS;
        }
    }

    /** The text an article is embedded from: law title, chapter and article text, cut to the passage length. */
    public static String passage(String title, String chapter, String text) {
        StringBuilder passage = new StringBuilder();
        append(passage, title);
        append(passage, chapter);
        append(passage, text);
        return passage.length() > MAX_PASSAGE_CHARS ? passage.substring(0, MAX_PASSAGE_CHARS) : passage.toString();
    }

    private static void append(StringBuilder passage, String part) {
        if (part != null && !part.isBlank()) {
            if (!passage.isEmpty()) {
                passage.append(' ');
            }
            passage.append(part.strip());
        }
    }

    /** A question's vector (with the retrieval prefix). */
    public float[] question(String question) {
        return model.embed(QUERY_PREFIX + question.strip()).content().vector();
    }

    /** Passage vectors in order; the model spreads them over the available cores. */
    public List<float[]> passages(List<String> passages) {
        if (passages.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = passages.stream().map(TextSegment::from).toList();
        List<float[]> vectors = new ArrayList<>(passages.size());
        model.embedAll(segments).content().forEach(e -> vectors.add(e.vector()));
        return vectors;
    }
}
