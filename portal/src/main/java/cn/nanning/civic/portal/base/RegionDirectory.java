package cn.nanning.civic.portal.base;

import cn.nanning.civic.portal.gateway.GatewayClient;
import cn.nanning.civic.portal.gateway.GatewayException;
import cn.nanning.civic.portal.gateway.Region;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Nanning's divisions by name, for pickers and for showing names instead of 12-digit codes. The divisions are the
 * same for everyone and change only with the statistics office's codes, so they are kept once per portal process.
 */
@Singleton
public class RegionDirectory {

    /** Nanning city: the top of every staff member's area. */
    public static final String CITY = "450100";

    private final GatewayClient gateway;
    private final SignIn signIn;
    private final Map<String, Region> regions = new ConcurrentHashMap<>();
    private final Map<String, List<Region>> children = new ConcurrentHashMap<>();

    RegionDirectory(GatewayClient gateway, SignIn signIn) {
        this.gateway = gateway;
        this.signIn = signIn;
    }

    /** A staff member's area as a full division code ("4501" is the city). */
    public static String normalised(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return CITY;
        }
        String trimmed = code.strip();
        return trimmed.length() == 4 ? trimmed + "00" : trimmed;
    }

    /** The divisions directly under a code; empty when it has none or the gateway cannot be reached now. */
    public List<Region> children(String code) {
        List<Region> known = children.get(code);
        if (known != null) {
            return known;
        }
        List<Region> loaded = signIn.withToken(token -> gateway.regionChildren(code, token));
        children.put(code, loaded);
        loaded.forEach(region -> regions.putIfAbsent(region.code(), region));
        return loaded;
    }

    public Optional<Region> region(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        Region known = regions.get(code);
        if (known != null) {
            return Optional.of(known);
        }
        try {
            Region loaded = signIn.withToken(token -> gateway.region(code, token));
            regions.put(code, loaded);
            return Optional.of(loaded);
        } catch (GatewayException e) {
            return Optional.empty();
        }
    }

    /** "民族社区"; a code nobody knows reads as "未知区划". */
    public String name(@Nullable String code) {
        return region(normalised(code)).map(Region::name).orElse(code == null || code.isBlank() ? "" : "未知区划");
    }

    /** "青秀区新竹街道民族社区": the district, township and village names of a code, without the city. */
    public String fullName(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String full = normalised(code);
        if (full.equals(CITY)) {
            return name(CITY);
        }
        StringBuilder names = new StringBuilder();
        for (int length : new int[]{6, 9, 12}) {
            if (full.length() >= length) {
                region(full.substring(0, length)).ifPresent(region -> names.append(region.name()));
            }
        }
        return names.isEmpty() ? "未知区划" : names.toString();
    }
}
