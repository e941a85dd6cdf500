package cn.nanning.civic.e2e.platform;

import java.util.HashMap;
import java.util.Map;

/** Endpoints of the dev stack in its test profile (started by `./civic test`), overridable from the environment. */
public final class TestStack {

    private TestStack() {
    }

    public static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        // The platform runs as in production: its own database (made by ./civic test, owned by civic_owner, which runs
        // the migrations), connected to as civic_app, which may only read and write rows. Tests' own SQL connects as
        // postgres to the same database.
        env.put("DATASOURCES_DEFAULT_URL", setting("TEST_E2E_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/civic_e2e"));
        env.put("DATASOURCES_DEFAULT_USERNAME", setting("TEST_E2E_RUNTIME_ROLE", "civic_app"));
        env.put("CIVIC_SCHEMA_OWNER_USERNAME", setting("TEST_E2E_OWNER_ROLE", "civic_owner"));
        env.put("KAFKA_BOOTSTRAP_SERVERS", setting("TEST_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092"));
        env.put("ELASTICSEARCH_URL", setting("TEST_ELASTICSEARCH_URL", "http://127.0.0.1:19200"));
        env.put("WECHAT_API_HOST", setting("TEST_WECHAT_API_HOST", "http://127.0.0.1:18090"));
        env.put("REDIS_URL", setting("TEST_REDIS_URL", System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379")));
        env.put("CIVIC_DATA_DIR", System.getProperty("civic.data-dir", "../shared/data"));
        return env;
    }

    public static String datasourceUrl() {
        return environment().get("DATASOURCES_DEFAULT_URL");
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value != null && !value.isBlank() ? value : fallback;
    }
}
