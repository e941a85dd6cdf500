package cn.nanning.civic.appointments;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.nanning.civic.appointments.Api.refused;
import static org.assertj.core.api.Assertions.assertThat;

/** Retention (365 days in tests): closed records are anonymised once the period has passed, not a day before. */
@MicronautTest(transactional = false)
class RetentionApiTest {

    static final String RUN = "/api/v1/appointments/retention/run";
    static final String APPLICATIONS = LegalAidApplicationApiTest.PATH;

    @Inject
    Api api;

    @Inject
    TestClock clock;

    @Inject
    @Client("/")
    HttpClient client;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private String cityAdmin() {
        return api.tokens.staff(UUID.randomUUID().toString(), "ADMIN", "450100");
    }

    @Test
    void closedRecordsAreAnonymisedAfterTheRetentionPeriodKeepingWhatStatisticsNeed() {
        clock.set("2025-09-29T08:00:00+08:00");
        // A legal consultation, attended.
        Api.Provider lawyer = api.lawyer();
        String citizen = UUID.randomUUID().toString();
        String consultation = api.post("/api/v1/appointments/legal-aid/consultations", Map.of("providerId", lawyer.id(),
                "startsAt", "2025-09-30T09:00:00+08:00", "mode", "IN_PERSON", "topic", "邻居占用宅基地纠纷"), api.tokens.citizen(citizen))
                .get("id").toString();
        // A psychology booking with a screening and a counselling note.
        Api.Provider counsellor = api.provider("COUNSELLOR", 50, 10, 60, 14);
        Map<String, Object> psy = new HashMap<>();
        psy.put("providerId", counsellor.id());
        psy.put("startsAt", "2025-09-30T09:00:00+08:00");
        psy.put("mode", "IN_PERSON");
        psy.put("idNumber", TestIds.bornOn("19900101"));
        psy.put("screening", Map.of("phq9", List.of(1, 1, 1, 1, 1, 1, 1, 1, 1), "gad7", List.of(1, 1, 0, 0, 1, 0, 0)));
        String session = ((Map<?, ?>) api.post("/api/v1/appointments/psychology/bookings", psy, api.tokens.citizen()).get("booking"))
                .get("id").toString();
        // A legal-aid application with a document, refused.
        Map<String, Object> app = new HashMap<>();
        app.put("applicantName", "农秀英");
        app.put("idNumber", TestIds.bornOn("19750505"));
        app.put("phone", "13607719876");
        app.put("regionCode", Api.DISTRICT);
        app.put("caseType", "LABOUR");
        app.put("otherParty", "南宁某物业公司");
        app.put("description", "保洁工资被克扣。");
        app.put("hardshipStatement", "低保户。");
        String applicant = api.tokens.citizen();
        String application = api.post(APPLICATIONS, app, applicant).get("id").toString();
        MultipartBody file = MultipartBody.builder().addPart("file", "低保证.pdf", MediaType.APPLICATION_OCTET_STREAM_TYPE,
                "%PDF-1.4 低保证".getBytes(StandardCharsets.UTF_8)).build();
        String document = client.toBlocking().retrieve(HttpRequest.POST(APPLICATIONS + "/" + application + "/documents", file)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(applicant), Map.class).get("id").toString();

        clock.set("2025-09-30T10:00:00+08:00");
        api.post("/api/v1/appointments/bookings/" + consultation + "/attended", Map.of(), lawyer.token());
        api.postForResponse("/api/v1/appointments/psychology/bookings/" + session + "/notes", Map.of("text", "来访者睡眠差。"), counsellor.token());
        api.post(APPLICATIONS + "/" + application + "/decision", Map.of("approve", false, "reasons", "经审查不符合经济困难条件。"), api.admin());

        // A district administrator may not start it; a day before the period ends nothing of ours changes.
        refused(403, () -> api.post(RUN, Map.of(), api.admin()));
        clock.set("2026-09-29T10:00:00+08:00");
        api.post(RUN, Map.of(), cityAdmin());
        assertThat(api.count("select count(*) from appointments.booking where id = ?::uuid and citizen_account_id = ?", consultation, citizen))
                .isEqualTo(1);
        assertThat(api.count("select count(*) from appointments.counselling_note where booking_id = ?::uuid", session)).isEqualTo(1);
        assertThat(Path.of("target/test-documents", document + ".bin")).exists();

        clock.set("2026-10-01T10:00:00+08:00");
        String adminAccount = UUID.randomUUID().toString();
        Map<?, ?> result = api.post(RUN, Map.of(), api.tokens.staff(adminAccount, "ADMIN", "450100"));
        assertThat((Integer) result.get("bookings")).isGreaterThanOrEqualTo(2);
        assertThat((Integer) result.get("applications")).isGreaterThanOrEqualTo(1);
        assertThat((Integer) result.get("documents")).isGreaterThanOrEqualTo(1);

        // Bookings: no citizen, no topic; provider, service, times and status stay for statistics.
        assertThat(api.count("""
                select count(*) from appointments.booking where id = ?::uuid and citizen_account_id = 'anonymised' and topic is null
                and status = 'ATTENDED' and service = 'LEGAL_CONSULTATION' and provider_id = ?::uuid and anonymised_at is not null""",
                consultation, lawyer.id())).isEqualTo(1);
        // Psychology: notes gone, screening answers gone, ID number replaced; the risk flag stays.
        assertThat(api.count("select count(*) from appointments.counselling_note where booking_id = ?::uuid", session)).isZero();
        assertThat(api.count("""
                select count(*) from appointments.psychology_intake where booking_id = ?::uuid and screening is null
                and client_id_index = 'anonymised' and risk""", session)).isEqualTo(1);
        // Application: the record still reads for the administrator, with nothing personal left; case type and decision stay.
        Map<?, ?> anonymised = api.get(APPLICATIONS + "/" + application, api.admin());
        assertThat(anonymised.get("status")).isEqualTo("REJECTED");
        assertThat(anonymised.get("caseType")).isEqualTo("LABOUR");
        assertThat(anonymised.toString()).doesNotContain("农秀英", "13607719876", "南宁某物业公司", "保洁工资", "低保户", "不符合经济困难");
        assertThat(java.util.Objects.toString(api.get(APPLICATIONS + "/" + application + "/id-number", api.admin()).get("idNumber"), "")).isEmpty();
        assertThat(api.count("select count(*) from appointments.legal_aid_document where application_id = ?::uuid", application)).isZero();
        assertThat(Path.of("target/test-documents", document + ".bin")).doesNotExist();
        // The applicant no longer finds it among their applications: the link to the account is gone too.
        assertThat((java.util.List<?>) api.get(APPLICATIONS + "/mine", applicant).get("items")).isEmpty();
        // Audited per record and per run.
        assertThat(api.count("select count(*) from kernel.audit_log where action = 'appointments.retention.anonymise' and target_id in (?, ?, ?)",
                consultation, session, application)).isEqualTo(3);
        assertThat(api.count("select count(*) from kernel.audit_log where action = 'appointments.retention.run' and actor = ?", adminAccount)).isEqualTo(1);

        // A second run finds nothing more of ours to do.
        api.post(RUN, Map.of(), cityAdmin());
        assertThat(api.count("select count(*) from kernel.audit_log where action = 'appointments.retention.anonymise' and target_id = ?",
                application)).isEqualTo(1);
    }
}
