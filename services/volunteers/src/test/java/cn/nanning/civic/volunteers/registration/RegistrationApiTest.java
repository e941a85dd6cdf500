package cn.nanning.civic.volunteers.registration;

import cn.nanning.civic.common.pii.FieldCipher;
import cn.nanning.civic.volunteers.TestIdNumbers;
import cn.nanning.civic.volunteers.VolunteerFixture;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.nanning.civic.volunteers.VolunteerFixture.detail;
import static cn.nanning.civic.volunteers.VolunteerFixture.refused;
import static cn.nanning.civic.volunteers.VolunteerFixture.type;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
@SuppressWarnings("unchecked")
class RegistrationApiTest {

    @Inject
    VolunteerFixture f;

    @Inject
    FieldCipher cipher;

    private Map<?, ?> register(Map<String, Object> body, String token) {
        return f.client.toBlocking().retrieve(HttpRequest.POST("/api/v1/volunteers", body).bearerAuth(token), Map.class);
    }

    @Test
    void aCitizenRegistersAndSeesTheirRecordMaskedWithBirthDateAndSexDerived() {
        String id = TestIdNumbers.bornOn(LocalDate.of(1988, 5, 15));
        String village = f.randomVillage();
        String token = f.tokens.citizen();
        Map<?, ?> created = register(f.registration(id, village), token);
        assertThat(created.get("status")).isEqualTo("ACTIVE");
        assertThat(created.get("idNumber")).isEqualTo(id.substring(0, 4) + "**********" + id.substring(14));
        assertThat(created.get("phone")).isEqualTo("139****2345");
        assertThat(created.get("birthDate")).isEqualTo("1988-05-15");
        assertThat(created.get("sex")).isEqualTo((id.charAt(16) - '0') % 2 == 1 ? "M" : "F");
        assertThat(created.get("homeRegion")).isEqualTo(village);
        assertThat(created.get("realName")).isEqualTo("韦小燕");
        assertThat((List<Object>) created.get("consents")).singleElement()
                .satisfies(c -> assertThat((Map<Object, Object>) c).containsEntry("purpose", "SENSITIVE_PERSONAL_INFORMATION")
                        .containsEntry("action", "GRANTED").containsEntry("policyVersion", "2025-01"));

        Map<?, ?> mine = f.get("/api/v1/volunteers/me", token, Map.class);
        assertThat(mine.get("id")).isEqualTo(created.get("id"));
        assertThat(mine.get("idNumber")).isEqualTo(created.get("idNumber"));
    }

    @Test
    void idNumberAndPhoneAreEncryptedAtRestAndTheIdIsMatchedByAKeyedHash() {
        var person = f.volunteer();
        String storedId = f.string("select id_number from volunteers.volunteer where id = ?::uuid", person.volunteerId());
        String storedPhone = f.string("select phone from volunteers.volunteer where id = ?::uuid", person.volunteerId());
        String index = f.string("select id_blind_index from volunteers.volunteer where id = ?::uuid", person.volunteerId());
        assertThat(storedId).doesNotContain(person.idNumber()).doesNotContain(person.idNumber().substring(6, 14)).startsWith("k1:");
        assertThat(storedPhone).doesNotContain("13907712345").startsWith("k1:");
        assertThat(index).matches("[0-9a-f]{64}").doesNotContain(person.idNumber());
    }

    @Test
    void theSamePersonCannotRegisterTwiceEvenFromAnotherAccount() {
        var person = f.volunteer();
        var again = refused(() -> register(f.registration(person.idNumber(), f.randomVillage()), f.tokens.citizen()));
        assertThat(again.getStatus().getCode()).isEqualTo(409);
        assertThat(type(again)).endsWith("id-number-registered");
        assertThat(detail(again)).contains("一人只能注册一次");
        // lower-case x or surrounding blanks do not make a second person
        var sameAccount = refused(() -> register(f.registration(" " + person.idNumber() + " ", f.randomVillage()), person.token()));
        assertThat(sameAccount.getStatus().getCode()).isEqualTo(409);
        assertThat(detail(sameAccount)).contains("已经注册");
        assertThat(f.count("select count(*) from volunteers.volunteer where account_id = ?", person.accountId())).isEqualTo(1);
    }

