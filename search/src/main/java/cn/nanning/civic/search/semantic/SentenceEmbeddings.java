package cn.nanning.civic.search.semantic;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15.BgeSmallZhV15EmbeddingModel;

import java.util.ArrayList;
import java.util.List;

/**
 * BAAI bge-small-zh-v1.5 sentence embeddings (512 dimensions, unit length, CLS pooling), run in this JVM with ONNX
 * Runtime; the model is bundled in its jar, so nothing is downloaded. Questions get bge's retrieval instruction
 * prefix (short question → passage); passages are embedded as they are, cut to {@link #MAX_PASSAGE_CHARS}.
 * Thread-safe. Loading takes a few seconds and ~250 MB of native memory.
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

    private final BgeSmallZhV15EmbeddingModel model;

    private SentenceEmbeddings(BgeSmallZhV15EmbeddingModel model) {
        this.model = model;
    }

    /** Loads the model; fails (e.g. no native ONNX Runtime for this platform) with the reason. */
    public static SentenceEmbeddings load() {
        return new SentenceEmbeddings(new BgeSmallZhV15EmbeddingModel());
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
