package cn.nanning.civic.search.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reports DOWN when the cluster cannot be reached or is red; yellow (a single node) is still UP. */
@Singleton
class ElasticsearchHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final ElasticsearchClient client;

    ElasticsearchHealthIndicator(ElasticsearchClient client) {
        this.client = client;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        HealthResponse health;
        try {
            health = client.cluster().health();
        } catch (IOException e) {
            // An outage is an expected state here: report it without the stack trace the framework would log.
            healthStatus = io.micronaut.health.HealthStatus.DOWN;
            return Map.of("error", "unreachable: " + e.getClass().getSimpleName());
        }
        healthStatus = health.status() == HealthStatus.Red ? io.micronaut.health.HealthStatus.DOWN : io.micronaut.health.HealthStatus.UP;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("cluster", health.clusterName());
        details.put("status", health.status().jsonValue());
        details.put("nodes", health.numberOfNodes());
        return details;
    }

    @Override
    protected String getName() {
        return "elasticsearch";
    }
}
