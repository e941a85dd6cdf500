package cn.nanning.civic.e2e.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.status.Status;
import cn.nanning.civic.common.logging.PeriodicAsyncAppender;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The logging configuration each API deployable ships: it loads without errors, and every line leaves through the
 * periodically drained queue, never from the event loop straight to stdout.
 */
class LoggingConfigurationTest {

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "services/app", "search"})
    void everyLineLeavesThroughThePeriodicQueue(String module) throws Exception {
        String root = System.getProperty("civic.root");
        Path base = root != null && !root.isBlank() ? Path.of(root) : Path.of("../..");
        Path file = base.resolve(module).resolve("src/main/resources/logback.xml").toAbsolutePath().normalize();
        assertThat(file).exists();

        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(Files.newInputStream(file));

            assertThat(context.getStatusManager().getCopyOfStatusList())
                    .as("configuration messages").noneMatch(status -> status.getLevel() >= Status.WARN);
            Logger rootLogger = context.getLogger(Logger.ROOT_LOGGER_NAME);
            Appender<?> async = rootLogger.getAppender("ASYNC");
            assertThat(async).isInstanceOf(PeriodicAsyncAppender.class);
            assertThat(async.isStarted()).isTrue();
            assertThat(((PeriodicAsyncAppender) async).getAppender("STDOUT")).isNotNull();
            assertThat(rootLogger.getAppender("STDOUT")).as("stdout only behind the queue").isNull();
        } finally {
            context.stop();
        }
    }
}
