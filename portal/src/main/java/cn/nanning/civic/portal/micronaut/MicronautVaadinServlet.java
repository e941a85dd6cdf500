package cn.nanning.civic.portal.micronaut;

import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletService;
import io.micronaut.context.BeanContext;

/** The Vaadin servlet whose service builds everything through Micronaut's bean context first. */
final class MicronautVaadinServlet extends VaadinServlet {

    private final transient BeanContext beans;

    MicronautVaadinServlet(BeanContext beans) {
        this.beans = beans;
    }

    @Override
    protected VaadinServletService createServletService(DeploymentConfiguration configuration) throws ServiceException {
        VaadinServletService service = new VaadinServletService(this, configuration) {
            @Override
            protected Instantiator createInstantiator() {
                return new MicronautInstantiator(this, beans);
            }
        };
        service.init();
        return service;
    }
}
