package cn.nanning.civic.appointments.legalaid;

import cn.nanning.civic.appointments.calendar.AppointmentClock;
import cn.nanning.civic.kernel.notifications.CitizenNotifications;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * What the applicant is told while the legal-aid centre works on their application: materials to supplement, the
 * decision, the lawyer assigned. Told in the transaction of the change (inbox always; WeChat when subscribed).
 */
@Singleton
class ApplicantNotices {

    static final String TEMPLATE = "legal-aid-status";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(AppointmentClock.NANNING);

    private final CitizenNotifications notifications;

    ApplicantNotices(CitizenNotifications notifications) {
        this.notifications = notifications;
    }

    void supplementRequested(LegalAidApplications.Application a, Instant at) {
        tell(a, at, "请补充材料：" + a.supplementRequest());
    }

    void decided(LegalAidApplications.Application a, Instant at) {
        tell(a, at, a.status() == ApplicationStatus.APPROVED ? "将在 3 个工作日内指派律师" : "理由：" + a.decisionReasons());
    }

    void assigned(LegalAidApplications.Application a, String lawyer, Instant at) {
        tell(a, at, "承办人员：" + lawyer);
    }

    private void tell(LegalAidApplications.Application a, Instant at, String note) {
        notifications.notify(a.citizenAccountId(), TEMPLATE, Map.of(
                "thing1", CitizenNotifications.thing("法律援助申请·" + a.caseType().label()),
                "thing2", CitizenNotifications.thing(a.status().label()),
                "time3", WHEN.format(at),
                "thing4", CitizenNotifications.thing(note)), "pages/legalaid/detail?id=" + a.id());
    }
}
