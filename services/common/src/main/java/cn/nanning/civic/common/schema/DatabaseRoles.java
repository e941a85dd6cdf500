package cn.nanning.civic.common.schema;

import io.micronaut.core.annotation.Nullable;

/**
 * Who connects to PostgreSQL for what. The runtime role (the data source's user) reads and writes rows and nothing
 * more; the owner role owns the schemas and runs their migrations. Kept apart, the application cannot switch off its
 * own audit log: it cannot update, delete or truncate append-only tables, and only an owner may disable a trigger.
 * Without an owner configured (module tests, which connect as one role) migrations run as the runtime role.
 *
 * @param url           the JDBC URL both roles use
 * @param runtimeUser   the data source's user
 * @param ownerUser     the owner role ({@code civic.schema.owner.username}), or null
 * @param ownerPassword its password, or null
 */
public record DatabaseRoles(String url, String runtimeUser, @Nullable String ownerUser, @Nullable String ownerPassword) {

    /** Whether migrations run as an owner role other than the runtime role. */
    public boolean separated() {
        return ownerUser != null && !ownerUser.isBlank() && !ownerUser.equals(runtimeUser);
    }
}
