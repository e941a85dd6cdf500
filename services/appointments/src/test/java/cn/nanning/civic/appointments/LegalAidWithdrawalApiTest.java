package cn.nanning.civic.appointments;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static cn.nanning.civic.appointments.Api.refused;
import static org.assertj.core.api.Assertions.assertThat;

/** The applicant withdraws a legal-aid application while it is undecided; afterwards, or for anyone else, it is refused. */
@MicronautTest(transactional = false)
class LegalAidWithdrawalApiTest {

    static final String PATH = "/api/v1/appointments/legal-aid/applications";

    @Inject
    Api api;

    private Map<String, Object> body() {
        Map<String, Object> body = new HashMap<>();
        body.put("applicantName", "黄美玲");
        body.put("idNumber", TestIds.bornOn("19900101"));
        body.put("phone", "13907712345");
        body.put("regionCode", Api.DISTRICT);
        body.put("caseType", "LABOUR");
        body.put("otherParty", "南宁某建筑劳务有限公司");
        body.put("description", "在工地务工八个月，公司拖欠工资三万元。");
        body.put("hardshipStatement", "家庭月收入低于当地最低生活保障标准，本人承诺如实说明。");
        return body;
    }

    private String admin() {
        return api.tokens.staff(UUID.randomUUID().toString(), "ADMIN", Api.DISTRICT);
    }

    @Test
    void theApplicantWithdrawsAnUndecidedApplicationOnceAndItIsPublishedAndAudited() {
        String citizen = api.tokens.citizen();
        String id = api.post(PATH, body(), citizen).get("id").toString();
        Map<?, ?> withdrawn = api.post(PATH + "/" + id + "/withdrawal", Map.of("reason", "已与公司协商解决"), citizen);
        assertThat(withdrawn.get("status")).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.get("statusLabel")).isEqualTo("已撤回");
        assertThat(api.count("select count(*) from kernel.outbox where event_key = ? and event_type = 'LegalAidApplicationWithdrawn'", id)).isEqualTo(1);
        assertThat(api.count("select count(*) from kernel.audit_log where action = 'legal-aid.application.withdraw' and target_id = ? and outcome = 'SUCCESS'", id))
                .isEqualTo(1);

        Map<?, ?> again = refused(409, () -> api.post(PATH + "/" + id + "/withdrawal", Map.of(), citizen));
        assertThat(again.get("detail").toString()).contains("已撤回");
        // An administrator can no longer decide it.
        refused(409, () -> api.post(PATH + "/" + id + "/decision", Map.of("approve", true, "reasons", "符合条件"), admin()));
    }

    @Test
    void anApplicationWaitingForSupplementsCanBeWithdrawnButADecidedOneCannot() {
        String citizen = api.tokens.citizen();
        String waiting = api.post(PATH, body(), citizen).get("id").toString();
        api.post(PATH + "/" + waiting + "/supplement-request", Map.of("materials", "请补充劳动合同或工资条"), admin());
        assertThat(api.post(PATH + "/" + waiting + "/withdrawal", Map.of(), citizen).get("status")).isEqualTo("WITHDRAWN");

        String decided = api.post(PATH, body(), citizen).get("id").toString();
        api.post(PATH + "/" + decided + "/decision", Map.of("approve", false, "reasons", "不符合经济困难条件"), admin());
        Map<?, ?> problem = refused(409, () -> api.post(PATH + "/" + decided + "/withdrawal", Map.of(), citizen));
        assertThat(problem.get("detail").toString()).contains("已作出决定").contains("不能再撤回");
        assertThat(api.count("select count(*) from kernel.audit_log where action = 'legal-aid.application.withdraw' and target_id = ? and outcome = 'FAILURE'", decided))
                .isEqualTo(1);
    }

    @Test
    void someoneElsesApplicationCannotBeWithdrawnAndLooksMissing() {
        String id = api.post(PATH, body(), api.tokens.citizen()).get("id").toString();
        refused(404, () -> api.post(PATH + "/" + id + "/withdrawal", Map.of(), api.tokens.citizen()));
        refused(404, () -> api.post(PATH + "/" + UUID.randomUUID() + "/withdrawal", Map.of(), api.tokens.citizen()));
        assertThat(api.count("select count(*) from appointments.legal_aid_application where id = ?::uuid and status = 'UNDER_REVIEW'", id)).isEqualTo(1);
    }
}
