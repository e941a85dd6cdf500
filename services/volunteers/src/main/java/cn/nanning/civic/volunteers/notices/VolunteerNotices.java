package cn.nanning.civic.volunteers.notices;

import cn.nanning.civic.kernel.notifications.CitizenNotifications;
import cn.nanning.civic.volunteers.VolunteersClock;
import cn.nanning.civic.volunteers.registration.Volunteers;
import jakarta.inject.Singleton;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What a volunteer is told about their record: a decision on their request to join a team, a star level that took
 * effect, a certificate issued. Told in the transaction of the change (inbox always; WeChat when subscribed).
 */
@Singleton
public class VolunteerNotices {

    public static final String TEMPLATE = "volunteer-record";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(VolunteersClock.NANNING);

    private final Volunteers volunteers;
    private final CitizenNotifications notifications;
    private final VolunteersClock clock;

    VolunteerNotices(Volunteers volunteers, CitizenNotifications notifications, VolunteersClock clock) {
        this.volunteers = volunteers;
        this.notifications = notifications;
        this.clock = clock;
    }

    public void teamDecided(UUID volunteerId, String teamName, boolean approved, String note) {
        tell(volunteerId, "入队申请·" + teamName, approved ? "已通过" : "未通过",
                note == null || note.isBlank() ? (approved ? "欢迎加入队伍" : "可以申请加入其他队伍") : note.strip(),
                "pages/volunteer/teams");
    }

    public void starLevelEffective(UUID volunteerId, String starLabel) {
        tell(volunteerId, "星级评定", "已生效", "您已成为" + starLabel, "pages/volunteer/index");
    }

    /** Every certificate issued, asked for or not: its number, to find it under 我的证明. */
    public void certificateIssued(UUID volunteerId, String number) {
        tell(volunteerId, "志愿服务证明", "已出具", "请在“我的证明”中查看下载", "pages/volunteer/certificates",
                Map.of("character_string5", number));
    }

    public void certificateDeclined(UUID volunteerId, String kindLabel, String reason) {
        tell(volunteerId, kindLabel, "未出具", reason, "pages/volunteer/certificates");
    }

    private void tell(UUID volunteerId, String what, String outcome, String note, String page) {
        tell(volunteerId, what, outcome, note, page, Map.of());
    }

    /** {@code extra}: fields beyond the four every notice has, e.g. a number (character_string, up to 32 characters). */
    private void tell(UUID volunteerId, String what, String outcome, String note, String page, Map<String, String> extra) {
        Map<String, String> data = new HashMap<>(extra);
        data.put("thing1", CitizenNotifications.thing(what));
        data.put("phrase2", outcome);
        data.put("time3", WHEN.format(clock.now()));
        data.put("thing4", CitizenNotifications.thing(note));
        volunteers.accountOf(volunteerId).ifPresent(account -> notifications.notify(account, TEMPLATE, data, page));
    }
}
