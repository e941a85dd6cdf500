package cn.nanning.civic.indicators.domain;

import cn.nanning.civic.common.identity.RegionCodes;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Nanning's divisions as a tree: the city, its districts/counties, their townships/streets, their villages/communities. */
public final class RegionTree {

    public record Node(String code, String name, Level level, @Nullable String parentCode) {
    }

    private final Map<String, Node> nodes = new HashMap<>();
    private final Map<String, List<Node>> children = new HashMap<>();
    private final Node root;

    public RegionTree(List<Node> all) {
        Node top = null;
        for (Node node : all) {
            nodes.put(node.code(), node);
        }
        for (Node node : all) {
            if (node.parentCode() != null && nodes.containsKey(node.parentCode())) {
                children.computeIfAbsent(node.parentCode(), k -> new ArrayList<>()).add(node);
            } else if (top == null || node.level().ordinal() < top.level().ordinal()) {
                top = node;
            }
        }
        children.values().forEach(list -> list.sort(Comparator.comparing(Node::code)));
        this.root = top;
    }

    @Nullable
    public Node root() {
        return root;
    }

    public Optional<Node> find(String code) {
        return Optional.ofNullable(code == null ? null : nodes.get(code));
    }

    public List<Node> children(String code) {
        return children.getOrDefault(code, List.of());
    }

    /** From the root down to the region itself. */
    public List<Node> path(String code) {
        List<Node> path = new ArrayList<>();
        Node node = nodes.get(code);
        while (node != null) {
            path.add(0, node);
            node = node.parentCode() == null ? null : nodes.get(node.parentCode());
        }
        return path;
    }

    /**
     * The region a code belongs to: itself when known, else its nearest known ancestor by the code's prefix (a place
     * registered under a code the division data lacks still counts for its township, district and the city), or null
     * when the code lies outside the city.
     */
    @Nullable
    public Node resolve(String code) {
        if (code == null) {
            return null;
        }
        String c = code.strip();
        Node exact = nodes.get(c);
        if (exact != null) {
            return exact;
        }
        if (c.length() > 9 && nodes.containsKey(c.substring(0, 9))) {
            return nodes.get(c.substring(0, 9));
        }
        if (c.length() > 6 && nodes.containsKey(c.substring(0, 6))) {
            return nodes.get(c.substring(0, 6));
        }
        return root != null && c.startsWith(RegionCodes.significantPrefix(root.code())) ? root : null;
    }

    /** Every region, the lowest level first, so children are visited before their parent. */
    public List<Node> bottomUp() {
        List<Node> all = new ArrayList<>(nodes.values());
        all.sort(Comparator.comparing((Node n) -> -n.level().ordinal()).thenComparing(Node::code));
        return all;
    }

    public int size() {
        return nodes.size();
    }
}
