package cn.nanning.civic.portal.micronaut;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.micronaut.context.BeanContext;
import io.micronaut.inject.BeanDefinition;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * Lets Vaadin create views, layouts and listeners through Micronaut so they get constructor injection.
 * Classes Micronaut does not know (Vaadin's own error views, plain components) fall back to reflection.
 */
final class MicronautInstantiator extends DefaultInstantiator {

    private final transient BeanContext beans;

    MicronautInstantiator(VaadinService service, BeanContext beans) {
        super(service);
        this.beans = beans;
    }

    @Override
    public <T> T getOrCreate(Class<T> type) {
        return definitionOf(type).map(beans::getBean).orElseGet(() -> super.getOrCreate(type));
    }

    @Override
    public <T extends Component> T createComponent(Class<T> type) {
        return definitionOf(type).map(beans::getBean).orElseGet(() -> super.createComponent(type));
    }

    @Override
    public Stream<VaadinServiceInitListener> getServiceInitListeners() {
        return Stream.concat(super.getServiceInitListeners(),
                beans.getBeansOfType(VaadinServiceInitListener.class).stream());
    }

    /** Only the bean of exactly this class: asking for a supertype must not pick some subclass bean. */
    private <T> Optional<BeanDefinition<T>> definitionOf(Class<T> type) {
        return beans.getBeanDefinitions(type).stream()
                .filter(definition -> definition.getBeanType() == type)
                .findFirst();
    }
}
