package cn.nanning.civic.common.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who is calling: the account, its roles and, for staff, the region they are scoped to.
 * Built from the verified token; services never trust headers for this.
 */
public record Caller(String accountId, String kind, Set<Role> roles, @Nullable String regionCode, @Nullable String displayName) {

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Caller from(Authentication authentication) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : authentication.getRoles()) {
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException unknownRole) {
                // A role this version does not know grants nothing.
            }
        }
        Object kind = authentication.getAttributes().get(Claims.KIND);
        Object region = authentication.getAttributes().get(Claims.REGION);
        Object name = authentication.getAttributes().get(Claims.NAME);
        return new Caller(authentication.getName(),
                kind != null ? kind.toString() : Claims.KIND_CITIZEN,
                roles,
                region != null ? region.toString() : null,
                name != null ? name.toString() : null);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isStaff() {
        return Claims.KIND_STAFF.equals(kind);
    }

    /**
     * Whether a staff member's scope covers a region. Region codes are hierarchical by prefix
     * (city 4501, district 450103, township 450103001, village 450103001001), so a scope covers
     * every code that starts with its significant digits.
     */
    public boolean covers(String targetRegion) {
        if (regionCode == null || targetRegion == null) {
            return false;
        }
        return targetRegion.startsWith(RegionCodes.significantPrefix(regionCode));
    }
}
