package cn.nanning.civic.portal.micronaut;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.mock.MockedUI;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.mock.MockService;
import com.github.mvysny.kaributesting.v10.mock.MockVaadinServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinServletService;
import io.micronaut.context.ApplicationContext;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Runs the portal's views in Karibu-Testing's browserless Vaadin, wired exactly like production: routes from
 * Micronaut's bean index and views created by {@link MicronautInstantiator}.
 */
public final class KaribuPortal {

    /** Nothing listens here: calls to the gateway fail fast, as when the gateway is down. */
    public static final String NO_GATEWAY = "http://127.0.0.1:9";

    private KaribuPortal() {
    }

    public static ApplicationContext startContext() {
        return startContext(NO_GATEWAY);
    }

    /** A portal context whose gateway client calls {@code gatewayUrl} (the end-to-end tests pass a running gateway). */
    public static ApplicationContext startContext(String gatewayUrl) {
        return ApplicationContext.builder()
                .properties(Map.of("civic.portal.gateway-url", gatewayUrl))
                .deduceEnvironment(false)
                .start();
    }

    @SuppressWarnings("unchecked")
    public static void setup(ApplicationContext context) {
        Set<Class<? extends Component>> routes = new HashSet<>();
        VaadinBeans.routes(context).forEach(type -> routes.add((Class<? extends Component>) type));
        Set<Class<? extends HasErrorParameter<?>>> errorRoutes = new HashSet<>();
        VaadinBeans.errorViews(context).forEach(type -> errorRoutes.add((Class<? extends HasErrorParameter<?>>) type));
        Routes karibuRoutes = new Routes(routes, errorRoutes, true);

        MockVaadinServlet servlet = new MockVaadinServlet(karibuRoutes, MockedUI::new) {
            @Override
            protected VaadinServletService createServletService(DeploymentConfiguration configuration)
                    throws ServiceException {
                MockService service = new MockService(this, configuration, MockedUI::new) {
                    @Override
                    protected Instantiator createInstantiator() {
                        return new MicronautInstantiator(this, context);
                    }
                };
                service.init();
                karibuRoutes.register(service.getContext());
                return service;
            }
        };
        MockVaadin.setup(MockedUI::new, servlet);
    }

    public static void tearDown() {
        MockVaadin.tearDown();
    }
}
