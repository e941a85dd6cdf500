package cn.nanning.civic.gateway.schema;

import cn.nanning.civic.common.schema.DatabaseRoles;
import cn.nanning.civic.common.schema.OwnedMigrations;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.jdbc.DataSourceResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;

/**
 * Migrates the gateway's one schema, {@code identity}, while the context starts: as the owner role where one is
 * configured, granting the runtime role row access only (and on the audit log only SELECT and INSERT), as the
 * services do for theirs.
 */
@Context
@Requires(property = "civic.schema.migrate", notEquals = "false")
class IdentitySchema {

    private static final Logger LOG = LoggerFactory.getLogger(IdentitySchema.class);

    IdentitySchema(DataSource dataSource, @Nullable DataSourceResolver resolver,
                   @Value("${datasources.default.url}") String url,
                   @Value("${datasources.default.username:postgres}") String runtimeUser,
                   @Nullable @Value("${civic.schema.owner.username:}") String ownerUser,
                   @Nullable @Value("${civic.schema.owner.password:}") String ownerPassword) {
        DataSource pool = (resolver != null ? resolver : DataSourceResolver.DEFAULT).resolve(dataSource);
        var result = OwnedMigrations.migrate(pool, new DatabaseRoles(url, runtimeUser, ownerUser, ownerPassword),
                "identity", "classpath:db/identity");
        LOG.info("Schema identity at version {} ({} migrations applied)", result.targetSchemaVersion, result.migrationsExecuted);
    }
}
