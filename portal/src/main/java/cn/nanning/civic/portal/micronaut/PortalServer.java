package cn.nanning.civic.portal.micronaut;

import com.vaadin.flow.di.LookupInitializer;
import com.vaadin.flow.server.InitParameters;
import com.vaadin.flow.server.startup.ErrorNavigationTargetInitializer;
import com.vaadin.flow.server.startup.LookupServletContainerInitializer;
import com.vaadin.flow.server.startup.RouteRegistryInitializer;
import com.vaadin.flow.server.startup.VaadinAppShellInitializer;
import io.micronaut.context.BeanContext;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The embedded Jetty that serves the Vaadin UI. Micronaut owns it: closing the application context stops it.
 */
@Singleton
public final class PortalServer {

    private static final Logger LOG = LoggerFactory.getLogger(PortalServer.class);

    private final BeanContext beans;
    private final PortalConfiguration configuration;
    private Server server;

    PortalServer(BeanContext beans, PortalConfiguration configuration) {
        this.beans = beans;
        this.configuration = configuration;
    }

    /** Starts Jetty and returns the port it listens on. */
    public synchronized int start() throws Exception {
        if (server != null) {
            return port();
        }
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(configuration.host());
        connector.setPort(configuration.port());
        jetty.addConnector(connector);
        jetty.setHandler(context(jetty));
        jetty.setStopAtShutdown(false);
        jetty.start();
        server = jetty;
        LOG.info("Portal listening on http://{}:{}/ (gateway {})",
                configuration.host(), port(), configuration.gatewayUrl());
        return port();
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("portal server not started");
        }
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @PreDestroy
    public synchronized void stop() throws Exception {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    private ServletContextHandler context(Server jetty) throws IOException {
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        // Vaadin loads resources and classes through the context class loader; give it ours.
        ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        context.setClassLoader(classLoader);
        context.setBaseResource(webResources(jetty, classLoader));
        context.setInitParameter(InitParameters.SERVLET_PARAMETER_PRODUCTION_MODE, "true");
        // Idle timeout (civic.portal.idle-timeout, 30 min by default): Jetty drops a session nobody touched that long.
        context.getSessionHandler().setMaxInactiveInterval(Math.toIntExact(configuration.idleTimeout().toSeconds()));
        context.getSessionHandler().setHttpOnly(true);

        // What the container's classpath scan would hand to Vaadin's initializers, taken from Micronaut's bean index.
        Set<Class<?>> routes = VaadinBeans.routes(beans);
        context.addServletContainerInitializer(new LookupServletContainerInitializer(), LookupInitializer.class);
        context.addServletContainerInitializer(new RouteRegistryInitializer(), routes.toArray(Class<?>[]::new));
        context.addServletContainerInitializer(new ErrorNavigationTargetInitializer(),
                VaadinBeans.errorViews(beans).toArray(Class<?>[]::new));
        context.addServletContainerInitializer(new VaadinAppShellInitializer(),
                VaadinBeans.appShells(beans).toArray(Class<?>[]::new));
        JakartaWebSocketServletContainerInitializer.configure(context, null);

        ServletHolder vaadin = new ServletHolder("vaadin", new MicronautVaadinServlet(beans));
        vaadin.setAsyncSupported(true);
        vaadin.setInitOrder(1);
        vaadin.setInitParameter(InitParameters.SERVLET_PARAMETER_PRODUCTION_MODE, "true");
        // An open tab sends heartbeats, which touch the session; without this Vaadin would keep an idle session alive
        // for as long as the tab stays open. With it, only user interaction counts toward the idle timeout.
        vaadin.setInitParameter(InitParameters.SERVLET_PARAMETER_CLOSE_IDLE_SESSIONS, "true");
        context.addServlet(vaadin, "/*");
        context.addServlet(new ServletHolder("health", new HealthServlet()), "/health");
        context.addServlet(new ServletHolder("prometheus", new MetricsServlet()), "/prometheus");
        context.addFilter(new FilterHolder(new RequestIdFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        LOG.debug("Vaadin routes from the bean index: {}", routes);
        return context;
    }

    /**
     * Static web resources live in {@code META-INF/resources} of jars. Vaadin turns their URLs into {@link Path}s,
     * which only works while the jar's zip file system is mounted (registered with the provider), so mount each one
     * for the life of the JVM and give Jetty those paths as its combined base resource.
     */
    private static Resource webResources(Server jetty, ClassLoader classLoader) throws IOException {
        ResourceFactory factory = ResourceFactory.of(jetty);
        List<Resource> roots = new ArrayList<>();
        for (URL url : Collections.list(classLoader.getResources("META-INF/resources"))) {
            Resource resource = factory.newResource(mounted(url));
            if (resource != null && resource.exists()) {
                roots.add(resource);
            }
        }
        if (roots.isEmpty()) {
            throw new IllegalStateException("no META-INF/resources on the classpath; is Vaadin missing?");
        }
        return ResourceFactory.combine(roots);
    }

    private static Path mounted(URL url) throws IOException {
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                String spec = uri.toString();
                URI jar = URI.create(spec.substring(0, spec.indexOf("!/") + 2));
                synchronized (PortalServer.class) {
                    try {
                        FileSystems.getFileSystem(jar);
                    } catch (FileSystemNotFoundException notYet) {
                        FileSystems.newFileSystem(jar, Map.of());
                    }
                }
            }
            return Path.of(uri);
        } catch (URISyntaxException e) {
            throw new IOException("bad resource URL " + url, e);
        }
    }
}
