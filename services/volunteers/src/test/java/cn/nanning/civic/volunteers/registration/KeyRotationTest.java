package cn.nanning.civic.volunteers.registration;

import cn.nanning.civic.common.pii.Reencryption;
import cn.nanning.civic.volunteers.VolunteerFixture;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.nanning.civic.volunteers.VolunteerFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding 4 of the security review: rotating PII_KEYS must not break lookups. A volunteer registered under the old key;
 * the deployable restarted with a new key first; the re-encryption job moves the row to the new key; every lookup by
 * the blind indexes (ID number search, one person one volunteer) still finds it, and the record still reads.
 */
@MicronautTest(transactional = false)
class KeyRotationTest {

    private static final String OLD_KEY = "k1:ZGV2LW9ubHktcGlpLWtleS0wMTIzNDU2Nzg5YWJjZGU=";
    private static final String NEW_KEY = "k9:bmV3LXBpaS1rZXktYWZ0ZXItcm90YXRpb24tMzJieXQ=";

    @Inject
    VolunteerFixture f;

    @Test
    @SuppressWarnings("unchecked")
    void afterTheEncryptionKeyRotatesAndRowsAreReEncryptedEveryLookupStillWorks() {
        var person = f.volunteer();
        String village = f.string("select home_region from volunteers.volunteer where id = ?::uuid", person.volunteerId());
        assertThat(f.string("select id_number from volunteers.volunteer where id = ?::uuid", person.volunteerId())).startsWith("k1:");

        try (EmbeddedServer rotated = ApplicationContext.run(EmbeddedServer.class,
                Map.of("micronaut.server.port", "-1", "civic.pii.keys", NEW_KEY + "," + OLD_KEY), "test");
             HttpClient client = HttpClient.create(rotated.getURL())) {
            Reencryption.Outcome outcome = rotated.getApplicationContext().getBean(Reencryption.class).reencryptAll();

            assertThat(outcome.failed()).isZero();
            assertThat(outcome.reencrypted()).isPositive();
            for (String column : List.of("real_name", "id_number", "phone")) {
                assertThat(f.string("select " + column + " from volunteers.volunteer where id = ?::uuid", person.volunteerId()))
                        .as(column).startsWith("k9:");
            }
            String admin = f.tokens.staff("ADMIN", village.substring(0, 6));
            List<Map<String, Object>> found = (List<Map<String, Object>>) (List<?>) client.toBlocking().retrieve(
                    HttpRequest.GET("/api/v1/volunteers/search?idNumber=" + person.idNumber()).bearerAuth(admin), Argument.listOf(Map.class));
            assertThat(found).extracting(m -> m.get("id")).containsExactly(person.volunteerId());
            var again = refused(() -> client.toBlocking().retrieve(HttpRequest.POST("/api/v1/volunteers",
                    f.registration(person.idNumber(), village)).bearerAuth(f.tokens.citizen(java.util.UUID.randomUUID().toString())), Map.class));
            assertThat(again.getStatus().getCode()).as("one person, one volunteer, across the rotation").isEqualTo(409);
            Map<?, ?> mine = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/volunteers/me").bearerAuth(person.token()), Map.class);
            assertThat(mine.get("realName").toString()).startsWith("韦");
            assertThat(rotated.getApplicationContext().getBean(Reencryption.class).reencryptAll().reencrypted())
                    .as("a second run finds nothing left under the old key").isZero();
        } finally {
            // The other tests of this module know only the old key: rotate the shared test database back.
            try (ApplicationContext back = ApplicationContext.run(Map.of("micronaut.server.port", "-1",
                    "civic.pii.keys", OLD_KEY + "," + NEW_KEY), "test")) {
                back.getBean(Reencryption.class).reencryptAll();
            }
        }
    }
}
