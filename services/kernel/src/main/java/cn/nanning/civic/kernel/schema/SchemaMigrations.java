package cn.nanning.civic.kernel.schema;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.util.Comparator;

/**
 * Migrates every module schema as soon as the data source exists, before any repository uses it.
 * One Flyway history per schema keeps modules independent (they never share version numbers).
 */
@Singleton
@Requires(property = "civic.schema.migrate", notEquals = "false")
class SchemaMigrations implements BeanCreatedEventListener<DataSource> {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

    private final BeanProvider<ModuleSchema> schemas;

    SchemaMigrations(BeanProvider<ModuleSchema> schemas) {
        this.schemas = schemas;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource dataSource = event.getBean();
        schemas.stream().sorted(Comparator.comparingInt(ModuleSchema::order)).forEach(module -> {
            var result = Flyway.configure()
                    .dataSource(dataSource)
                    .schemas(module.schema())
                    .createSchemas(true)
                    .locations(module.migrationsLocation())
                    .load()
                    .migrate();
            LOG.info("Schema {} at version {} ({} migrations applied)", module.schema(), result.targetSchemaVersion, result.migrationsExecuted);
        });
        return dataSource;
    }
}
