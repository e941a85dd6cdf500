package cn.nanning.civic.e2e.security;

import cn.nanning.civic.e2e.platform.Platform;
import cn.nanning.civic.e2e.platform.TestStack;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Finding 2 of the security review: the application's own database role could switch the audit log off. The
 * platform of the end-to-end suite runs as in production — migrations as civic_owner, the deployables as civic_app —
 * and civic_app may not update, delete, truncate or disable the triggers of any append-only table.
 */
class DatabaseRolesTest {

    private static final String RUNTIME = TestStack.environment().get("DATASOURCES_DEFAULT_USERNAME");

    @Test
    void theRuntimeRoleCannotUpdateDeleteTruncateOrDisableTriggersOnAnyAuditTable() throws SQLException {
        Platform.get();
        List<String> appendOnly = appendOnlyTables();
        assertThat(appendOnly).contains("kernel.audit_log", "identity.audit_log", "volunteers.consent_record");

        try (Connection app = DriverManager.getConnection(TestStack.datasourceUrl(), RUNTIME, "")) {
            for (String table : appendOnly) {
                refused(app, "update " + table + " set " + anyColumn(app, table) + " = " + anyColumn(app, table));
                refused(app, "delete from " + table);
                refused(app, "truncate " + table);
                refused(app, "alter table " + table + " disable trigger all");
                refused(app, "drop table " + table);
                try (Statement sql = app.createStatement(); ResultSet rows = sql.executeQuery("select count(*) from " + table)) {
                    assertThat(rows.next()).as("it may still read " + table).isTrue();
                }
            }
            refused(app, "create table kernel.planted (id int)");
        }
    }

    @Test
    void theRuntimeRoleIsNoSuperuserAndOwnsNothingWhileTheOwnerRoleOwnsTheSchemas() throws SQLException {
        Platform.get();
        try (Connection admin = DriverManager.getConnection(TestStack.datasourceUrl(), "postgres", "");
             Statement sql = admin.createStatement()) {
            try (ResultSet role = sql.executeQuery("select rolsuper, rolcreaterole, rolbypassrls from pg_roles where rolname = '" + RUNTIME + "'")) {
                assertThat(role.next()).isTrue();
                assertThat(role.getBoolean(1) || role.getBoolean(2) || role.getBoolean(3)).isFalse();
            }
            try (ResultSet owned = sql.executeQuery("select count(*) from pg_class where relowner = (select oid from pg_roles where rolname = '"
                    + RUNTIME + "')")) {
                owned.next();
                assertThat(owned.getLong(1)).isZero();
            }
            try (ResultSet owner = sql.executeQuery("select nspname, pg_get_userbyid(nspowner) from pg_namespace where nspname in ('kernel', 'identity', 'proxy', 'volunteers')")) {
                int schemas = 0;
                while (owner.next()) {
                    schemas++;
                    assertThat(owner.getString(2)).as(owner.getString(1)).isEqualTo(TestStack.environment().get("CIVIC_SCHEMA_OWNER_USERNAME"));
                }
                assertThat(schemas).isEqualTo(4);
            }
        }
    }

    private static void refused(Connection app, String statement) {
        SQLException refused = catchThrowableOfType(SQLException.class, () -> {
            try (Statement sql = app.createStatement()) {
                sql.execute(statement);
            }
        });
        assertThat((Object) refused).as(statement + " must be refused").isNotNull();
        // 42501: insufficient privilege (also "must be owner of table").
        assertThat(refused.getSQLState()).as(statement + ": " + refused.getMessage()).isEqualTo("42501");
    }

    private static String anyColumn(Connection app, String table) throws SQLException {
        try (Statement sql = app.createStatement(); ResultSet rows = sql.executeQuery("select * from " + table + " limit 0")) {
            return rows.getMetaData().getColumnName(1);
        }
    }

    private static List<String> appendOnlyTables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection admin = DriverManager.getConnection(TestStack.datasourceUrl(), "postgres", "");
             Statement sql = admin.createStatement();
             ResultSet rows = sql.executeQuery("""
                     select distinct n.nspname || '.' || c.relname from pg_trigger t
                       join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
                       join pg_proc p on p.oid = t.tgfoid
                      where not t.tgisinternal and p.proname like '%append_only%' order by 1""")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }
}