    @Test
    void concurrentRegistrationsOfOneIdNumberLeaveExactlyOneRecord() throws Exception {
        String id = TestIdNumbers.adult();
        String village = f.randomVillage();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String token = f.tokens.citizen();
                results.add(pool.submit(() -> {
                    try {
                        register(f.registration(id, village), token);
                        return 201;
                    } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
                        return e.getStatus().getCode();
                    }
                }));
            }
            List<Integer> codes = new java.util.ArrayList<>();
            for (var r : results) {
                codes.add(r.get());
            }
            assertThat(codes).filteredOn(c -> c == 201).hasSize(1);
            assertThat(codes).filteredOn(c -> c == 409).hasSize(15);
        } finally {
            pool.shutdown();
        }
        assertThat(f.count("select count(*) from volunteers.volunteer where id_blind_index = ?",
                cipher.blindIndex(id, "volunteers.id-number"))).isEqualTo(1);
    }

    @Test
    void badIdNumbersAreRejectedWithAClearChineseMessage() {
        String token = f.tokens.citizen();
        String good = TestIdNumbers.adult();
        char wrong = good.charAt(17) == '0' ? '1' : '0';
        var e = refused(() -> register(f.registration(good.substring(0, 17) + wrong, f.randomVillage()), token));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(detail(e)).contains("校验位不正确");
        String impossible = "45010319900231123";
        var d = refused(() -> register(f.registration(impossible + TestIdNumbers.check(impossible), f.randomVillage()), token));
        assertThat(d.getStatus().getCode()).isEqualTo(400);
        assertThat(detail(d)).contains("出生日期不存在");
    }

    @Test
    void thePhoneMustBeAMainlandMobileNumber() {
        Map<String, Object> body = f.registration(TestIdNumbers.adult(), f.randomVillage());
        body.put("phone", "0771-1234567");
        var e = refused(() -> register(body, f.tokens.citizen()));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(detail(e)).contains("11 位手机号码");
        body.put("phone", "12907712345");
        assertThat(refused(() -> register(body, f.tokens.citizen())).getStatus().getCode()).isEqualTo(400);
    }

    @Test
    void theHomeRegionMustBeAKnownVillageOrCommunity() {
        Map<String, Object> township = f.registration(TestIdNumbers.adult(), f.randomTownship());
        var e = refused(() -> register(township, f.tokens.citizen()));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(detail(e)).contains("村（社区）");
        Map<String, Object> unknown = f.registration(TestIdNumbers.adult(), "450199999999");
        assertThat(refused(() -> register(unknown, f.tokens.citizen())).getStatus().getCode()).isEqualTo(400);
    }

    @Test
    void registrationNeedsTheSeparateSensitiveInformationConsentForTheCurrentPolicy() {
        Map<String, Object> body = f.registration(TestIdNumbers.adult(), f.randomVillage());
        body.remove("sensitiveInfoConsent");
        var missing = refused(() -> register(body, f.tokens.citizen()));
        assertThat(missing.getStatus().getCode()).isEqualTo(400);
        assertThat(detail(missing)).contains("单独同意");
        body.put("sensitiveInfoConsent", true);
        body.put("consentPolicyVersion", "2019-01");
        var outdated = refused(() -> register(body, f.tokens.citizen()));
        assertThat(detail(outdated)).contains("2025-01");
    }

    @Test
    void aChildUnder14NeedsAGuardiansConsent() {
        LocalDate twelveYearsAgo = LocalDate.now().minusYears(12);
        String childId = TestIdNumbers.bornOn(twelveYearsAgo);
        String token = f.tokens.citizen();
        Map<String, Object> body = f.registration(childId, f.randomVillage());
        var e = refused(() -> register(body, token));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(detail(e)).contains("监护人");

        body.put("guardian", Map.of("name", "韦大明", "phone", "13812345678", "relation", "FATHER", "consent", false));
        assertThat(detail(refused(() -> register(body, token)))).contains("需要监护人同意");
        body.put("guardian", Map.of("name", "韦大明", "phone", "13812345678", "relation", "UNCLE", "consent", true));
        assertThat(detail(refused(() -> register(body, token)))).contains("关系");

        body.put("guardian", Map.of("name", "韦大明", "phone", "13812345678", "relation", "FATHER", "consent", true));
        Map<?, ?> created = register(body, token);
        assertThat(created.get("minor")).isEqualTo(true);
        assertThat((Map<Object, Object>) created.get("guardian")).containsEntry("name", "韦**").containsEntry("phone", "138****5678")
                .containsEntry("relation", "FATHER");
        assertThat((List<Object>) created.get("consents")).extracting(c -> String.valueOf(((Map<?, ?>) c).get("purpose")))
                .containsExactlyInAnyOrder("SENSITIVE_PERSONAL_INFORMATION", "GUARDIAN");
    }

    @Test
    void a15YearOldRegistersWithoutAGuardian() {
        Map<?, ?> created = register(f.registration(TestIdNumbers.bornOn(LocalDate.now().minusYears(15).minusDays(3)), f.randomVillage()),
                f.tokens.citizen());
        assertThat(created.get("minor")).isEqualTo(true);
        assertThat(created.get("guardian")).isNull();
    }

    @Test
    void registrationWritesAVolunteerRegisteredEventWithoutPersonalData() {
        var person = f.volunteer();
        String payload = f.string("select payload from kernel.outbox where topic = 'volunteers.volunteer.v1' and event_key = ? and event_type = 'VolunteerRegistered'",
                person.volunteerId());
        assertThat(payload).contains(person.volunteerId()).doesNotContain(person.idNumber()).doesNotContain("13907712345").doesNotContain("韦小燕");
    }

    @Test
    void staffAccountsCannotRegisterAsVolunteers() {
        var e = refused(() -> register(f.registration(TestIdNumbers.adult(), f.randomVillage()), f.tokens.staff("ORGANIZER", "450103")));
        assertThat(e.getStatus().getCode()).isEqualTo(403);
    }

    @Test
    void revealingTheFullIdNumberIsAuditedForTheOwnerAndForAnAdminOfTheArea() {
        var person = f.volunteer();
        Map<?, ?> own = f.get("/api/v1/volunteers/me/id-number", person.token(), Map.class);
        assertThat(own.get("idNumber")).isEqualTo(person.idNumber());
        assertThat(f.count("select count(*) from kernel.audit_log where action = 'volunteers.id-number.reveal' and target_id = ? and actor = ? and outcome = 'SUCCESS'",
                person.volunteerId(), person.accountId())).isEqualTo(1);

        String village = f.string("select home_region from volunteers.volunteer where id = ?::uuid", person.volunteerId());
        String admin = f.tokens.staff("ADMIN", village.substring(0, 6));
        Map<?, ?> revealed = f.get("/api/v1/volunteers/" + person.volunteerId() + "/id-number?reason=" + java.net.URLEncoder.encode("办理保险", java.nio.charset.StandardCharsets.UTF_8), admin, Map.class);
        assertThat(revealed.get("idNumber")).isEqualTo(person.idNumber());
        assertThat(f.count("select count(*) from kernel.audit_log where action = 'volunteers.id-number.reveal' and target_id = ? and detail = '办理保险'",
                person.volunteerId())).isEqualTo(1);
        assertThat(f.count("select count(*) from kernel.audit_log where target_id = ? and detail like ?", person.volunteerId(),
                "%" + person.idNumber() + "%")).isZero();
    }

    @Test
    void aRevealWithoutAPurposeIsRefused() {
        var person = f.volunteer();
        String village = f.string("select home_region from volunteers.volunteer where id = ?::uuid", person.volunteerId());
        String admin = f.tokens.staff("ADMIN", village.substring(0, 6));
        assertThat(refused(() -> f.get("/api/v1/volunteers/" + person.volunteerId() + "/id-number", admin, Map.class))
                .getStatus().getCode()).isEqualTo(400);
    }

    @Test
    void anotherCitizenAnOrganiserOrAnAdminOfAnotherAreaCannotReadTheRecordOrItsIdNumber() {
        var person = f.volunteer();
        String village = f.string("select home_region from volunteers.volunteer where id = ?::uuid", person.volunteerId());
        String otherDistrict = f.string("select code from kernel.region where level = 'district' and code <> ? order by random() limit 1",
                village.substring(0, 6));
        String missing = java.util.UUID.randomUUID().toString();
        for (String token : List.of(f.volunteer().token(), f.tokens.staff("ORGANIZER", village.substring(0, 6)), f.tokens.staff("ADMIN", otherDistrict))) {
            // Someone else's record answers exactly as a record that does not exist: nothing reveals that it does.
            for (String path : List.of("", "/id-number?reason=x")) {
                var foreign = refused(() -> f.get("/api/v1/volunteers/" + person.volunteerId() + path, token, Map.class));
                var absent = refused(() -> f.get("/api/v1/volunteers/" + missing + path, token, Map.class));
                assertThat(foreign.getStatus().getCode()).isIn(403, 404).isEqualTo(absent.getStatus().getCode());
                assertThat(detail(foreign)).isEqualTo(detail(absent));
            }
        }
        assertThat(refused(() -> f.get("/api/v1/volunteers/" + person.volunteerId(), f.tokens.staff("ADMIN", otherDistrict), Map.class))
                .getStatus().getCode()).isEqualTo(404);
        assertThat(f.count("select count(*) from kernel.audit_log where action = 'volunteers.id-number.reveal' and target_id = ? and outcome = 'DENIED'",
                person.volunteerId())).isEqualTo(3);
        Map<?, ?> forAdmin = f.get("/api/v1/volunteers/" + person.volunteerId(), f.tokens.staff("ADMIN", village.substring(0, 9)), Map.class);
        assertThat(forAdmin.get("realName")).isEqualTo("韦**");
        assertThat(forAdmin.get("idNumber").toString()).contains("**********");
        assertThat(forAdmin.get("birthDate")).isNull();
    }

    @Test
    void withdrawingConsentErasesIdentityDataStopsRevealsAndIsRecorded() {
        var person = f.volunteer();
        Map<?, ?> withdrawn = f.post("/api/v1/volunteers/me/consent/withdrawal", Map.of(), person.token());
        assertThat(withdrawn.get("status")).isEqualTo("CONSENT_WITHDRAWN");
        assertThat(withdrawn.get("idNumber")).isNull();
        assertThat(withdrawn.get("phone")).isNull();
        assertThat(withdrawn.get("withdrawnAt")).isNotNull();
        assertThat((List<Object>) withdrawn.get("consents")).extracting(c -> String.valueOf(((Map<?, ?>) c).get("action"))).containsExactly("GRANTED", "WITHDRAWN");

        assertThat(f.count("select count(*) from volunteers.volunteer where id = ?::uuid and id_number is null and phone is null"
                + " and real_name is null and birth_date is null", person.volunteerId())).isEqualTo(1);
        var reveal = refused(() -> f.get("/api/v1/volunteers/me/id-number", person.token(), Map.class));
        assertThat(reveal.getStatus().getCode()).isEqualTo(409);
        assertThat(f.count("select count(*) from kernel.outbox where event_key = ? and event_type = 'VolunteerConsentWithdrawn'",
                person.volunteerId())).isEqualTo(1);
        assertThat(refused(() -> f.post("/api/v1/volunteers/me/consent/withdrawal", Map.of(), person.token())).getStatus().getCode())
                .isEqualTo(409);

        // the same person is still one person: another account cannot take the ID number, the owner can consent again
        assertThat(refused(() -> register(f.registration(person.idNumber(), f.randomVillage()), f.tokens.citizen())).getStatus().getCode())
                .isEqualTo(409);
        Map<?, ?> again = register(f.registration(person.idNumber(), f.randomVillage()), person.token());
        assertThat(again.get("id")).isEqualTo(person.volunteerId());
        assertThat(again.get("status")).isEqualTo("ACTIVE");
    }

    @Test
    void theConsentHistoryIsAppendOnly() {
        var person = f.volunteer();
        assertThat(f.refusedStatement("update volunteers.consent_record set policy_version = 'x' where volunteer_id = ?::uuid", person.volunteerId()))
                .contains("append-only");
        assertThat(f.refusedStatement("delete from volunteers.consent_record where volunteer_id = ?::uuid", person.volunteerId()))
                .contains("append-only");
    }

    @Test
    void withoutATokenTheApiAnswers401() {
        var e = refused(() -> f.client.toBlocking().retrieve(HttpRequest.GET("/api/v1/volunteers/me"), Map.class));
        assertThat(e.getStatus().getCode()).isEqualTo(401);
    }
}
