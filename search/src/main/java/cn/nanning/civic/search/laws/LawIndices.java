package cn.nanning.civic.search.laws;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;

/** Creates the law indices from {@code elasticsearch/law-articles.json} and {@code elasticsearch/laws.json}. */
final class LawIndices {

    static final String ARTICLES_DEFINITION = "elasticsearch/law-articles.json";
    static final String LAWS_DEFINITION = "elasticsearch/laws.json";

    private LawIndices() {
    }

    /** Creates each index unless it exists; true when one was created. */
    static boolean ensure(ElasticsearchClient client, String articlesIndex, String lawsIndex) throws IOException {
        boolean a = create(client, articlesIndex, ARTICLES_DEFINITION);
        boolean b = create(client, lawsIndex, LAWS_DEFINITION);
        return a || b;
    }

    /**
     * Adds the answered-questions fields to an articles index created before they existed (adding fields to a
     * mapping is allowed; the definitions come from {@link #ARTICLES_DEFINITION}). Harmless when they are there.
     */
    static void ensureQuestionFields(ElasticsearchClient client, String articlesIndex) throws IOException {
        ensureArticleFields(client, articlesIndex, QuestionLoader.FIELD, QuestionLoader.COUNT_FIELD);
    }

    /** Adds the {@code vector} field to an articles index created before it existed. Harmless when it is there. */
    static void ensureVectorField(ElasticsearchClient client, String articlesIndex) throws IOException {
        ensureArticleFields(client, articlesIndex, LawLoader.VECTOR_FIELD);
    }

    /** Puts the named fields, as {@link #ARTICLES_DEFINITION} defines them, into an existing articles index's mapping. */
    private static void ensureArticleFields(ElasticsearchClient client, String articlesIndex, String... names) throws IOException {
        JsonNode properties;
        try (InputStream definition = LawIndices.class.getClassLoader().getResourceAsStream(ARTICLES_DEFINITION)) {
            if (definition == null) {
                throw new IOException("missing classpath resource " + ARTICLES_DEFINITION);
            }
            properties = new ObjectMapper().readTree(definition).path("mappings").path("properties");
        }
        ObjectNode added = new ObjectMapper().createObjectNode();
        ObjectNode fields = added.putObject("properties");
        for (String name : names) {
            fields.set(name, properties.path(name));
        }
        client.indices().putMapping(m -> m.index(articlesIndex).withJson(new StringReader(added.toString())));
    }

    private static boolean create(ElasticsearchClient client, String name, String resource) throws IOException {
        if (client.indices().exists(e -> e.index(name)).value()) {
            return false;
        }
        try (InputStream definition = LawIndices.class.getClassLoader().getResourceAsStream(resource)) {
            if (definition == null) {
                throw new IOException("missing classpath resource " + resource);
            }
            client.indices().create(c -> c.index(name).withJson(definition));
            return true;
        } catch (ElasticsearchException e) {
            // Another loader or instance created it between our check and our create.
            if ("resource_already_exists_exception".equals(e.error().type())) {
                return false;
            }
            throw e;
        }
    }
}
