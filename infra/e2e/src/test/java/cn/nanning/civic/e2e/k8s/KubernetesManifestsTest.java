package cn.nanning.civic.e2e.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Validates k8s/ without a cluster: renders each overlay as kustomize would and checks that what would be
 * deployed matches what the apps serve and read (docs/architecture.md is the contract).
 */
class KubernetesManifestsTest {

    private static final List<String> DEPLOYABLES = List.of("gateway", "services", "search", "portal");
    private static final List<String> AUTOSCALED = List.of("gateway", "services", "search");
    private static final String IMAGE_REPOSITORY = "registry.example.gov.cn/nanning-civic/";

    /** Ports from docs/architecture.md "Processes and ports". */
    private static final Map<String, Integer> PORTS = Map.of(
            "gateway", 8080, "services", 8081, "search", 8082, "portal", 8083);

    /** Micronaut's health endpoint and its Kubernetes probe groups; the portal serves only /health. */
    private static final Map<String, String> READINESS = Map.of(
            "gateway", "/health/readiness", "services", "/health/readiness", "search", "/health/readiness",
            "portal", "/health");
    private static final Map<String, String> LIVENESS = Map.of(
            "gateway", "/health/liveness", "services", "/health/liveness", "search", "/health/liveness",
            "portal", "/health");
    private static final Set<String> HEALTH_PATHS = Set.of("/health", "/health/readiness", "/health/liveness");

    /** The configuration each deployable reads (docs/architecture.md "Configuration keys"). */
    private static final Map<String, Set<String>> ENV = Map.of(
            "gateway", Set.of("DATASOURCES_DEFAULT_URL", "DATASOURCES_DEFAULT_USERNAME", "DATASOURCES_DEFAULT_PASSWORD",
                    "CIVIC_SCHEMA_OWNER_USERNAME", "CIVIC_SCHEMA_OWNER_PASSWORD",
                    "REDIS_URL", "WECHAT_API_HOST", "WECHAT_APP_ID", "WECHAT_APP_SECRET", "PII_KEYS", "PII_INDEX_KEY",
                    "SERVICES_URL", "SEARCH_URL", "PORTAL_URL", "KAFKA_BOOTSTRAP_SERVERS", "CIVIC_CORS_ORIGINS", "GATEWAY_TRUSTED_PROXIES",
                    "WECHAT_TEMPLATE_PROXY_STATUS", "WECHAT_TEMPLATE_VOLUNTEER_ACTIVITY", "WECHAT_TEMPLATE_VOLUNTEER_CERTIFICATE", "WECHAT_TEMPLATE_APPOINTMENT_REMINDER",
                    "WECHAT_TEMPLATE_APPOINTMENT_WAITLIST_OFFER", "WECHAT_TEMPLATE_COUNCIL_OPINION",
                    "WECHAT_TEMPLATE_COUNCIL_PUBLICATION"),
            "services", Set.of("DATASOURCES_DEFAULT_URL", "DATASOURCES_DEFAULT_USERNAME", "DATASOURCES_DEFAULT_PASSWORD",
                    "CIVIC_SCHEMA_OWNER_USERNAME", "CIVIC_SCHEMA_OWNER_PASSWORD",
                    "KAFKA_BOOTSTRAP_SERVERS", "REDIS_URL", "WECHAT_API_HOST", "WECHAT_APP_ID", "WECHAT_APP_SECRET",
                    "GATEWAY_JWKS_URL", "GATEWAY_REVOKED_SESSIONS_URL", "PII_KEYS", "PII_INDEX_KEY", "CIVIC_DATA_DIR", "CIVIC_MATERIALS_DIR", "CIVIC_VOLUNTEERS_VERIFICATION_URL",
                    "CIVIC_APPOINTMENTS_RETENTION_DAYS"),
            // CIVIC_SEARCH_QUESTIONS_FILE and CIVIC_SEARCH_VECTOR_CACHE are read by the law loader run in the search
            // container (load-laws).
            "search", Set.of("KAFKA_BOOTSTRAP_SERVERS", "ELASTICSEARCH_URL", "GATEWAY_JWKS_URL", "GATEWAY_REVOKED_SESSIONS_URL", "CIVIC_DATA_DIR",
                    "CIVIC_SEARCH_QUESTIONS_FILE", "CIVIC_SEARCH_SEMANTIC_ENABLED", "CIVIC_SEARCH_VECTOR_CACHE",
                    "CIVIC_SEARCH_ANSWERS_FILE"),
            "portal", Set.of("GATEWAY_URL", "PORTAL_PUBLIC_URL"));
    /** Read by the JVM itself, not by the app's configuration. */
    private static final Set<String> JVM_ENV = Set.of("JAVA_TOOL_OPTIONS");

    private static final Set<String> SECRET_KEYS =
            Set.of("PII_KEYS", "PII_INDEX_KEY", "WECHAT_APP_SECRET", "DATASOURCES_DEFAULT_PASSWORD", "CIVIC_SCHEMA_OWNER_PASSWORD");

