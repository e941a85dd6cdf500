package cn.nanning.civic.appointments;

import cn.nanning.civic.common.pii.FieldCipher;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.nanning.civic.appointments.Api.refused;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class LegalAidApplicationApiTest {

    static final String PATH = "/api/v1/appointments/legal-aid/applications";

    @Inject
    Api api;

    @Inject
    TestClock clock;

    @Inject
    FieldCipher cipher;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private Map<String, Object> body(String idNumber) {
        Map<String, Object> body = new HashMap<>();
        body.put("applicantName", "黄美玲");
        body.put("idNumber", idNumber);
        body.put("phone", "13907712345");
        body.put("regionCode", Api.DISTRICT);
        body.put("caseType", "LABOUR");
        body.put("otherParty", "南宁某建筑劳务有限公司");
        body.put("description", "在工地务工八个月，公司拖欠工资三万元。");
        body.put("hardshipStatement", "家庭月收入低于当地最低生活保障标准，本人承诺如实说明。");
        return body;
    }

    private Map<?, ?> submit(String citizen) {
        return api.post(PATH, body(TestIds.bornOn("19900101")), citizen);
    }

    private String admin(String region) {
        return api.tokens.staff(UUID.randomUUID().toString(), "ADMIN", region);
    }

    /** Decides an application dated in 2025 so it never lingers on the overdue list other runs look at. */
    private void settle(String id) {
        api.post(PATH + "/" + id + "/decision", Map.of("approve", false, "reasons", "测试结束"), admin(Api.DISTRICT));
    }

    @Test
    void anApplicationIsStoredEncryptedBlindIndexedAndShownMaskedToStaffInFullToItsApplicant() {
        String idNumber = TestIds.bornOn("19850317");
        String applicant = api.tokens.citizen();
        Map<?, ?> created = api.post(PATH, body(idNumber), applicant);
        String id = created.get("id").toString();
        assertThat(created.get("status")).isEqualTo("UNDER_REVIEW");
        assertThat(created.get("idNumber")).isEqualTo(idNumber.substring(0, 4) + "**********" + idNumber.substring(14));
        assertThat(created.get("applicantName")).as("the applicant's own name").isEqualTo("黄美玲");
        assertThat(created.get("phone")).isEqualTo("13907712345");
        assertThat(created.get("regionName")).isEqualTo("青秀区");
        Map<?, ?> forAdmin = api.get(PATH + "/" + id, admin(Api.DISTRICT));
        assertThat(forAdmin.get("applicantName")).isEqualTo("黄**");
        assertThat(forAdmin.get("phone")).isEqualTo("139****2345");
        assertThat(forAdmin.get("idNumber")).isEqualTo(created.get("idNumber"));
        assertThat(api.get(PATH + "/" + id, applicant).get("applicantName")).isEqualTo("黄美玲");
        assertThat(api.count("select count(*) from appointments.legal_aid_application where id = ?::uuid and id_number like ?", id, "%" + idNumber + "%"))
                .isZero();
        assertThat(api.count("select count(*) from appointments.legal_aid_application where id = ?::uuid and applicant_name like '%黄美玲%'", id))
                .isZero();
        assertThat(api.count("select count(*) from appointments.legal_aid_application where id_number_index = ?",
                cipher.blindIndex(idNumber, "legal_aid_application.id_number"))).isEqualTo(1);
        assertThat(api.count("select count(*) from kernel.outbox where event_key = ? and event_type = 'LegalAidApplicationSubmitted'", id)).isEqualTo(1);
    }

    @Test
    void anApplicantPagesThroughTheirOwnApplicationsNewestFirstAndSeesNoOneElses() {
        String citizen = api.tokens.citizen();
        clock.set("2025-09-15T10:00:00+08:00");
        String older = api.post(PATH, body(TestIds.bornOn("19700101")), citizen).get("id").toString();
        clock.set("2025-09-15T10:05:00+08:00");
        String newer = api.post(PATH, body(TestIds.bornOn("19710101")), citizen).get("id").toString();
        api.post(PATH, body(TestIds.bornOn("19720101")), api.tokens.citizen());
        Map<?, ?> first = api.get(PATH + "/mine?size=1", citizen);
        assertThat(first.get("total")).isEqualTo(2);
        assertThat((List<?>) first.get("items")).extracting(a -> ((Map<?, ?>) a).get("id").toString()).containsExactly(newer);
        Map<?, ?> second = api.get(PATH + "/mine?page=1&size=1", citizen);
        assertThat((List<?>) second.get("items")).extracting(a -> ((Map<?, ?>) a).get("id").toString()).containsExactly(older);
        refused(400, () -> api.get(PATH + "/mine?size=500", citizen));
    }

    @Test
    void anIdNumberWithAWrongCheckDigitIsRefused() {
        var problem = refused(400, () -> api.post(PATH, body(TestIds.withWrongCheckDigit("19900101")), api.tokens.citizen()));
        assertThat(problem.get("detail").toString()).contains("校验位");
        refused(400, () -> api.post(PATH, body("45010319901301123X"), api.tokens.citizen()));
    }

    @Test
    void eitherAHardshipStatementOrAnExemptGroundIsRequiredButNotBoth() {
        Map<String, Object> neither = body(TestIds.bornOn("19900101"));
        neither.remove("hardshipStatement");
        refused(400, () -> api.post(PATH, neither, api.tokens.citizen()));
        Map<String, Object> both = body(TestIds.bornOn("19900101"));
        both.put("exemptGround", "ART42_MIGRANT_WORKER_WAGES_OR_INJURY");
        refused(400, () -> api.post(PATH, both, api.tokens.citizen()));
        Map<String, Object> exempt = body(TestIds.bornOn("19900101"));
        exempt.remove("hardshipStatement");
        exempt.put("exemptGround", "ART42_MIGRANT_WORKER_WAGES_OR_INJURY");
        Map<?, ?> created = api.post(PATH, exempt, api.tokens.citizen());
        assertThat(created.get("exemptGroundLabel")).isEqualTo("申请支付劳动报酬或者请求工伤事故人身损害赔偿的进城务工人员");
        assertThat(created.get("exemptGroundArticle")).isEqualTo("第四十二条");
        Map<String, Object> unknown = body(TestIds.bornOn("19900101"));
        unknown.remove("hardshipStatement");
        unknown.put("exemptGround", "RICH_FRIEND");
        refused(400, () -> api.post(PATH, unknown, api.tokens.citizen()));
    }

    @Test
    void theDecisionClockSkipsWeekendsAndHolidays() {
        // Friday 26 September 2025: Sunday 28 Sep and Saturday 11 Oct are make-up working days, 1–8 October is the holiday.
        clock.set("2025-09-26T10:00:00+08:00");
        Map<?, ?> created = submit(api.tokens.citizen());
        assertThat(created.get("submittedOn")).isEqualTo("2025-09-26");
        assertThat(created.get("decisionDue")).isEqualTo("2025-10-13");
        settle(created.get("id").toString());
    }

    @Test
    void anApplicationNamesTheConsultationItCameFromAndTheConsultationLeadsToIt() {
        clock.set("2025-09-29T08:00:00+08:00");
        String citizen = api.tokens.citizen();
        Api.Provider lawyer = api.lawyer();
        String consultation = api.post("/api/v1/appointments/legal-aid/consultations", Map.of("providerId", lawyer.id(),
                "startsAt", "2025-09-30T09:00:00+08:00", "mode", "IN_PERSON", "topic", "工资被拖欠"), citizen).get("id").toString();

        Map<String, Object> someoneElses = body(TestIds.bornOn("19900101"));
        someoneElses.put("consultationId", consultation);
        assertThat(refused(400, () -> api.post(PATH, someoneElses, api.tokens.citizen())).get("detail").toString())
                .contains("您本人的法律咨询预约");

        Map<String, Object> fromConsultation = body(TestIds.bornOn("19900101"));
        fromConsultation.put("consultationId", consultation);
        Map<?, ?> application = api.post(PATH, fromConsultation, citizen);
        assertThat(application.get("consultationId")).isEqualTo(consultation);
        assertThat(api.get("/api/v1/appointments/bookings/" + consultation, citizen).get("legalAidApplicationId"))
                .isEqualTo(application.get("id"));
        assertThat(api.get(PATH + "/" + application.get("id"), citizen).get("consultationId")).isEqualTo(consultation);
        settle(application.get("id").toString());
    }

    @Test
    void timeSpentWaitingForSupplementsDoesNotCount() {
        clock.set("2025-09-15T10:00:00+08:00");
        String citizen = api.tokens.citizen();
        String admin = admin(Api.DISTRICT);
        String id = submit(citizen).get("id").toString();
        clock.set("2025-09-17T10:00:00+08:00");
        Map<?, ?> paused = api.post(PATH + "/" + id + "/supplement-request", Map.of("materials", "请补充劳动合同或工资欠条复印件。"), admin);
        assertThat(paused.get("status")).isEqualTo("SUPPLEMENT_REQUESTED");
        assertThat(paused.get("clockPaused")).isEqualTo(true);
        assertThat(paused.get("decisionDue")).isEqualTo("2025-09-24");
        refused(409, () -> api.post(PATH + "/" + id + "/decision", Map.of("approve", true, "reasons", "符合条件"), admin));
        clock.set("2025-09-22T10:00:00+08:00");
        Map<?, ?> resumed = api.post(PATH + "/" + id + "/supplement", Map.of("note", "已上传工资欠条。"), citizen);
        // Waited 18, 19 and 22 September (three working days): 24 Sep moves to 25, 26 and Sunday 28 (a make-up working day).
        assertThat(resumed.get("status")).isEqualTo("UNDER_REVIEW");
        assertThat(resumed.get("decisionDue")).isEqualTo("2025-09-28");
        assertThat(api.count("select count(*) from kernel.outbox where event_key = ? and event_type like 'LegalAidSupplement%'", id)).isEqualTo(2);
        assertThat(applicantNotices(id, "请补充材料")).as("the applicant is told what to supplement").isEqualTo(1);
        settle(id);
    }

    @Test
    void aDecisionNeedsReasonsAndALawyerIsAssignedWithinThreeWorkingDays() {
        clock.set("2025-09-29T10:00:00+08:00");
        String citizen = api.tokens.citizen();
        String admin = admin(Api.DISTRICT);
        String id = submit(citizen).get("id").toString();
        clock.set("2025-09-30T10:00:00+08:00");
        var noReasons = refused(400, () -> api.post(PATH + "/" + id + "/decision", Map.of("approve", false), admin));
        assertThat(noReasons.get("detail").toString()).contains("须说明理由");
        Map<?, ?> approved = api.post(PATH + "/" + id + "/decision", Map.of("approve", true, "reasons", "属于请求支付劳动报酬事项，经济困难属实。"), admin);
        assertThat(approved.get("status")).isEqualTo("APPROVED");
        assertThat(approved.get("decidedOn")).isEqualTo("2025-09-30");
        // 9 and 10 October, then Saturday 11 October (a make-up working day).
        assertThat(approved.get("assignmentDue")).isEqualTo("2025-10-11");
        assertThat(api.list(PATH + "/workbench", admin)).as("approved, waiting for a lawyer").extracting(a -> a.get("id")).contains(id);
        Api.Provider lawyer = api.lawyer();
        Api.Provider otherLawyer = api.lawyer();
        refused(404, () -> api.get(PATH + "/" + id, lawyer.token()));
        Map<?, ?> assigned = api.post(PATH + "/" + id + "/assignment", Map.of("providerId", lawyer.id()), admin);
        assertThat(assigned.get("status")).isEqualTo("ASSIGNED");
        assertThat(assigned.get("assignedLawyerName")).isEqualTo("王律师");
        assertThat(api.get(PATH + "/" + id, lawyer.token()).get("id")).isEqualTo(id);
        assertThat(api.list(PATH + "/workbench", lawyer.token())).extracting(a -> a.get("id")).containsExactly(id);
        assertThat(api.list(PATH + "/workbench", admin)).as("nothing left for the administrator").extracting(a -> a.get("id")).doesNotContain(id);
        refused(404, () -> api.get(PATH + "/" + id, otherLawyer.token()));
        assertThat(api.get(PATH + "/" + id, citizen).get("statusLabel")).isEqualTo("已指派法律援助人员");
        assertThat(api.count("select count(*) from kernel.outbox where event_key = ? and event_type in ('LegalAidDecided', 'LegalAidLawyerAssigned')", id))
                .isEqualTo(2);
        assertThat(applicantNotices(id, "决定给予法律援助")).isEqualTo(1);
        assertThat(applicantNotices(id, "承办人员：王律师")).isEqualTo(1);
    }

    /** Notices to the applicant about this application (inbox and WeChat) that say {@code text}. */
    private long applicantNotices(String id, String text) {
        return api.count("select count(*) from kernel.outbox where event_type = 'CitizenNotificationRequested'"
                + " and payload like '%legal-aid-status%' and payload like '%' || ? || '%' and payload like ?", id, "%" + text + "%");
    }

    @Test
    void theDeciderAndTheAssignedLawyerReadTheApplicantsContactInFullAndEveryReadIsAudited() {
        String admin = admin(Api.DISTRICT);
        String id = submit(api.tokens.citizen()).get("id").toString();
        Map<?, ?> application = api.get(PATH + "/" + id, admin);
        assertThat(application.get("otherParty")).isEqualTo("南宁某建筑劳务有限公司");
        assertThat(application.get("hardshipStatement").toString()).contains("最低生活保障");
        Map<?, ?> contact = api.get(PATH + "/" + id + "/contact", admin);
        assertThat(contact.get("applicantName")).isEqualTo("黄美玲");
        assertThat(contact.get("phone")).isEqualTo("13907712345");
        assertThat(api.count("select count(*) from kernel.audit_log where target_id = ? and action = 'legal-aid.application.read-contact'"
                + " and outcome = 'SUCCESS'", id)).isEqualTo(1);
        refused(404, () -> api.get(PATH + "/" + id + "/contact", admin("450102")));
        refused(404, () -> api.get(PATH + "/" + id + "/contact", api.lawyer().token()));
        assertThat(api.count("select count(*) from kernel.audit_log where target_id = ? and action = 'legal-aid.application.read-contact'"
                + " and outcome = 'DENIED'", id)).isEqualTo(2);
        settle(id);
    }

    @Test
    void decidedApplicationsStayListedForTheAdministratorBesideTheOpenOnes() {
        String admin = admin(Api.DISTRICT);
        String id = submit(api.tokens.citizen()).get("id").toString();
        assertThat(api.list(PATH + "/decided", admin)).extracting(a -> a.get("id")).doesNotContain(id);
        settle(id);
        assertThat(api.list(PATH + "/workbench", admin)).extracting(a -> a.get("id")).doesNotContain(id);
        assertThat(api.list(PATH + "/decided", admin)).extracting(a -> a.get("id")).contains(id);
        assertThat(api.list(PATH + "/decided", admin("450102"))).extracting(a -> a.get("id")).doesNotContain(id);
        refused(403, () -> api.list(PATH + "/decided", api.lawyer().token()));
    }

    @Test
    void aRefusalIsRecordedWithItsReasons() {
        String admin = admin(Api.DISTRICT);
        String id = submit(api.tokens.citizen()).get("id").toString();
        Map<?, ?> refusedAid = api.post(PATH + "/" + id + "/decision", Map.of("approve", false, "reasons", "所述事项不属于法律援助范围。"), admin);
        assertThat(refusedAid.get("status")).isEqualTo("REJECTED");
        assertThat(refusedAid.get("decisionReasons")).isEqualTo("所述事项不属于法律援助范围。");
        assertThat(refusedAid.get("assignmentDue")).isNull();
    }

    @Test
    void overdueApplicationsAreFlaggedToTheAdministratorsOfTheirArea() {
        clock.set("2025-09-26T10:00:00+08:00");
        String id = submit(api.tokens.citizen()).get("id").toString();
        String admin = admin(Api.DISTRICT);
        clock.set("2025-10-13T18:00:00+08:00");
        assertThat(api.list(PATH + "/overdue", admin)).extracting(a -> a.get("id")).doesNotContain(id);
        clock.set("2025-10-14T09:00:00+08:00");
        List<Map<String, Object>> overdue = api.list(PATH + "/overdue", admin);
        assertThat(overdue).filteredOn(a -> id.equals(a.get("id"))).singleElement()
                .satisfies(a -> assertThat(a.get("overdue")).isEqualTo(true));
        assertThat(api.list(PATH + "/overdue", admin("450105"))).extracting(a -> a.get("id")).doesNotContain(id);
        assertThat(api.list(PATH + "/overdue", admin("450100"))).extracting(a -> a.get("id")).contains(id);
        refused(403, () -> api.list(PATH + "/overdue", api.tokens.citizen()));
        refused(403, () -> api.list(PATH + "/overdue", api.lawyer().token()));
        settle(id);
        assertThat(api.list(PATH + "/overdue", admin)).extracting(a -> a.get("id")).doesNotContain(id);
    }

    @Test
    void everyoneElseIsRefused() {
        String citizen = api.tokens.citizen();
        String id = submit(citizen).get("id").toString();
        String stranger = api.tokens.citizen();
        var forbidden = refused(404, () -> api.get(PATH + "/" + id, stranger));
        var missing = refused(404, () -> api.get(PATH + "/" + UUID.randomUUID(), stranger));
        assertThat(forbidden.get("detail")).isEqualTo(missing.get("detail"));
        refused(404, () -> api.post(PATH + "/" + id + "/supplement", Map.of("note", "x"), stranger));
        String otherAdmin = admin("450105");
        refused(404, () -> api.get(PATH + "/" + id, otherAdmin));
        refused(404, () -> api.post(PATH + "/" + id + "/decision", Map.of("approve", true, "reasons", "x"), otherAdmin));
        refused(403, () -> api.post(PATH + "/" + id + "/decision", Map.of("approve", true, "reasons", "x"), citizen));
        refused(403, () -> api.post(PATH, body(TestIds.bornOn("19900101")), admin(Api.DISTRICT)));
        assertThat((List<?>) api.get(PATH + "/mine", stranger).get("items")).isEmpty();
        assertThat((List<?>) api.get(PATH + "/mine", citizen).get("items")).extracting(a -> String.valueOf(((Map<?, ?>) a).get("id"))).containsExactly(String.valueOf(id));
        assertThat(api.list(PATH + "/workbench", otherAdmin)).extracting(a -> a.get("id")).doesNotContain(id);
    }

    @Test
    void readingTheFullIdNumberIsAuditedAndRefusedOutsideTheArea() {
        String idNumber = TestIds.bornOn("19770505");
        String id = api.post(PATH, body(idNumber), api.tokens.citizen()).get("id").toString();
        assertThat(api.get(PATH + "/" + id + "/id-number", admin(Api.DISTRICT)).get("idNumber")).isEqualTo(idNumber);
        refused(404, () -> api.get(PATH + "/" + id + "/id-number", admin("450105")));
        assertThat(api.count("select count(*) from kernel.audit_log where target_id = ? and action = 'legal-aid.application.read-id-number' and outcome = 'SUCCESS'", id))
                .isEqualTo(1);
        assertThat(api.count("select count(*) from kernel.audit_log where target_id = ? and outcome = 'DENIED'", id)).isEqualTo(1);
        assertThat(api.count("select count(*) from kernel.audit_log where target_id = ? and detail like ?", id, "%" + idNumber + "%")).isZero();
    }
}
