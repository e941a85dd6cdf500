package cn.nanning.civic.volunteers.registration;

import cn.nanning.civic.common.identity.Claims;
import cn.nanning.civic.common.pii.Masking;
import cn.nanning.civic.volunteers.VolunteerFixture;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.nanning.civic.volunteers.VolunteerFixture.detail;
import static cn.nanning.civic.volunteers.VolunteerFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
@SuppressWarnings("unchecked")
class AdminSearchAndPortalLinkTest {

    @Inject
    VolunteerFixture f;

    @Inject
    Volunteers volunteers;

    private List<Map<String, Object>> search(String query, String token) {
        return (List<Map<String, Object>>) (List<?>) f.client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/volunteers/search?" + query).bearerAuth(token), io.micronaut.core.type.Argument.listOf(Map.class));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private String village(VolunteerFixture.Person p) {
        return f.string("select home_region from volunteers.volunteer where id = ?::uuid", p.volunteerId());
    }

    @Test
    void anAdminFindsAVolunteerByTheMaskedIdNumberShownOnScreensByTheFullOneAndByNameAndRegionAllMasked() {
        var person = f.volunteer();
        String village = village(person);
        String admin = f.tokens.staff("ADMIN", village.substring(0, 6));
        String masked = Masking.idNumber(person.idNumber());

        List<Map<String, Object>> byMasked = search("idNumber=" + enc(masked), admin);
        assertThat(byMasked).extracting(m -> m.get("id")).contains(person.volunteerId());
        Map<String, Object> hit = byMasked.stream().filter(m -> m.get("id").equals(person.volunteerId())).findFirst().orElseThrow();
        assertThat(hit.get("maskedName")).isEqualTo("韦**");
        assertThat(hit.get("maskedIdNumber")).isEqualTo(masked);
        assertThat(hit.get("maskedPhone")).isEqualTo("139****2345");
        assertThat(hit.get("homeRegion")).isEqualTo(village);
        assertThat(hit.toString()).doesNotContain(person.idNumber()).doesNotContain("韦小燕");

        assertThat(search("idNumber=" + person.idNumber(), admin)).extracting(m -> m.get("id")).containsExactly(person.volunteerId());
        assertThat(search("name=" + enc("韦小燕") + "&region=" + village, admin)).extracting(m -> m.get("id")).contains(person.volunteerId());
        assertThat(search("name=" + enc("覃大勇") + "&region=" + village, admin)).extracting(m -> m.get("id")).doesNotContain(person.volunteerId());

        assertThat(f.count("select count(*) from kernel.audit_log where action = 'volunteers.search' and detail like 'maskedIdNumber%'"))
                .isPositive();
        assertThat(f.count("select count(*) from kernel.audit_log where action = 'volunteers.search' and detail like ?",
                "%" + person.idNumber() + "%")).isZero();
    }

    @Test
    void aRecordRegisteredBeforeTheSearchIndexesIsFoundOnceTheBackfillRan() {
        var person = f.volunteer();
        f.execute("update volunteers.volunteer set name_blind_index = null, masked_id_blind_index = null where id = ?::uuid", person.volunteerId());
        String admin = f.tokens.staff("ADMIN", village(person).substring(0, 6));
        assertThat(search("idNumber=" + enc(Masking.idNumber(person.idNumber())), admin)).extracting(m -> m.get("id"))
                .doesNotContain(person.volunteerId());
        while (volunteers.backfillSearchIndexes(1000) == 1000) {
            // drain
        }
        assertThat(search("idNumber=" + enc(Masking.idNumber(person.idNumber())), admin)).extracting(m -> m.get("id"))
                .contains(person.volunteerId());
    }

    @Test
    void anAdminOfAnotherAreaOrAnOrganiserCannotSearchAndMalformedIdNumbersAreExplained() {
        var person = f.volunteer();
        String village = village(person);
        String otherDistrict = village.startsWith("450102") ? "450103" : "450102";
        assertThat(refused(() -> search("region=" + village, f.tokens.staff("ADMIN", otherDistrict))).getStatus().getCode()).isEqualTo(403);
        assertThat(refused(() -> search("region=" + village, f.tokens.staff("ORGANIZER", village.substring(0, 6)))).getStatus().getCode())
                .isEqualTo(403);
        assertThat(refused(() -> search("region=" + village, person.token())).getStatus().getCode()).isEqualTo(403);
        var bad = refused(() -> search("idNumber=4501", f.tokens.staff("ADMIN", village.substring(0, 6))));
        assertThat(bad.getStatus().getCode()).isEqualTo(400);
        assertThat(bad.getResponse().getBody(String.class).orElse("")).contains("4501**********1234");
        // what an admin of another area would have found is not answered from their own area either
        assertThat(search("idNumber=" + person.idNumber(), f.tokens.staff("ADMIN", otherDistrict))).isEmpty();
    }

