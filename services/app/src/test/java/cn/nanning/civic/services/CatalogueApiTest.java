package cn.nanning.civic.services;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@MicronautTest(transactional = false)
class CatalogueApiTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Tokens tokens;

    @Inject
    JdbcOperations jdbc;

    @Inject
    TransactionOperations<java.sql.Connection> tx;

    @Value("${kafka.bootstrap.servers}")
    String bootstrapServers;

    @Test
    void anAdminPublishesAnItemAndItsEventReachesKafkaThroughTheOutbox() {
        String code = uniqueCode();
        HttpResponse<Map> created = client.toBlocking().exchange(
                HttpRequest.POST("/api/v1/catalogue/items", draft(code, "城乡居民基本养老保险参保登记")).bearerAuth(tokens.staff("ADMIN", "450100")),
                Map.class);
        assertThat(created.getStatus().getCode()).isEqualTo(201);
        assertThat(created.body().get("version")).isEqualTo(1);

        ConsumerRecord<String, String> record = awaitEvent(code);
        assertThat(new String(record.headers().lastHeader("event-type").value(), StandardCharsets.UTF_8)).isEqualTo("CatalogueItemPublished");
        assertThat(record.value()).contains("\"eventId\"").contains("城乡居民基本养老保险参保登记");
        assertThat(unpublishedFor(code)).isZero();
    }

    @Test
    void aChangeRaisesTheVersionAndIsPublishedAgain() {
        String code = uniqueCode();
        String admin = tokens.staff("ADMIN", "450100");
        client.toBlocking().exchange(HttpRequest.POST("/api/v1/catalogue/items", draft(code, "残疾人两项补贴申请")).bearerAuth(admin), Map.class);
        Map<?, ?> changed = client.toBlocking().retrieve(
                HttpRequest.PUT("/api/v1/catalogue/items/" + code, draft(code, "困难残疾人生活补贴和重度残疾人护理补贴申请")).bearerAuth(admin), Map.class);
        assertThat(changed.get("version")).isEqualTo(2);
        assertThat(count("select count(*) from kernel.outbox where event_key = ?", code)).isEqualTo(2);
    }

    @Test
    void aClerkCannotPublishCatalogueItems() {
        var e = catchThrowableOfType(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.POST("/api/v1/catalogue/items", draft(uniqueCode(), "测试")).bearerAuth(tokens.staff("CLERK", "450103")), Map.class));
        assertThat(e.getStatus().getCode()).isEqualTo(403);
        assertThat(e.getResponse().getContentType().orElseThrow().toString()).isEqualTo("application/problem+json");
    }

    @Test
    void anInvalidDraftIsRefusedWithTheFieldNamedAndNothingIsWritten() {
        String code = uniqueCode();
        Map<String, Object> draft = draft(code, " ");
        var e = catchThrowableOfType(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.POST("/api/v1/catalogue/items", draft).bearerAuth(tokens.staff("ADMIN", "450100")), Map.class));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        Map<?, ?> problem = e.getResponse().getBody(Map.class).orElseThrow();
        assertThat(problem.get("detail").toString()).contains("事项名称不能为空");
        assertThat(count("select count(*) from proxy.catalogue_item where code = ?", code)).isZero();
        assertThat(count("select count(*) from kernel.outbox where event_key = ?", code)).isZero();
    }

    @Test
    void publishingTheSameCodeTwiceIsAConflict() {
        String code = uniqueCode();
        String admin = tokens.staff("ADMIN", "450100");
        client.toBlocking().exchange(HttpRequest.POST("/api/v1/catalogue/items", draft(code, "最低生活保障申请")).bearerAuth(admin), Map.class);
        var e = catchThrowableOfType(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.POST("/api/v1/catalogue/items", draft(code, "最低生活保障申请")).bearerAuth(admin), Map.class));
        assertThat(e.getStatus().getCode()).isEqualTo(409);
        assertThat(count("select count(*) from kernel.outbox where event_key = ?", code)).isEqualTo(1);
    }

    @Test
    void aPublishedItemIsReadWithoutSigningInWithItsMaterialsAsAList() {
        String code = uniqueCode();
        Map<String, Object> draft = draft(code, "城乡居民基本养老保险待遇领取");
        draft.put("materials", "居民身份证； 户口簿；;银行卡；");
        client.toBlocking().exchange(HttpRequest.POST("/api/v1/catalogue/items", draft).bearerAuth(tokens.staff("ADMIN", "450100")), Map.class);

        Map<?, ?> item = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/catalogue/items/" + code), Map.class);

        assertThat(item.get("name")).isEqualTo("城乡居民基本养老保险待遇领取");
        assertThat(item.get("materialsList")).isEqualTo(List.of("居民身份证", "户口簿", "银行卡"));
        assertThat(item.get("materials")).as("the text stays for clients that read it").isEqualTo("居民身份证； 户口簿；;银行卡；");
        assertThat(item.get("legalBasis")).isEqualTo("《中华人民共和国社会保险法》第二十条");
        assertThat(client.toBlocking().retrieve(HttpRequest.GET("/api/v1/catalogue/items/" + code + "/bundle"),
                io.micronaut.core.type.Argument.listOf(String.class))).isEmpty();
        Map<?, ?> page = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/catalogue/items?size=1"), Map.class);
        assertThat((List<?>) page.get("items")).hasSize(1);
        Map<?, ?> categories = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/catalogue/categories"), Map.class);
        assertThat((List<?>) categories.get("items")).isNotEmpty();
    }

    @Test
    void anItemWithoutMaterialsHasAnEmptyList() {
        String code = uniqueCode();
        Map<String, Object> draft = draft(code, "政策咨询");
        draft.remove("materials");
        client.toBlocking().exchange(HttpRequest.POST("/api/v1/catalogue/items", draft).bearerAuth(tokens.staff("ADMIN", "450100")), Map.class);
        Map<?, ?> item = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/catalogue/items/" + code), Map.class);
        assertThat(item.get("materialsList")).isEqualTo(List.of());
    }

    @Test
    void aRetiredItemIsNotFoundForAnonymousCallersAndResidentsButStaffStillReadIt() {
        String code = uniqueCode();
        String admin = tokens.staff("ADMIN", "450100");
        client.toBlocking().exchange(HttpRequest.POST("/api/v1/catalogue/items", draft(code, "农村危房改造补助申请")).bearerAuth(admin), Map.class);
        client.toBlocking().exchange(HttpRequest.DELETE("/api/v1/catalogue/items/" + code).bearerAuth(admin));

        for (String token : new String[] {null, tokens.citizen()}) {
            HttpRequest<?> read = token == null ? HttpRequest.GET("/api/v1/catalogue/items/" + code)
                    : HttpRequest.GET("/api/v1/catalogue/items/" + code).bearerAuth(token);
            var e = catchThrowableOfType(HttpClientResponseException.class, () -> client.toBlocking().exchange(read, Map.class));
            assertThat(e.getStatus().getCode()).isEqualTo(404);
            assertThat(e.getResponse().getContentType().orElseThrow().toString()).isEqualTo("application/problem+json");
            assertThat(e.getResponse().getBody(Map.class).orElseThrow().get("detail").toString()).contains("不存在或已下线");
        }
        var bundle = catchThrowableOfType(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.GET("/api/v1/catalogue/items/" + code + "/bundle"), io.micronaut.core.type.Argument.listOf(String.class)));
        assertThat(bundle.getStatus().getCode()).isEqualTo(404);

        Map<?, ?> forStaff = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/catalogue/items/" + code).bearerAuth(admin), Map.class);
        assertThat(forStaff.get("retired")).isEqualTo(true);
        Map<?, ?> forClerk = client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/catalogue/items/" + code).bearerAuth(tokens.staff("CLERK", "450103")), Map.class);
        assertThat(forClerk.get("code")).isEqualTo(code);
    }

    @Test
    void writesStillNeedAnAdministrator() {
        String code = uniqueCode();
        var anonymous = catchThrowableOfType(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.POST("/api/v1/catalogue/items", draft(code, "测试")), Map.class));
        assertThat(anonymous.getStatus().getCode()).isEqualTo(401);
        var retire = catchThrowableOfType(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.DELETE("/api/v1/catalogue/items/NN-SB-001").bearerAuth(tokens.citizen())));
        assertThat(retire.getStatus().getCode()).isEqualTo(403);
        assertThat(count("select count(*) from proxy.catalogue_item where code = ?", code)).isZero();
    }

    static Map<String, Object> draft(String code, String name) {
        Map<String, Object> d = new HashMap<>();
        d.put("code", code);
        d.put("name", name);
        d.put("type", "公共服务");
        d.put("department", "南宁市人力资源和社会保障局");
        d.put("implementingLevel", "区县级");
        d.put("legalBasis", "《中华人民共和国社会保险法》第二十条");
        d.put("conditions", "具有本市户籍、年满16周岁、不符合职工基本养老保险参保条件的城乡居民");
        d.put("materials", "居民身份证或户口簿");
        d.put("fee", "不收费");
        d.put("timeLimitDays", 5);
        d.put("visits", 0);
        d.put("proxyAllowed", true);
        d.put("contact", "0771-12333");
        return d;
    }

    static String uniqueCode() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private long unpublishedFor(String code) {
        return count("select count(*) from kernel.outbox where event_key = ? and published_at is null", code);
    }

    private long count(String sql, String arg) {
        Long count = tx.executeRead(status -> jdbc.prepareStatement(sql, s -> {
            s.setString(1, arg);
            var rs = s.executeQuery();
            rs.next();
            return rs.getLong(1);
        }));
        return count;
    }

    private ConsumerRecord<String, String> awaitEvent(String key) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "catalogue-api-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("proxy.catalogue-item.v1"));
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("event for " + key + " did not reach Kafka within 30 s");
    }
}