    private static final Map<String, List<Map<String, Object>>> RENDERED = new ConcurrentHashMap<>();

    // ---------------------------------------------------------------- files

    @Test
    void everyFileNamedInAKustomizationExistsAndParses() {
        List<Path> kustomizations = kustomizationDirs();
        assertThat(kustomizations).extracting(d -> k8s().relativize(d).toString().replace(File.separatorChar, '/'))
                .contains("base", "base/gateway", "base/services", "base/search", "base/portal", "base/external",
                        "overlays/dev", "overlays/prod");
        List<String> problems = new ArrayList<>();
        for (Path dir : kustomizations) {
            Map<String, Object> k;
            try {
                k = Kustomize.loadKustomization(dir);
            } catch (RuntimeException e) {
                problems.add(e.getMessage());
                continue;
            }
            for (Path file : referencedFiles(dir, k)) {
                try {
                    if (Files.isDirectory(file)) {
                        Kustomize.kustomizationFile(file);
                    } else if (Kustomize.loadAll(file).isEmpty()) {
                        problems.add(file + " is empty");
                    }
                } catch (RuntimeException e) {
                    problems.add(dir + " names " + file + ": " + e.getMessage());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void noManifestLiesAroundWithoutAKustomizationThatUsesIt() throws IOException {
        Set<Path> used = new HashSet<>();
        for (Path dir : kustomizationDirs()) {
            used.add(Kustomize.kustomizationFile(dir));
            used.addAll(referencedFiles(dir, Kustomize.loadKustomization(dir)));
        }
        try (Stream<Path> files = Files.walk(k8s())) {
            List<Path> orphans = files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .map(Path::normalize)
                    .filter(f -> !used.contains(f))
                    .toList();
            assertThat(orphans).as("YAML files no kustomization refers to").isEmpty();
        }
    }

    @Test
    void thePlaceholderSecretDocumentsEverySecretKeyWithoutARealValue() {
        Map<String, Object> secret = find(render(k8s().resolve("base")), "Secret", "civic-secrets");
        Map<String, Object> values = Yaml2.map(secret.get("stringData"));
        assertThat(values.keySet()).containsExactlyInAnyOrderElementsOf(SECRET_KEYS);
        assertThat(values.values()).allMatch("REPLACE_ME"::equals);
        assertThat(secret.get("data")).isNull();
    }

    // ---------------------------------------------------------------- rendering

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void eachOverlayRendersTheFourDeployablesIntoOneNamespace(String overlay) {
        List<Map<String, Object>> resources = overlay(overlay);
        assertThat(names(resources, "Deployment")).containsExactlyInAnyOrderElementsOf(DEPLOYABLES);
        assertThat(names(resources, "Service")).containsAll(DEPLOYABLES)
                .contains("postgres", "kafka", "elasticsearch", "redis");
        String namespace = overlay.equals("dev") ? "nanning-civic-dev" : "nanning-civic";
        assertThat(names(resources, "Namespace")).containsExactly(namespace);
        for (Map<String, Object> r : resources) {
            if (!"Namespace".equals(Resources.kind(r))) {
                assertThat(Resources.namespace(r)).as(Resources.id(r)).isEqualTo(namespace);
            }
            assertThat(Yaml2.map(Yaml2.at(r, "metadata", "labels")))
                    .as("labels of " + Resources.id(r)).containsEntry("app.kubernetes.io/part-of", "nanning-civic");
        }
        Set<String> ids = new HashSet<>();
        for (Map<String, Object> r : resources) {
            assertThat(ids.add(Resources.id(r))).as("duplicate " + Resources.id(r)).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void ourRenderingIsWhatKubectlKustomizeRenders(String overlay) throws Exception {
        String kubectl = onPath("kubectl");
        assumeTrue(kubectl != null, "kubectl is not installed; the checks above use our own rendering");
        Process process = new ProcessBuilder(kubectl, "kustomize", k8s().resolve("overlays").resolve(overlay).toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        Map<String, Object> theirs = new LinkedHashMap<>();
        for (Object doc : new Yaml().loadAll(output)) {
            if (doc != null) {
                Map<String, Object> r = Yaml2.map(doc);
                theirs.put(Resources.namespace(r) + "/" + Resources.id(r), r);
            }
        }
        Map<String, Object> ours = new LinkedHashMap<>();
        for (Map<String, Object> r : overlay(overlay)) {
            ours.put(Resources.namespace(r) + "/" + Resources.id(r), r);
        }
        assertThat(ours.keySet()).containsExactlyInAnyOrderElementsOf(theirs.keySet());
        for (String id : ours.keySet()) {
            assertThat(ours.get(id)).as(id).isEqualTo(theirs.get(id));
        }
    }

    // ---------------------------------------------------------------- deployments

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyDeploymentProbesTheHealthPathsItsAppServes(String overlay) {
        for (Map<String, Object> d : all(overlay(overlay), "Deployment")) {
            String app = Resources.name(d);
            Map<String, Object> c = mainContainer(d);
            assertThat(httpGetPath(d, c, "readinessProbe")).as(app + " readiness").isEqualTo(READINESS.get(app));
            assertThat(httpGetPath(d, c, "livenessProbe")).as(app + " liveness").isEqualTo(LIVENESS.get(app));
            assertThat(httpGetPath(d, c, "startupProbe")).as(app + " startup").isIn(HEALTH_PATHS);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerRequestsNoMoreThanItsLimitsAndSizesTheHeapFromThem(String overlay) {
        for (Map<String, Object> d : all(overlay(overlay), "Deployment")) {
            for (Map<String, Object> c : Resources.containers(d)) {
                String who = Resources.name(d) + "/" + c.get("name");
                Map<String, Object> requests = Yaml2.map(Yaml2.at(c, "resources", "requests"));
                Map<String, Object> limits = Yaml2.map(Yaml2.at(c, "resources", "limits"));
                for (String resource : List.of("cpu", "memory")) {
                    assertThat(requests.get(resource)).as(who + " requests." + resource).isNotNull();
                    assertThat(limits.get(resource)).as(who + " limits." + resource).isNotNull();
                    assertThat(quantity(requests.get(resource)))
                            .as(who + " " + resource + " request ≤ limit")
                            .isLessThanOrEqualTo(quantity(limits.get(resource)));
                }
                assertThat(quantity(limits.get("memory"))).as(who + " memory limit fits a JVM")
                        .isGreaterThanOrEqualTo(quantity("512Mi"));
                assertThat(String.valueOf(envValue(c, "JAVA_TOOL_OPTIONS"))).as(who + " JAVA_TOOL_OPTIONS")
                        .contains("-XX:MaxRAMPercentage=75");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyPodRunsAsNonRootOnAReadOnlyRootFilesystemWithAWritableTmp(String overlay) {
        for (Map<String, Object> d : all(overlay(overlay), "Deployment")) {
            Map<String, Object> pod = Resources.podSpec(d);
            Set<String> emptyDirs = Yaml2.maps(pod.get("volumes")).stream()
                    .filter(v -> v.containsKey("emptyDir")).map(v -> (String) v.get("name")).collect(Collectors.toSet());
            for (Map<String, Object> c : Resources.containers(d)) {
                String who = Resources.name(d) + "/" + c.get("name");
                Object nonRoot = Yaml2.at(c, "securityContext", "runAsNonRoot");
                if (nonRoot == null) {
                    nonRoot = Yaml2.at(pod, "securityContext", "runAsNonRoot");
                }
                assertThat(nonRoot).as(who + " runAsNonRoot").isEqualTo(true);
                assertThat(Yaml2.at(c, "securityContext", "readOnlyRootFilesystem")).as(who + " readOnlyRootFilesystem")
                        .isEqualTo(true);
                assertThat(Yaml2.at(c, "securityContext", "allowPrivilegeEscalation")).as(who + " allowPrivilegeEscalation")
                        .isEqualTo(false);
                assertThat(Yaml2.list(Yaml2.at(c, "securityContext", "capabilities", "drop"))).as(who + " dropped capabilities")
                        .contains("ALL");
                assertThat(Yaml2.list(Yaml2.at(c, "securityContext", "capabilities", "add"))).as(who + " added capabilities")
                        .isEmpty();
                assertThat(Yaml2.maps(c.get("volumeMounts")))
                        .as(who + " mounts an emptyDir on /tmp")
                        .anyMatch(m -> "/tmp".equals(m.get("mountPath")) && emptyDirs.contains(m.get("name")));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void podsGetNoServiceLinkVariablesThatWouldShadowTheirConfiguration(String overlay) {
        // With service links a pod of the "portal" Service gets PORTAL_PORT=tcp://10.0.0.1:8083, which the
        // portal reads as its port; SERVICES_PORT, KAFKA_PORT and friends would leak into Micronaut's config.
        for (Map<String, Object> d : all(overlay(overlay), "Deployment")) {
            assertThat(Resources.podSpec(d).get("enableServiceLinks")).as(Resources.name(d)).isEqualTo(false);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void prometheusScrapesEveryDeployableOnItsMetricsPathAndPort(String overlay) {
        for (Map<String, Object> d : all(overlay(overlay), "Deployment")) {
            Map<String, Object> annotations = Yaml2.map(Yaml2.at(d, "spec", "template", "metadata", "annotations"));
            assertThat(annotations).as(Resources.name(d))
                    .containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/path", "/prometheus")
                    .containsEntry("prometheus.io/port", String.valueOf(PORTS.get(Resources.name(d))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceSendsTrafficToAPortTheSelectedPodsListenOn(String overlay) {
        List<Map<String, Object>> resources = overlay(overlay);
        for (String app : DEPLOYABLES) {
            Map<String, Object> service = find(resources, "Service", app);
            Map<String, Object> selector = Yaml2.map(Yaml2.at(service, "spec", "selector"));
            assertThat(selector).as(app + " service selector").isNotEmpty();
            List<Map<String, Object>> selected = all(resources, "Deployment").stream()
                    .filter(d -> Yaml2.map(Yaml2.at(d, "spec", "template", "metadata", "labels")).entrySet()
                            .containsAll(selector.entrySet()))
                    .toList();
            assertThat(selected).as(app + " service selects").extracting(Resources::name).containsExactly(app);
            Map<String, Object> deployment = selected.get(0);
            assertThat(Yaml2.map(Yaml2.at(deployment, "spec", "template", "metadata", "labels")).entrySet())
                    .as(app + " pods carry the deployment selector")
                    .containsAll(Yaml2.map(Yaml2.at(deployment, "spec", "selector", "matchLabels")).entrySet());
            List<Map<String, Object>> ports = Yaml2.maps(Yaml2.at(service, "spec", "ports"));
            assertThat(ports).as(app + " service ports").isNotEmpty();
            for (Map<String, Object> port : ports) {
                Object target = port.getOrDefault("targetPort", port.get("port"));
                assertThat(containerPort(mainContainer(deployment), target))
                        .as(app + " service targetPort " + target).isEqualTo(PORTS.get(app));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void deployablesReadExactlyTheEnvironmentVariablesOfTheWiringContract(String overlay) {
        Set<String> contract = contractEnvNames();
        assertThat(contract).as("env names parsed from docs/architecture.md")
                .contains("DATASOURCES_DEFAULT_URL", "DATASOURCES_DEFAULT_PASSWORD", "GATEWAY_URL", "PII_KEYS");
        List<Map<String, Object>> resources = overlay(overlay);
        for (Map<String, Object> d : all(resources, "Deployment")) {
            String app = Resources.name(d);
            Set<String> names = envNames(resources, mainContainer(d));
            Set<String> unknown = new TreeSet<>(names);
            unknown.removeAll(contract);
            unknown.removeAll(JVM_ENV);
            assertThat(unknown).as(app + " sets variables no app reads").isEmpty();
            Set<String> expected = new TreeSet<>(ENV.get(app));
            expected.addAll(JVM_ENV);
            assertThat(new TreeSet<>(names)).as(app + " environment").isEqualTo(expected);
            for (String name : names) {
                if (SECRET_KEYS.contains(name)) {
                    assertThat(Yaml2.at(envEntry(mainContainer(d), name), "valueFrom", "secretKeyRef"))
                            .as(app + " takes " + name + " from a Secret").isNotNull();
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyVariableWhoseDevDefaultWouldBreakAClusterIsSetByTheDeployment(String overlay) {
        List<Map<String, Object>> resources = overlay(overlay);
        // ${NAME} or ${NAME:default}, the default possibly quoted in backticks.
        Pattern placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::(`[^`]*`|[^}]*))?}");
        int read = 0;
        for (String app : DEPLOYABLES) {
            Set<String> wanted = new TreeSet<>();
            Matcher m = placeholder.matcher(appConfiguration(app));
            while (m.find()) {
                read++;
                if (devOnlyDefault(m.group(2))) {
                    wanted.add(m.group(1));
                }
            }
            assertThat(envNames(resources, mainContainer(find(resources, "Deployment", app))))
                    .as(app + " sets every variable whose application.yml default only suits a developer machine")
                    .containsAll(wanted);
        }
        assertThat(read).as("placeholders found in the deployables' application.yml").isPositive();
    }

    /** Missing, empty, loopback, relative-path or dev-only defaults; safe ones are flags, ports, bind-all hosts. */
    static boolean devOnlyDefault(String value) {
        if (value == null) {
            return true;
        }
        String v = value.replace("`", "").trim().toLowerCase(java.util.Locale.ROOT);
        return v.isEmpty() || v.contains("127.0.0.1") || v.contains("localhost") || v.contains("dev")
                || v.startsWith(".") || v.contains("change-me") || v.contains("changeme");
    }

    @Test
    void theContainerPortsAreThePortsTheAppsListenOn() {
        List<Map<String, Object>> resources = overlay("prod");
        int compared = 0;
        for (String app : DEPLOYABLES) {
            String config = appConfiguration(app);
            if (config.isEmpty()) {
                continue;
            }
            Object port = Yaml2.at(new Yaml().load(config), "micronaut", "server", "port");
            if (port == null) {
                port = Yaml2.at(new Yaml().load(config), "civic", "portal", "port");
            }
            if (port == null) {
                continue;
            }
            Matcher m = Pattern.compile("^(?:\\$\\{[A-Z0-9_]+:)?(\\d+)}?$").matcher(String.valueOf(port));
            assertThat(m.matches()).as(app + " server port " + port).isTrue();
            assertThat(containerPort(mainContainer(find(resources, "Deployment", app)), Integer.parseInt(m.group(1))))
                    .as(app + " container port").isEqualTo(Integer.parseInt(m.group(1)));
            compared++;
        }
        assertThat(compared).as("deployables whose configured port was compared").isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyConfigMapAndSecretAPodReferencesExistsWithTheKey(String overlay) {
        List<Map<String, Object>> resources = overlay(overlay);
        for (Map<String, Object> d : all(resources, "Deployment")) {
            for (Map<String, Object> c : Resources.containers(d)) {
                String who = Resources.name(d) + "/" + c.get("name");
                for (Map<String, Object> from : Yaml2.maps(c.get("envFrom"))) {
                    if (from.get("configMapRef") != null) {
                        assertThat(configMapKeys(resources, (String) Yaml2.at(from, "configMapRef", "name")))
                                .as(who + " envFrom " + from).isNotNull();
                    }
                    if (from.get("secretRef") != null) {
                        assertThat(secretKeys(resources, (String) Yaml2.at(from, "secretRef", "name")))
                                .as(who + " envFrom " + from).isNotNull();
                    }
                }
                for (Map<String, Object> env : Yaml2.maps(c.get("env"))) {
                    Object secretRef = Yaml2.at(env, "valueFrom", "secretKeyRef");
                    if (secretRef != null) {
                        Set<String> keys = secretKeys(resources, (String) Yaml2.at(secretRef, "name"));
                        assertThat(keys).as(who + " " + env.get("name") + " from secret " + Yaml2.at(secretRef, "name"))
                                .isNotNull().contains((String) Yaml2.at(secretRef, "key"));
                    }
                    Object configRef = Yaml2.at(env, "valueFrom", "configMapKeyRef");
                    if (configRef != null) {
                        Set<String> keys = configMapKeys(resources, (String) Yaml2.at(configRef, "name"));
                        assertThat(keys).as(who + " " + env.get("name") + " from config map")
                                .isNotNull().contains((String) Yaml2.at(configRef, "key"));
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void inClusterAddressesInConfigMapsNameExistingServicesAndPorts(String overlay) {
        List<Map<String, Object>> resources = overlay(overlay);
        // host:port with a bare (in-namespace) service name, optionally behind a scheme like jdbc:postgresql://
        Pattern address = Pattern.compile("^(?:[a-z][a-z0-9+.-]*:)*(?://)?([a-z0-9-]+):(\\d+)(?:/.*)?$");
        int checked = 0;
        for (Map<String, Object> configMap : all(resources, "ConfigMap")) {
            for (Map.Entry<String, Object> e : Yaml2.map(configMap.get("data")).entrySet()) {
                for (String value : String.valueOf(e.getValue()).split(",")) {
                    Matcher m = address.matcher(value.trim());
                    if (!m.matches()) {
                        continue;
                    }
                    checked++;
                    String who = Resources.name(configMap) + " " + e.getKey() + "=" + value;
                    Map<String, Object> service = find(resources, "Service", m.group(1));
                    assertThat(Yaml2.maps(Yaml2.at(service, "spec", "ports"))).as(who)
                            .anyMatch(p -> Objects.equals(p.get("port"), Integer.parseInt(m.group(2))));
                }
            }
        }
        assertThat(checked).as("addresses found in config maps").isGreaterThanOrEqualTo(8);
    }

    // ---------------------------------------------------------------- scaling, ingress, images

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyAutoscalerScalesAnExistingDeploymentOnCpu(String overlay) {
        List<Map<String, Object>> resources = overlay(overlay);
        List<Map<String, Object>> hpas = all(resources, "HorizontalPodAutoscaler");
        assertThat(hpas).extracting(h -> (String) Yaml2.at(h, "spec", "scaleTargetRef", "name"))
                .containsExactlyInAnyOrderElementsOf(AUTOSCALED);
        for (Map<String, Object> hpa : hpas) {
            String who = Resources.name(hpa);
            assertThat(hpa.get("apiVersion")).as(who).isEqualTo("autoscaling/v2");
            Map<String, Object> ref = Yaml2.map(Yaml2.at(hpa, "spec", "scaleTargetRef"));
            assertThat(ref.get("kind")).as(who).isEqualTo("Deployment");
            assertThat(ref.get("apiVersion")).as(who).isEqualTo("apps/v1");
            assertThat(names(resources, "Deployment")).as(who + " target").contains((String) ref.get("name"));
            int min = (Integer) Yaml2.at(hpa, "spec", "minReplicas");
            int max = (Integer) Yaml2.at(hpa, "spec", "maxReplicas");
            assertThat(min).as(who + " minReplicas").isPositive().isLessThanOrEqualTo(max);
            assertThat(Yaml2.maps(Yaml2.at(hpa, "spec", "metrics"))).as(who + " metrics").anyMatch(m ->
                    "cpu".equals(Yaml2.at(m, "resource", "name"))
                            && Integer.valueOf(70).equals(Yaml2.at(m, "resource", "target", "averageUtilization")));
            Map<String, Object> target = find(resources, "Deployment", (String) ref.get("name"));
            assertThat(Yaml2.at(mainContainer(target), "resources", "requests", "cpu"))
                    .as(who + " needs a CPU request to compute utilisation").isNotNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void theIngressSendsApiPathsToTheGatewayAndEverythingElseToThePortal(String overlay) {
        List<Map<String, Object>> resources = overlay(overlay);
        List<Map<String, Object>> ingresses = all(resources, "Ingress");
        assertThat(ingresses).hasSize(1);
        Map<String, String> routes = new LinkedHashMap<>();
        for (Map<String, Object> rule : Yaml2.maps(Yaml2.at(ingresses.get(0), "spec", "rules"))) {
            assertThat(rule.get("host")).as("rule host").isNotNull();
            for (Map<String, Object> path : Yaml2.maps(Yaml2.at(rule, "http", "paths"))) {
                Map<String, Object> backend = Yaml2.map(Yaml2.at(path, "backend", "service"));
                String name = (String) backend.get("name");
                Map<String, Object> service = find(resources, "Service", name);
                Map<String, Object> port = Yaml2.map(backend.get("port"));
                assertThat(Yaml2.maps(Yaml2.at(service, "spec", "ports"))).as(path.get("path") + " → " + name + " " + port)
                        .anyMatch(p -> port.get("name") != null ? port.get("name").equals(p.get("name"))
                                : Objects.equals(port.get("number"), p.get("port")));
                assertThat(path.get("pathType")).isEqualTo("Prefix");
                routes.put((String) path.get("path"), name);
            }
        }
        assertThat(routes).containsEntry("/api", "gateway").containsEntry("/swagger-ui", "gateway")
                .containsEntry("/openapi", "gateway").containsEntry("/", "portal");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void eachOverlayPinsTheImageTagOfAllFourDeployables(String overlay) {
        String tag = overlay.equals("dev") ? "dev" : "0.1.0";
        Map<String, Object> k = Kustomize.loadKustomization(k8s().resolve("overlays").resolve(overlay));
        assertThat(Yaml2.maps(k.get("images"))).extracting(i -> i.get("name") + ":" + i.get("newTag"))
                .containsExactlyInAnyOrderElementsOf(DEPLOYABLES.stream().map(d -> IMAGE_REPOSITORY + d + ":" + tag).toList());
        for (Map<String, Object> d : all(overlay(overlay), "Deployment")) {
            assertThat(Resources.containers(d)).extracting(c -> (String) c.get("image")).as(Resources.name(d))
                    .containsExactly(IMAGE_REPOSITORY + Resources.name(d) + ":" + tag);
        }
    }

    @Test
    void productionRunsTwoPodsOrMoreAndScalesTheApisFromTwoToSix() {
        List<Map<String, Object>> resources = overlay("prod");
        for (Map<String, Object> d : all(resources, "Deployment")) {
            assertThat((Integer) Yaml2.at(d, "spec", "replicas")).as(Resources.name(d) + " replicas")
                    .isGreaterThanOrEqualTo(2);
        }
        for (Map<String, Object> hpa : all(resources, "HorizontalPodAutoscaler")) {
            assertThat(Yaml2.at(hpa, "spec", "minReplicas")).as(Resources.name(hpa)).isEqualTo(2);
            assertThat(Yaml2.at(hpa, "spec", "maxReplicas")).as(Resources.name(hpa)).isEqualTo(6);
        }
        Map<String, Object> pdb = find(resources, "PodDisruptionBudget", "gateway");
        assertThat(Yaml2.map(Yaml2.at(find(resources, "Deployment", "gateway"), "spec", "template", "metadata", "labels"))
                .entrySet()).as("gateway pods are covered by the disruption budget")
                .containsAll(Yaml2.map(Yaml2.at(pdb, "spec", "selector", "matchLabels")).entrySet());
        for (Map<String, Object> d : all(resources, "Deployment")) {
            Map<String, Object> c = mainContainer(d);
            assertThat(Yaml2.at(c, "resources", "requests", "memory")).as(Resources.name(d) + " memory is guaranteed")
                    .isEqualTo(Yaml2.at(c, "resources", "limits", "memory"));
        }
        // Search also holds the sentence-embedding model (~370 MB outside the heap): its own patch must win over
        // the one shared by the APIs, which comes first.
        assertThat(quantity(Yaml2.at(mainContainer(find(resources, "Deployment", "search")), "resources", "limits", "memory")))
                .as("search memory limit leaves room for the embedding model")
                .isGreaterThan(quantity(Yaml2.at(mainContainer(find(resources, "Deployment", "gateway")), "resources", "limits", "memory")));
    }

    @Test
    void productionTerminatesTlsAndNeverShipsThePlaceholderSecret() {
        List<Map<String, Object>> resources = overlay("prod");
        Map<String, Object> ingress = all(resources, "Ingress").get(0);
        List<Map<String, Object>> tls = Yaml2.maps(Yaml2.at(ingress, "spec", "tls"));
        assertThat(tls).isNotEmpty().allMatch(t -> t.get("secretName") != null);
        Set<Object> tlsHosts = tls.stream().flatMap(t -> Yaml2.list(t.get("hosts")).stream()).collect(Collectors.toSet());
        for (Map<String, Object> rule : Yaml2.maps(Yaml2.at(ingress, "spec", "rules"))) {
            assertThat(tlsHosts).as("TLS covers " + rule.get("host")).contains(rule.get("host"));
        }
        for (Map<String, Object> r : resources) {
            assertThat(new Yaml().dump(r)).as(Resources.id(r)).doesNotContain("REPLACE_ME");
        }
        assertThat(secretKeys(resources, "civic-secrets")).as("civic-secrets comes from the ExternalSecret")
                .containsExactlyInAnyOrderElementsOf(SECRET_KEYS);
    }

    @Test
    void devRunsOneSmallPodOfEachWithUsableSecrets() {
        List<Map<String, Object>> resources = overlay("dev");
        for (Map<String, Object> d : all(resources, "Deployment")) {
            assertThat(Yaml2.at(d, "spec", "replicas")).as(Resources.name(d)).isEqualTo(1);
            assertThat(quantity(Yaml2.at(mainContainer(d), "resources", "requests", "memory")))
                    .as(Resources.name(d) + " memory request").isLessThanOrEqualTo(quantity("512Mi"));
        }
        Map<String, Object> secret = Yaml2.map(find(resources, "Secret", "civic-secrets").get("stringData"));
        String pii = String.valueOf(secret.get("PII_KEYS"));
        assertThat(pii).startsWith("k1:");
        assertThat(java.util.Base64.getDecoder().decode(pii.substring(3))).as("AES-256 key").hasSize(32);
        assertThat(java.util.Base64.getDecoder().decode(String.valueOf(secret.get("PII_INDEX_KEY"))))
                .as("blind-index key of its own").hasSizeGreaterThanOrEqualTo(32);
    }

    // ---------------------------------------------------------------- helpers

    static Path k8s() {
        String root = System.getProperty("civic.root");
        Path base = root != null && !root.isBlank() ? Path.of(root) : Path.of("../..");
        Path dir = base.resolve("k8s").toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("k8s folder not found at " + dir);
        }
        return dir;
    }

    private static List<Map<String, Object>> overlay(String name) {
        return RENDERED.computeIfAbsent(name, n -> render(k8s().resolve("overlays").resolve(n)));
    }

    private static List<Map<String, Object>> render(Path dir) {
        return Kustomize.render(dir);
    }

    private static List<Path> kustomizationDirs() {
        try (Stream<Path> files = Files.walk(k8s())) {
            return files.filter(f -> f.getFileName().toString().matches("kustomization\\.ya?ml|Kustomization"))
                    .map(f -> f.getParent().normalize()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> referencedFiles(Path dir, Map<String, Object> k) {
        List<Path> files = new ArrayList<>();
        for (Object resource : Yaml2.list(k.get("resources"))) {
            files.add(dir.resolve(String.valueOf(resource)).normalize());
        }
        for (Map<String, Object> patch : Yaml2.maps(k.get("patches"))) {
            if (patch.get("path") != null) {
                files.add(dir.resolve(String.valueOf(patch.get("path"))).normalize());
            }
        }
        return files;
    }

    private static List<Map<String, Object>> all(List<Map<String, Object>> resources, String kind) {
        return resources.stream().filter(r -> kind.equals(Resources.kind(r))).toList();
    }

    private static List<String> names(List<Map<String, Object>> resources, String kind) {
        return all(resources, kind).stream().map(Resources::name).toList();
    }

    private static Map<String, Object> find(List<Map<String, Object>> resources, String kind, String name) {
        return all(resources, kind).stream().filter(r -> name.equals(Resources.name(r))).findFirst()
                .orElseGet(() -> fail("no " + kind + " named " + name + " is rendered"));
    }

    private static Map<String, Object> mainContainer(Map<String, Object> deployment) {
        List<Map<String, Object>> containers = Yaml2.maps(Resources.podSpec(deployment).get("containers"));
        assertThat(containers).as(Resources.name(deployment) + " containers").hasSize(1);
        return containers.get(0);
    }

    private static String httpGetPath(Map<String, Object> deployment, Map<String, Object> container, String probe) {
        Object httpGet = Yaml2.at(container, probe, "httpGet");
        assertThat(httpGet).as(Resources.name(deployment) + " " + probe + ".httpGet").isNotNull();
        assertThat(containerPort(container, Yaml2.at(httpGet, "port")))
                .as(Resources.name(deployment) + " " + probe + " port").isEqualTo(PORTS.get(Resources.name(deployment)));
        return (String) Yaml2.at(httpGet, "path");
    }

    /** The container port a numeric or named port reference resolves to, or null. */
    private static Integer containerPort(Map<String, Object> container, Object reference) {
        for (Map<String, Object> port : Yaml2.maps(container.get("ports"))) {
            if (Objects.equals(port.get("name"), reference) || Objects.equals(port.get("containerPort"), reference)) {
                return (Integer) port.get("containerPort");
            }
        }
        return null;
    }

    private static Map<String, Object> envEntry(Map<String, Object> container, String name) {
        return Yaml2.maps(container.get("env")).stream().filter(e -> name.equals(e.get("name"))).findFirst().orElse(null);
    }

    private static Object envValue(Map<String, Object> container, String name) {
        Map<String, Object> entry = envEntry(container, name);
        return entry == null ? null : entry.get("value");
    }

    private static Set<String> envNames(List<Map<String, Object>> resources, Map<String, Object> container) {
        Set<String> names = new LinkedHashSet<>();
        for (Map<String, Object> from : Yaml2.maps(container.get("envFrom"))) {
            if (from.get("prefix") != null) {
                fail("envFrom prefixes would rename the contract's variables: " + from);
            }
            if (from.get("configMapRef") != null) {
                Set<String> keys = configMapKeys(resources, (String) Yaml2.at(from, "configMapRef", "name"));
                names.addAll(keys == null ? Set.of() : keys);
            }
            if (from.get("secretRef") != null) {
                Set<String> keys = secretKeys(resources, (String) Yaml2.at(from, "secretRef", "name"));
                names.addAll(keys == null ? Set.of() : keys);
            }
        }
        for (Map<String, Object> env : Yaml2.maps(container.get("env"))) {
            names.add((String) env.get("name"));
        }
        return names;
    }

    /** The deployable's main application.yml, or "" while its module has none. */
    private static String appConfiguration(String app) {
        String module = app.equals("services") ? "services/app" : app;
        Path file = k8s().getParent().resolve(module).resolve("src/main/resources/application.yml");
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keys of the named ConfigMap, or null when none is rendered. */
    private static Set<String> configMapKeys(List<Map<String, Object>> resources, String name) {
        return all(resources, "ConfigMap").stream().filter(c -> name.equals(Resources.name(c)))
                .map(c -> Yaml2.map(c.get("data")).keySet()).findFirst().orElse(null);
    }

    /** Keys of the named Secret, rendered directly or materialised by an ExternalSecret; null when neither. */
    private static Set<String> secretKeys(List<Map<String, Object>> resources, String name) {
        for (Map<String, Object> secret : all(resources, "Secret")) {
            if (name.equals(Resources.name(secret))) {
                Set<String> keys = new TreeSet<>(Yaml2.map(secret.get("data")).keySet());
                keys.addAll(Yaml2.map(secret.get("stringData")).keySet());
                return keys;
            }
        }
        for (Map<String, Object> external : all(resources, "ExternalSecret")) {
            Object target = Yaml2.at(external, "spec", "target", "name");
            if (name.equals(target != null ? target : Resources.name(external))) {
                return Yaml2.maps(Yaml2.at(external, "spec", "data")).stream()
                        .map(d -> (String) d.get("secretKey")).collect(Collectors.toCollection(TreeSet::new));
            }
        }
        return null;
    }

    /** Environment variable names from the "Configuration keys" table of docs/architecture.md. */
    private static Set<String> contractEnvNames() {
        Path doc = k8s().getParent().resolve("docs").resolve("architecture.md");
        List<String> lines;
        try {
            lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> names = new TreeSet<>();
        boolean inTable = false;
        Pattern code = Pattern.compile("`([A-Z_][A-Z0-9_]*)`");
        for (String line : lines) {
            if (line.startsWith("## ")) {
                inTable = line.contains("Configuration keys");
                continue;
            }
            if (!inTable || !line.startsWith("|")) {
                continue;
            }
            String firstColumn = line.split("\\|")[1];
            String previous = null;
            Matcher m = code.matcher(firstColumn);
            while (m.find()) {
                String name = m.group(1);
                // "`DATASOURCES_DEFAULT_USERNAME` / `_PASSWORD`" abbreviates DATASOURCES_DEFAULT_PASSWORD.
                if (name.startsWith("_") && previous != null) {
                    name = previous.substring(0, previous.lastIndexOf('_')) + name;
                }
                names.add(name);
                previous = name;
            }
        }
        return names;
    }

    /** Kubernetes quantities in base units (cores, bytes). */
    static BigDecimal quantity(Object value) {
        String s = String.valueOf(value);
        Matcher m = Pattern.compile("^([0-9.]+)(m|k|M|G|Ki|Mi|Gi)?$").matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a quantity: " + s);
        }
        BigDecimal number = new BigDecimal(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2);
        return switch (unit) {
            case "m" -> number.movePointLeft(3);
            case "k" -> number.movePointRight(3);
            case "M" -> number.movePointRight(6);
            case "G" -> number.movePointRight(9);
            case "Ki" -> number.multiply(BigDecimal.valueOf(1L << 10));
            case "Mi" -> number.multiply(BigDecimal.valueOf(1L << 20));
            case "Gi" -> number.multiply(BigDecimal.valueOf(1L << 30));
            default -> number;
        };
    }

    private static String onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
