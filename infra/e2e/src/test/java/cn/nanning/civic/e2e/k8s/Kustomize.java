package cn.nanning.civic.e2e.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders a kustomization the way kustomize does, limited to the features our manifests use.
 * Anything else is refused, so a manifest can never silently rely on a feature this renderer ignores;
 * where kubectl is installed the test also compares this rendering with {@code kubectl kustomize}.
 */
final class Kustomize {

    static final Set<String> SUPPORTED_FIELDS = Set.of(
            "apiVersion", "kind", "namespace", "labels", "commonLabels", "resources", "patches", "images", "replicas");

    private static final Set<String> CLUSTER_SCOPED = Set.of(
            "Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "PersistentVolume",
            "StorageClass", "IngressClass", "PriorityClass", "ClusterIssuer", "ClusterSecretStore");

    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job");

    private Kustomize() {
    }

    static Path kustomizationFile(Path dir) {
        for (String name : List.of("kustomization.yaml", "kustomization.yml", "Kustomization")) {
            Path file = dir.resolve(name);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new IllegalArgumentException("no kustomization file in " + dir);
    }

    static List<Object> loadAll(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("missing file " + file);
        }
        try {
            List<Object> docs = new ArrayList<>();
            for (Object doc : new Yaml(new LoaderOptions()).loadAll(Files.readString(file))) {
                if (doc != null) {
                    docs.add(doc);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot parse " + file + ": " + e.getMessage(), e);
        }
    }

    static Map<String, Object> loadKustomization(Path dir) {
        List<Object> docs = loadAll(kustomizationFile(dir));
        if (docs.size() != 1 || !(docs.get(0) instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("kustomization in " + dir + " must be one mapping");
        }
        Map<String, Object> k = Yaml2.map(docs.get(0));
        for (String field : k.keySet()) {
            if (!SUPPORTED_FIELDS.contains(field)) {
                throw new IllegalArgumentException("unsupported kustomization field '" + field + "' in " + dir);
            }
        }
        return k;
    }

    /** Renders the kustomization in {@code dir} into its list of resources, in resource order. */
    static List<Map<String, Object>> render(Path dir) {
        Map<String, Object> k = loadKustomization(dir);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object entry : Yaml2.list(k.get("resources"))) {
            Path path = dir.resolve((String) entry).normalize();
            if (Files.isDirectory(path)) {
                out.addAll(render(path));
            } else {
                for (Object doc : loadAll(path)) {
                    Map<String, Object> resource = Yaml2.map(doc);
                    Resources.requireIdentity(resource, path);
                    out.add(resource);
                }
            }
        }
        for (Object entry : Yaml2.list(k.get("patches"))) {
            applyPatch(dir, Yaml2.map(entry), out);
        }
        if (k.get("namespace") instanceof String namespace) {
            setNamespace(out, namespace);
        }
        if (k.get("commonLabels") != null) {
            addLabels(out, Yaml2.map(k.get("commonLabels")), true, true);
        }
        for (Object entry : Yaml2.list(k.get("labels"))) {
            Map<String, Object> labels = Yaml2.map(entry);
            addLabels(out, Yaml2.map(labels.get("pairs")),
                    Boolean.TRUE.equals(labels.get("includeSelectors")),
                    Boolean.TRUE.equals(labels.get("includeTemplates")) || Boolean.TRUE.equals(labels.get("includeSelectors")));
        }
        for (Object entry : Yaml2.list(k.get("replicas"))) {
            Map<String, Object> replicas = Yaml2.map(entry);
            boolean matched = false;
            for (Map<String, Object> r : out) {
                if (WORKLOADS.contains(Resources.kind(r)) && Resources.name(r).equals(replicas.get("name"))) {
                    Yaml2.map(r.get("spec")).put("replicas", replicas.get("count"));
                    matched = true;
                }
            }
            if (!matched) {
                throw new IllegalArgumentException("replicas entry " + replicas + " in " + dir + " matches no workload");
            }
        }
        for (Object entry : Yaml2.list(k.get("images"))) {
            setImage(out, Yaml2.map(entry));
        }
        return out;
    }

    private static void applyPatch(Path dir, Map<String, Object> entry, List<Map<String, Object>> resources) {
        Object patch;
        if (entry.get("path") instanceof String path) {
            List<Object> docs = loadAll(dir.resolve(path));
            if (docs.size() != 1) {
                throw new IllegalArgumentException("patch " + path + " in " + dir + " must hold one document");
            }
            patch = docs.get(0);
        } else if (entry.get("patch") instanceof String inline) {
            patch = new Yaml().load(inline);
        } else {
            throw new IllegalArgumentException("patch entry without path or patch in " + dir + ": " + entry);
        }
        Map<String, Object> target = entry.get("target") == null ? null : Yaml2.map(entry.get("target"));
        if (target != null) {
            for (String key : target.keySet()) {
                if (!Set.of("kind", "name").contains(key)) {
                    throw new IllegalArgumentException("unsupported patch target selector '" + key + "' in " + dir);
                }
            }
        }
        if (patch instanceof List<?> ops) {
            if (target == null) {
                throw new IllegalArgumentException("a JSON 6902 patch needs a target in " + dir + ": " + entry);
            }
            List<Map<String, Object>> matches = matching(resources, target);
            if (matches.isEmpty()) {
                throw new IllegalArgumentException("patch " + entry + " in " + dir + " matches no resource");
            }
            for (Map<String, Object> resource : matches) {
                for (Object op : ops) {
                    JsonPatch.apply(resource, Yaml2.map(op));
                }
            }
            return;
        }
        Map<String, Object> smp = Yaml2.map(patch);
        if (target == null) {
            target = new LinkedHashMap<>();
            target.put("kind", Resources.kind(smp));
            target.put("name", Pattern.quote(Resources.name(smp)));
        }
        List<Map<String, Object>> matches = matching(resources, target);
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("patch " + entry + " in " + dir + " matches no resource");
        }
        if ("delete".equals(smp.get("$patch"))) {
            resources.removeAll(matches);
            return;
        }
        for (Map<String, Object> resource : matches) {
            Map<String, Object> body = Yaml2.deepCopy(smp);
            // The patch's own identity must not rename a resource picked by a target selector.
            Yaml2.map(body.get("metadata")).remove("name");
            StrategicMerge.merge(resource, body);
        }
    }

    private static List<Map<String, Object>> matching(List<Map<String, Object>> resources, Map<String, Object> target) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : resources) {
            boolean kind = target.get("kind") == null || Objects.equals(target.get("kind"), Resources.kind(r));
            boolean name = target.get("name") == null
                    || Pattern.compile((String) target.get("name")).matcher(Resources.name(r)).matches();
            if (kind && name) {
                out.add(r);
            }
        }
        return out;
    }

    private static void setNamespace(List<Map<String, Object>> resources, String namespace) {
        for (Map<String, Object> r : resources) {
            Map<String, Object> metadata = Yaml2.map(r.get("metadata"));
            if ("Namespace".equals(Resources.kind(r))) {
                metadata.put("name", namespace);
            } else if (!CLUSTER_SCOPED.contains(Resources.kind(r))) {
                metadata.put("namespace", namespace);
            }
        }
    }

    private static void addLabels(List<Map<String, Object>> resources, Map<String, Object> pairs,
                                  boolean selectors, boolean templates) {
        if (selectors) {
            throw new IllegalArgumentException("labels in selectors are not supported: selectors are immutable");
        }
        for (Map<String, Object> r : resources) {
            Yaml2.child(Yaml2.map(r.get("metadata")), "labels").putAll(pairs);
            if (templates && WORKLOADS.contains(Resources.kind(r))) {
                Map<String, Object> template = Yaml2.map(Yaml2.map(r.get("spec")).get("template"));
                Yaml2.child(Yaml2.child(template, "metadata"), "labels").putAll(pairs);
            }
        }
    }

    private static void setImage(List<Map<String, Object>> resources, Map<String, Object> image) {
        String name = (String) image.get("name");
        for (Map<String, Object> r : resources) {
            for (Map<String, Object> container : Resources.containers(r)) {
                String current = (String) container.get("image");
                if (!Resources.imageName(current).equals(name)) {
                    continue;
                }
                String newName = image.get("newName") != null ? (String) image.get("newName") : name;
                String tag = image.get("newTag") != null ? ":" + image.get("newTag")
                        : image.get("digest") != null ? "@" + image.get("digest")
                        : current.substring(Resources.imageName(current).length());
                container.put("image", newName + tag);
            }
        }
    }
}
