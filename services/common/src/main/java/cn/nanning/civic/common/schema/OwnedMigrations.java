package cn.nanning.civic.common.schema;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Migrates one schema with Flyway as the owner role and then grants the runtime role exactly what it needs: row
 * access to the schema's tables and sequences, but on append-only tables (audit logs, consent and transfer records:
 * every table guarded by an {@code *append_only} trigger) only SELECT and INSERT, and nothing on Flyway's history.
 */
public final class OwnedMigrations {

    private OwnedMigrations() {
    }

    public static MigrateResult migrate(DataSource runtimePool, DatabaseRoles roles, String schema, String location) {
        FluentConfiguration flyway = Flyway.configure().schemas(schema).createSchemas(true).locations(location);
        if (roles.separated()) {
            flyway.dataSource(roles.url(), roles.ownerUser(), password(roles));
        } else {
            flyway.dataSource(runtimePool);
        }
        MigrateResult result = flyway.load().migrate();
        if (roles.separated()) {
            grantRuntime(roles, schema);
        }
        return result;
    }

    static void grantRuntime(DatabaseRoles roles, String schema) {
        String role = identifier(roles.runtimeUser());
        String s = identifier(schema);
        try (Connection owner = DriverManager.getConnection(roles.url(), roles.ownerUser(), password(roles));
             Statement sql = owner.createStatement()) {
            sql.execute("grant usage on schema " + s + " to " + role);
            sql.execute("grant select, insert, update, delete on all tables in schema " + s + " to " + role);
            sql.execute("grant usage, select, update on all sequences in schema " + s + " to " + role);
            sql.execute("grant execute on all functions in schema " + s + " to " + role);
            sql.execute("revoke all on " + s + ".flyway_schema_history from " + role);
            for (String table : appendOnlyTables(owner, schema)) {
                sql.execute("revoke update, delete, truncate on " + s + "." + identifier(table) + " from " + role);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not grant " + roles.runtimeUser() + " its rights on schema " + schema, e);
        }
    }

    /** Tables of the schema that carry a trigger running an {@code *append_only} function. */
    static List<String> appendOnlyTables(Connection connection, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select distinct c.relname from pg_trigger t
                  join pg_class c on c.oid = t.tgrelid
                  join pg_namespace n on n.oid = c.relnamespace
                  join pg_proc p on p.oid = t.tgfoid
                 where n.nspname = ? and not t.tgisinternal and p.proname like '%append_only%'
                 order by 1""")) {
            query.setString(1, schema);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
        }
        return tables;
    }

    private static String password(DatabaseRoles roles) {
        return roles.ownerPassword() == null ? "" : roles.ownerPassword();
    }

    private static String identifier(String name) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain SQL identifier: " + name);
        }
        return name;
    }
}
