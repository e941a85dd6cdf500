package cn.nanning.civic.search.semantic;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class QuestionVectorsTest {

    @Test
    void a_model_that_cannot_load_leaves_search_lexical_and_the_log_says_why() {
        Logger logger = (Logger) LoggerFactory.getLogger(QuestionVectors.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            QuestionVectors vectors = new QuestionVectors(true, () -> {
                throw new UnsatisfiedLinkError("no onnxruntime for this platform");
            });

            assertThat(vectors.awaitReady(30, TimeUnit.SECONDS)).isFalse();
            assertThat(vectors.ready()).isFalse();
            assertThat(vectors.embed("老板拖欠工资怎么办")).isEmpty();
            assertThat(log.list).anySatisfy(event -> {
                assertThat(event.getFormattedMessage()).contains("Cannot load the embedding model").contains("words only");
                assertThat(event.getThrowableProxy().getMessage()).contains("no onnxruntime for this platform");
            });
        } finally {
            logger.detachAppender(log);
        }
    }

    @Test
    void switched_off_it_never_loads_the_model() {
        QuestionVectors vectors = new QuestionVectors(false, () -> {
            throw new AssertionError("must not load");
        });

        assertThat(vectors.awaitReady(1, TimeUnit.SECONDS)).isFalse();
        assertThat(vectors.embed("父母去世后房子怎么继承")).isEmpty();
    }
}
