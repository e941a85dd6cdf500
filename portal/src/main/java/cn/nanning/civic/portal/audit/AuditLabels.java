package cn.nanning.civic.portal.audit;

import cn.nanning.civic.common.identity.Role;
import io.micronaut.core.annotation.Nullable;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The audit trails in words a Chinese auditor reads: operations, objects, outcomes and the short technical notes the
 * services write ("RESIDENTS_RESOLUTION PASSED", "password; not_enrolled", "roles=CLERK region=450103").
 */
final class AuditLabels {

    /** Every operation both trails record (gateway: upper case; services: module.thing.verb). */
    static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("SIGN_IN", "登录"), Map.entry("LOCKOUT", "账号锁定"), Map.entry("TOKEN_REFRESH", "续期登录"),
            Map.entry("TOKEN_REVOKE", "退出登录"), Map.entry("PASSWORD_CHANGE", "修改密码"), Map.entry("OTP_ENROL", "绑定动态口令"),
            Map.entry("OTP_RESET", "重置动态口令"), Map.entry("PHONE_BIND", "绑定手机号"), Map.entry("PROFILE_READ", "本人查看我的资料"),
            Map.entry("PROFILE_SAVE", "本人保存我的资料"), Map.entry("PROFILE_ERASE", "本人删除我的资料"), Map.entry("STAFF_CREATE", "新建工作人员账号"),
            Map.entry("ROLE_CHANGE", "调整角色"), Map.entry("STAFF_DISABLE", "停用账号"),
            Map.entry("appointments.assisted-booking.create", "服务点代约法律咨询"),
            Map.entry("appointments.assisted-booking.contact-read", "查看代约居民联系方式"),
            Map.entry("appointments.provider.volunteer-lawyer", "登记志愿律师"),
            Map.entry("appointments.referral.take", "接收转介"), Map.entry("appointments.referral.close", "办结转介"),
            Map.entry("appointments.retention.anonymise", "到期个人信息匿名化"), Map.entry("appointments.retention.run", "执行保存期限清理"),
            Map.entry("catalogue.change", "修改服务事项"), Map.entry("catalogue.publish", "发布服务事项"), Map.entry("catalogue.retire", "下线服务事项"),
            Map.entry("council.charter.amend", "修改议事会章程"), Map.entry("council.convener.add", "增加召集人"),
            Map.entry("council.convener.remove", "移除召集人"), Map.entry("council.create", "设立议事会"),
            Map.entry("council.decision.photo", "上传实施照片"), Map.entry("council.decision.photo.remove", "删除实施照片"),
            Map.entry("council.decision.step", "登记四议两公开步骤"), Map.entry("council.meeting.held", "记录议事会议"),
            Map.entry("council.topic.clerk-assisted", "代录入议题"), Map.entry("council.topic.kept", "保留被举报议题"),
            Map.entry("legal-aid.application.read-id-number", "查看法律援助申请人身份证号"),
            Map.entry("legal-aid.application.read-contact", "查看法律援助申请人联系方式"),
            Map.entry("legal-aid.consultation.complete", "登记法律咨询完成"),
            Map.entry("legal-aid.document.download", "下载法律援助材料"), Map.entry("legal-aid.document.upload", "上传法律援助材料"),
            Map.entry("proxy.material.download", "下载代办材料"), Map.entry("proxy.material.upload", "上传代办材料"),
            Map.entry("proxy.point.assign", "安排服务点人员"), Map.entry("proxy.point.open", "设立服务点"),
            Map.entry("proxy.point.release", "解除服务点人员"), Map.entry("proxy.request.contact-read", "查看代办委托人联系方式"),
            Map.entry("proxy.request.withdraw", "居民撤回代办事项"), Map.entry("legal-aid.application.withdraw", "申请人撤回法律援助申请"),
            Map.entry("psychology.note.read", "查看咨询记录"), Map.entry("psychology.note.share", "共享咨询记录"),
            Map.entry("psychology.note.write", "书写咨询记录"), Map.entry("psychology.screening.read", "查看心理筛查结果"),
            Map.entry("psychology.client.read", "查看来访者身份与联系方式"),
            Map.entry("volunteers.activity.cancel", "取消志愿活动"), Map.entry("volunteers.certificate.download", "下载志愿服务证明"), Map.entry("volunteers.certificate.issue", "出具志愿服务证明"),
            Map.entry("volunteers.certificate-request.decline", "不予出具志愿服务证明"),
            Map.entry("volunteers.certificate.revoke", "撤销志愿服务证明"), Map.entry("volunteers.hours.confirm", "确认服务时长"),
            Map.entry("volunteers.hours.correct", "更正服务时长"), Map.entry("volunteers.id-number.reveal", "查看志愿者身份证号"),
            Map.entry("volunteers.population.load", "导入人口数据"), Map.entry("volunteers.portal-link", "关联门户账号"),
            Map.entry("volunteers.portal-link.code", "生成门户关联码"), Map.entry("volunteers.portal-unlink", "解除门户关联"),
            Map.entry("volunteers.record.entry", "补录志愿服务记录"), Map.entry("volunteers.record.read", "查看志愿服务记录"),
            Map.entry("volunteers.roster.read", "查看报名名单联系方式"), Map.entry("volunteers.search", "查询志愿者"),
            Map.entry("volunteers.star-notice.resolve", "处理星级公示异议"), Map.entry("volunteers.team.approve", "批准加入队伍"),
            Map.entry("volunteers.team.reject", "拒绝加入队伍"), Map.entry("volunteers.transfer", "志愿者转移"));

    static final Map<String, String> TARGETS = Map.ofEntries(
            Map.entry("account", "账号"), Map.entry("staff_account", "工作人员账号"), Map.entry("service_point", "服务点"),
            Map.entry("proxy_request", "代办事项"), Map.entry("catalogue_item", "服务事项"), Map.entry("booking", "预约"),
            Map.entry("legal_aid_application", "法律援助申请"), Map.entry("provider", "服务人员"), Map.entry("referral", "转介"),
            Map.entry("council", "议事会"), Map.entry("decision", "议事事项"), Map.entry("meeting", "议事会议"),
            Map.entry("topic", "议题"), Map.entry("opinion", "意见"), Map.entry("volunteer", "志愿者"),
            Map.entry("certificate", "志愿服务证明"), Map.entry("activity", "志愿活动"), Map.entry("record", "志愿服务记录"),
            Map.entry("team_membership", "队伍成员"), Map.entry("region_population", "区域人口"), Map.entry("appointments", "预约数据"));

    /** Words of the technical notes, longest first when replaced. */
    private static final Map<String, String> WORDS = words();

    private static final Pattern KEY_VALUE = Pattern.compile("\\b([a-z_]+)=");
    /** A word standing alone: not part of an id (next to digits or hyphens) or of a longer word. */
    private static final Pattern TOKEN = Pattern.compile("(?<![0-9A-Za-z_-])[A-Za-z][A-Za-z_]*(?![0-9A-Za-z_-])");
    private static final Pattern DURATION = Pattern.compile("\\bPT(\\d+)([HMS])\\b");

    private AuditLabels() {
    }

    static String action(@Nullable String code) {
        if (code == null) {
            return "";
        }
        String label = ACTIONS.get(code);
        return label != null ? label : "其他操作";
    }

    static String target(@Nullable String type) {
        return type == null ? "" : TARGETS.getOrDefault(type, "其他对象");
    }

    static String outcome(@Nullable String outcome) {
        if (outcome == null) {
            return "";
        }
        return switch (outcome) {
            case "SUCCESS" -> "成功";
            case "FAILURE" -> "失败";
            case "DENIED" -> "拒绝";
            default -> "其他";
        };
    }

    /** "ADMIN,CLERK" → "管理员、村(社区)代办员". */
    static String roles(@Nullable String roles) {
        if (roles == null || roles.isBlank()) {
            return "";
        }
        return Arrays.stream(roles.split("[,\\s]+")).filter(r -> !r.isBlank()).map(AuditLabels::role).collect(Collectors.joining("、"));
    }

    private static String role(String name) {
        try {
            return Role.valueOf(name.strip()).label();
        } catch (IllegalArgumentException e) {
            return "其他角色";
        }
    }

    /**
     * A technical note in Chinese: known words translated, account ids replaced by names where {@code names} knows
     * them, ids and numbers kept. A word nobody translated is left out rather than shown in English.
     */
    static String detail(@Nullable String detail, Function<String, String> names) {
        if (detail == null || detail.isBlank()) {
            return "";
        }
        String text = detail.strip();
        Matcher ids = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").matcher(text);
        StringBuilder named = new StringBuilder();
        while (ids.find()) {
            String name = names.apply(ids.group());
            ids.appendReplacement(named, Matcher.quoteReplacement(name != null ? name : ids.group()));
        }
        ids.appendTail(named);
        text = KEY_VALUE.matcher(named.toString()).replaceAll(match -> {
            String word = WORDS.get(match.group(1));
            return Matcher.quoteReplacement((word != null ? word : match.group(1)) + "：");
        });
        text = DURATION.matcher(text).replaceAll(match -> match.group(1) + switch (match.group(2)) {
            case "H" -> " 小时";
            case "M" -> " 分钟";
            default -> " 秒";
        });
        for (Map.Entry<String, String> phrase : WORDS.entrySet()) {
            if (phrase.getKey().contains(" ")) {
                text = text.replace(phrase.getKey(), phrase.getValue());
            }
        }
        text = TOKEN.matcher(text).replaceAll(match -> {
            String word = match.group();
            if (WORDS.containsKey(word)) {
                return Matcher.quoteReplacement(WORDS.get(word));
            }
            try {
                return Matcher.quoteReplacement(Role.valueOf(word).label());
            } catch (IllegalArgumentException notARole) {
                return "";
            }
        });
        return text.replace(" -> ", " → ").replaceAll("\\s{2,}", " ").replaceAll("^[;,\\s]+|[;,\\s]+$", "").strip();
    }

    private static Map<String, String> words() {
        Map<String, String> w = new LinkedHashMap<>();
        // phrases first
        w.put("resident consent recorded", "已记录居民同意");
        w.put("consent recorded:", "已记录同意：");
        w.put("consent withdrawn", "已撤回同意");
        w.put("started at sign-in", "登录时开始绑定");
        w.put("confirmed at sign-in", "登录时完成绑定");
        w.put("invalid or expired code", "关联码无效或已过期");
        w.put("reports dismissed", "举报已处理");
        w.put("shared with", "共享给");
        w.put("locked for", "锁定");
        w.put("documents removed", "份材料已删除");
        w.put("waitlist entries", "条候补记录");
        w.put("walk-ins", "名未报名居民");
        // words
        w.put("roles", "角色");
        w.put("region", "区划");
        w.put("from", "原");
        w.put("to", "改为");
        w.put("was_enrolled", "原已绑定动态口令");
        w.put("revoked", "结束登录数");
        w.put("year", "年份");
        w.put("rows", "行数");
        w.put("errors", "错误数");
        w.put("source", "来源");
        w.put("results", "结果数");
        w.put("true", "是");
        w.put("false", "否");
        w.put("password", "密码");
        w.put("totp", "动态口令");
        w.put("TOTP", "动态口令");
        w.put("not_enrolled", "未绑定动态口令");
        w.put("otp_missing", "未填写动态口令");
        w.put("wrong_otp", "动态口令错误");
        w.put("otp_enrolment_required", "须先绑定动态口令");
        w.put("wrong_password", "密码错误");
        w.put("unknown_user", "用户名不存在");
        w.put("disabled", "账号已停用");
        w.put("locked", "账号已锁定");
        w.put("started", "开始");
        w.put("confirmed", "完成");
        w.put("account", "账号");
        w.put("released", "已解除");
        w.put("activity", "活动");
        w.put("team", "队伍");
        w.put("min", "分钟");
        w.put("entries", "条");
        w.put("referrals", "条转介");
        w.put("representatives", "名代表");
        w.put("registered", "名报名居民");
        w.put("into", "并入");
        w.put("upheld", "异议成立");
        w.put("dismissed", "异议不成立");
        w.put("counsellor", "咨询师本人");
        w.put("supervisor", "督导");
        w.put("wechat", "微信");
        w.put("PROPOSAL", "党组织提议");
        w.put("COMMITTEES_DISCUSSION", "两委会商议");
        w.put("PARTY_REVIEW", "党员大会审议");
        w.put("RESIDENTS_RESOLUTION", "村民会议（代表会议）决议");
        w.put("PASSED", "通过");
        w.put("NO_QUORUM", "到会人数不足");
        w.put("REJECTED", "未通过");
        w.put("PUBLISHED", "已公开");
        w.put("IN_PERSON", "当面");
        w.put("PHONE", "电话");
        w.put("RELATIVE", "亲属电话");
        w.put("NONE", "无电话");
        w.put("SELF", "本人电话");
        w.put("TOPIC", "议题");
        w.put("OPINION", "意见");
        return w;
    }
}
