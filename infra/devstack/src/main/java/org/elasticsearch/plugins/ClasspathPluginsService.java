package org.elasticsearch.plugins;

import org.elasticsearch.Build;
import org.elasticsearch.action.admin.cluster.node.info.PluginsAndModules;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads plugins from classes already on the classpath instead of plugin folders, so a node can run inside our
 * dev stack JVM. It lives in this package because it needs package-private parts of {@link PluginsService}.
 * Uses Elasticsearch internals: recheck on every Elasticsearch upgrade.
 */
public final class ClasspathPluginsService extends PluginsService {

    private final List<LoadedPlugin> classpathPlugins;
    private final Map<Class<?>, List<?>> serviceProviders = new ConcurrentHashMap<>();

    public ClasspathPluginsService(Settings settings, Environment environment,
                                   Collection<Class<? extends Plugin>> pluginClasses) {
        super(settings, environment.configDir(), emptyLoader());
        List<LoadedPlugin> loaded = new ArrayList<>();
        for (Class<? extends Plugin> pluginClass : pluginClasses) {
            Plugin plugin = loadPlugin(pluginClass, settings, environment.configDir());
            PluginDescriptor descriptor = new PluginDescriptor(
                pluginClass.getSimpleName(), "classpath plugin", Build.current().version(), Build.current().version(),
                Integer.toString(Runtime.version().feature()), pluginClass.getName(), null, List.of(),
                false, false, false, false, PluginDescriptor.DeploymentTarget.ALL);
            loaded.add(new LoadedPlugin(descriptor, plugin, pluginClass.getClassLoader()));
        }
        loadExtensions(loaded);
        this.classpathPlugins = List.copyOf(loaded);
    }

    /** A loader with no plugin or module folders: everything comes from the classpath. */
    public static PluginsLoader emptyLoader() {
        return new PluginsLoader(Set.of(), Set.of(), Map.of());
    }

    @Override
    protected List<LoadedPlugin> plugins() {
        return classpathPlugins;
    }

    @Override
    public PluginsAndModules info() {
        return new PluginsAndModules(
            classpathPlugins.stream().map(p -> new PluginRuntimeInfo(p.descriptor())).toList(), List.of());
    }

    /**
     * All plugins share one class loader here, so the default per-plugin lookup would return every provider once per
     * plugin. Look each service up once and build each provider once.
     */
    @Override
    @SuppressWarnings("unchecked")
    public <T> List<? extends T> loadServiceProviders(Class<T> service) {
        return (List<? extends T>) serviceProviders.computeIfAbsent(service, this::lookUp);
    }

    private <T> List<T> lookUp(Class<T> service) {
        Set<Class<? extends T>> providerTypes = new LinkedHashSet<>();
        ServiceLoader.load(service, ClasspathPluginsService.class.getClassLoader()).stream()
            .forEach(provider -> providerTypes.add(provider.type()));
        List<T> providers = new ArrayList<>();
        for (Class<? extends T> type : providerTypes) {
            providers.add(instantiate(type, service));
        }
        return List.copyOf(providers);
    }

    private <T> T instantiate(Class<? extends T> type, Class<T> service) {
        RuntimeException last = null;
        for (LoadedPlugin plugin : classpathPlugins) {
            try {
                return createExtension(type, service, plugin.instance());
            } catch (IllegalStateException e) {
                // the provider wants another plugin type in its constructor; try the next plugin
                last = e;
            }
        }
        if (last != null) {
            throw last;
        }
        throw new IllegalStateException("no plugin to create service provider " + type.getName());
    }
}
