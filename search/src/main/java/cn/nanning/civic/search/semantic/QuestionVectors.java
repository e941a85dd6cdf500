package cn.nanning.civic.search.semantic;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The question side of semantic law search: loads the embedding model in the background when the service starts
 * (a few seconds) and embeds questions once it is there. Until then, when it is switched off
 * ({@code civic.search.semantic.enabled: false}) or when it cannot load (e.g. no native ONNX Runtime for the platform),
 * {@link #embed} is empty and law search ranks by words alone; the log says which.
 */
@Context
public class QuestionVectors {

    private static final Logger LOG = LoggerFactory.getLogger(QuestionVectors.class);

    private final CompletableFuture<Optional<SentenceEmbeddings>> model;

    @Inject
    QuestionVectors(@Value("${civic.search.semantic.enabled:true}") boolean enabled) {
        this(enabled, SentenceEmbeddings::load);
    }

    QuestionVectors(boolean enabled, Supplier<SentenceEmbeddings> loader) {
        if (!enabled) {
            LOG.info("Semantic law search is switched off (civic.search.semantic.enabled=false): law search ranks by words only");
            model = CompletableFuture.completedFuture(Optional.empty());
            return;
        }
        model = CompletableFuture.supplyAsync(() -> {
            long started = System.nanoTime();
            try {
                SentenceEmbeddings loaded = loader.get();
                loaded.question("预热");
                LOG.info("Embedding model {} loaded in {} ms: law search ranks by words and meaning",
                        SentenceEmbeddings.MODEL_ID, (System.nanoTime() - started) / 1_000_000);
                return Optional.of(loaded);
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("Cannot load the embedding model {}: law search ranks by words only", SentenceEmbeddings.MODEL_ID, e);
                return Optional.empty();
            }
        }, command -> Thread.ofPlatform().daemon().name("embedding-model-loader").start(command));
    }

    /** True once the model is loaded (false while loading, switched off or unavailable). */
    public boolean ready() {
        return model.getNow(Optional.empty()).isPresent();
    }

    /** The question's vector, or empty while the model is loading, switched off or unavailable. */
    public Optional<float[]> embed(String question) {
        Optional<SentenceEmbeddings> loaded = model.getNow(Optional.empty());
        return loaded.map(m -> m.question(question));
    }

    /** Waits up to the timeout for the model to finish loading; true when it can embed. */
    public boolean awaitReady(long timeout, TimeUnit unit) {
        try {
            return model.get(timeout, unit).isPresent();
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return false;
        }
    }

    @PreDestroy
    void close() {
        model.cancel(false);
    }
}
