package cn.nanning.civic.kernel.schema;

/**
 * A domain module's own PostgreSQL schema and the classpath folder of its Flyway migrations.
 * Each module registers one bean of this type; every schema keeps its own migration history.
 */
public record ModuleSchema(String schema, String migrationsLocation, int order) {
}
