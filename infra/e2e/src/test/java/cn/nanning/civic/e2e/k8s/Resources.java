package cn.nanning.civic.e2e.k8s;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading Kubernetes objects held as YAML maps. */
final class Resources {

    private Resources() {
    }

    static String kind(Map<String, Object> resource) {
        return (String) resource.get("kind");
    }

    static String name(Map<String, Object> resource) {
        return (String) Yaml2.at(resource, "metadata", "name");
    }

    static String namespace(Map<String, Object> resource) {
        return (String) Yaml2.at(resource, "metadata", "namespace");
    }

    static String id(Map<String, Object> resource) {
        return kind(resource) + "/" + name(resource);
    }

    static void requireIdentity(Map<String, Object> resource, Path file) {
        if (resource.get("apiVersion") == null || kind(resource) == null || name(resource) == null) {
            throw new IllegalArgumentException(file + " holds an object without apiVersion, kind or metadata.name");
        }
    }

    static Map<String, Object> podSpec(Map<String, Object> workload) {
        return Yaml2.map(Yaml2.at(workload, "spec", "template", "spec"));
    }

    /** Containers and init containers of a workload's pod template; empty for other kinds. */
    static List<Map<String, Object>> containers(Map<String, Object> resource) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (Yaml2.at(resource, "spec", "template", "spec") instanceof Map<?, ?>) {
            Map<String, Object> pod = podSpec(resource);
            out.addAll(Yaml2.maps(pod.get("initContainers")));
            out.addAll(Yaml2.maps(pod.get("containers")));
        }
        return out;
    }

    /** Image reference without tag or digest (a registry port's colon is not a tag). */
    static String imageName(String image) {
        String name = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int colon = name.lastIndexOf(':');
        return colon > name.lastIndexOf('/') ? name.substring(0, colon) : name;
    }

    static String imageTag(String image) {
        String name = imageName(image);
        return image.length() > name.length() ? image.substring(name.length() + 1) : "latest";
    }
}
