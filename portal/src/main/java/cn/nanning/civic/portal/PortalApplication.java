package cn.nanning.civic.portal;

import cn.nanning.civic.portal.micronaut.PortalServer;
import io.micronaut.context.ApplicationContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/** Starts the staff portal: a Micronaut context that owns an embedded Jetty serving the Vaadin UI. */
public final class PortalApplication implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PortalApplication.class);

    private final ApplicationContext context;
    private final int port;

    private PortalApplication(ApplicationContext context, int port) {
        this.context = context;
        this.port = port;
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        PortalApplication portal = start(Map.of());
        Runtime.getRuntime().addShutdownHook(new Thread(portal::close, "portal-shutdown"));
        LOG.info("Portal started in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Starts a portal with extra properties on top of application.yml (tests use {@code civic.portal.port=0}).
     */
    public static PortalApplication start(Map<String, Object> properties) throws Exception {
        ApplicationContext context = ApplicationContext.builder()
                .properties(properties)
                .deduceEnvironment(false)
                .start();
        try {
            int port = context.getBean(PortalServer.class).start();
            return new PortalApplication(context, port);
        } catch (Exception | Error e) {
            context.close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    public ApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        if (context.isRunning()) {
            context.close();
        }
    }
}
