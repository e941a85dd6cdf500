package cn.nanning.civic.kernel.schema;

import cn.nanning.civic.common.schema.DatabaseRoles;
import cn.nanning.civic.common.schema.OwnedMigrations;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.jdbc.DataSourceResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.util.Comparator;

/**
 * Migrates every module schema while the application context starts, before any scheduled job or request runs.
 * One Flyway history per schema keeps modules independent (they never share version numbers).
 */
@Context
@Requires(property = "civic.schema.migrate", notEquals = "false")
class SchemaMigrations {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

    SchemaMigrations(DataSource dataSource, BeanProvider<ModuleSchema> schemas, @Nullable DataSourceResolver resolver,
                     @Value("${datasources.default.url}") String url,
                     @Value("${datasources.default.username:postgres}") String runtimeUser,
                     @Nullable @Value("${civic.schema.owner.username:}") String ownerUser,
                     @Nullable @Value("${civic.schema.owner.password:}") String ownerPassword) {
        // The injected data source only hands out connections inside transactions; Flyway needs the pool itself.
        DataSource target = (resolver != null ? resolver : DataSourceResolver.DEFAULT).resolve(dataSource);
        DatabaseRoles roles = new DatabaseRoles(url, runtimeUser, ownerUser, ownerPassword);
        if (roles.separated()) {
            LOG.info("Migrating as {}; the application connects as {}", ownerUser, runtimeUser);
        }
        schemas.stream().sorted(Comparator.comparingInt(ModuleSchema::order)).forEach(module -> {
            var result = OwnedMigrations.migrate(target, roles, module.schema(), module.migrationsLocation());
            LOG.info("Schema {} at version {} ({} migrations applied)", module.schema(), result.targetSchemaVersion, result.migrationsExecuted);
        });
    }
}
