package cn.nanning.civic.search.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.apache.hc.core5.util.Timeout;

import java.net.URI;

/** One Elasticsearch client per process, over the rest5 (Apache HttpClient 5) transport. */
@Factory
class ElasticsearchFactory {

    @Singleton
    @Bean(preDestroy = "close")
    ElasticsearchTransport transport(ElasticsearchSettings settings) {
        Rest5Client rest = Rest5Client.builder(URI.create(settings.elasticsearchUrl()))
                // Short connect timeout: an unreachable node must turn into a quick 503, not a hanging request.
                .setConnectionConfigCallback(connection -> connection
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.responseTimeout())))
                .setRequestConfigCallback(request -> request
                        .setConnectionRequestTimeout(Timeout.of(settings.connectTimeout()))
                        .setResponseTimeout(Timeout.of(settings.responseTimeout())))
                .build();
        ObjectMapper json = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
        return new Rest5ClientTransport(rest, new JacksonJsonpMapper(json));
    }

    @Singleton
    ElasticsearchClient client(ElasticsearchTransport transport) {
        return new ElasticsearchClient(transport);
    }
}