    @Test
    void aPageBeyondTheIntegerRangeIsA400NotAnOverflow() {
        var person = f.volunteer();
        String village = village(person);
        var refused = refused(() -> search("region=" + village + "&page=" + Integer.MAX_VALUE, f.tokens.staff("ADMIN", village.substring(0, 6))));

        assertThat(refused.getStatus().getCode()).isEqualTo(400);
        assertThat(detail(refused)).contains("最多只能翻看前");
    }

    @Test
    void theVolunteerLinksTheirPortalAccountWithAOneTimeCodeFromTheMiniProgram() {
        var person = f.volunteer();
        String portalAccount = UUID.randomUUID().toString();
        String portal = f.tokens.sign(portalAccount, Claims.KIND_STAFF, List.of("VOLUNTEER"), village(person));

        // before the link the portal account has no volunteer record
        assertThat(refused(() -> f.get("/api/v1/volunteers/me", portal, Map.class)).getStatus().getCode()).isEqualTo(404);

        Map<?, ?> code = f.post("/api/v1/volunteers/me/portal-link-code", Map.of(), person.token());
        assertThat(code.get("code").toString()).matches("[A-Z2-9]{10}");
        assertThat(f.count("select count(*) from volunteers.portal_link_code where code_hash = ?", code.get("code"))).isZero();

        var wrong = refused(() -> f.post("/api/v1/volunteers/me/portal-link", Map.of("code", "AAAAAAAAAA"), portal));
        assertThat(wrong.getStatus().getCode()).isEqualTo(400);
        assertThat(detail(wrong)).contains("关联码无效");

        Map<?, ?> linked = f.post("/api/v1/volunteers/me/portal-link", Map.of("code", code.get("code").toString().toLowerCase()), portal);
        assertThat(linked.get("id")).isEqualTo(person.volunteerId());
        Map<?, ?> mine = f.get("/api/v1/volunteers/me", portal, Map.class);
        assertThat(mine.get("id")).isEqualTo(person.volunteerId());
        assertThat(mine.get("idNumber")).isEqualTo(Masking.idNumber(person.idNumber()));
        assertThat(f.get("/api/v1/volunteers/me/hours", portal, Map.class)).isNotNull();
        assertThat(f.count("select count(*) from kernel.audit_log where action = 'volunteers.portal-link' and actor = ? and target_id = ? and outcome = 'SUCCESS'",
                portalAccount, person.volunteerId())).isEqualTo(1);

        // the code works once
        String another = f.tokens.sign(UUID.randomUUID().toString(), Claims.KIND_STAFF, List.of("VOLUNTEER"), village(person));
        assertThat(refused(() -> f.post("/api/v1/volunteers/me/portal-link", Map.of("code", code.get("code")), another)).getStatus().getCode())
                .isEqualTo(400);

        // the volunteer ends the link from the mini-program
        f.client.toBlocking().exchange(HttpRequest.DELETE("/api/v1/volunteers/me/portal-link").bearerAuth(person.token()));
        assertThat(refused(() -> f.get("/api/v1/volunteers/me", portal, Map.class)).getStatus().getCode()).isEqualTo(404);
    }

    @Test
    void onlyAPortalVolunteerAccountCanBeLinkedAndOnlyTheVolunteerCanAskForACode() {
        var person = f.volunteer();
        Map<?, ?> code = f.post("/api/v1/volunteers/me/portal-link-code", Map.of(), person.token());
        String organiser = f.tokens.staff("ORGANIZER", village(person).substring(0, 6));
        assertThat(refused(() -> f.post("/api/v1/volunteers/me/portal-link", Map.of("code", code.get("code")), organiser)).getStatus().getCode())
                .isEqualTo(403);
        assertThat(refused(() -> f.post("/api/v1/volunteers/me/portal-link-code", Map.of(), f.tokens.staff("VOLUNTEER", "450103")))
                .getStatus().getCode()).isEqualTo(403);
        assertThat(refused(() -> f.post("/api/v1/volunteers/me/portal-link-code", Map.of(), f.tokens.citizen())).getStatus().getCode())
                .isEqualTo(404);
    }
}
