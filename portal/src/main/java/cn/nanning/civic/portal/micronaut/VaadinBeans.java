package cn.nanning.civic.portal.micronaut;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import io.micronaut.context.BeanContext;
import io.micronaut.inject.BeanDefinition;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds Vaadin's startup classes in Micronaut's compile-time bean index, replacing the servlet container's
 * classpath scan (which an embedded Jetty without annotation scanning does not do).
 */
final class VaadinBeans {

    private VaadinBeans() {
    }

    static Set<Class<?>> routes(BeanContext beans) {
        return select(beans, type -> type.isAnnotationPresent(Route.class)
                || type.isAnnotationPresent(RouteAlias.class)
                || type.isAnnotationPresent(Layout.class));
    }

    static Set<Class<?>> errorViews(BeanContext beans) {
        return select(beans, HasErrorParameter.class::isAssignableFrom);
    }

    static Set<Class<?>> appShells(BeanContext beans) {
        return select(beans, AppShellConfigurator.class::isAssignableFrom);
    }

    private static Set<Class<?>> select(BeanContext beans, Predicate<Class<?>> wanted) {
        Set<Class<?>> types = new LinkedHashSet<>();
        for (BeanDefinition<?> definition : beans.getAllBeanDefinitions()) {
            Class<?> type = definition.getBeanType();
            if (type.getName().startsWith("cn.nanning.civic.portal.") && wanted.test(type)) {
                types.add(type);
            }
        }
        return types;
    }
}
