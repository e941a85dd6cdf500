package cn.nanning.civic.portal.gateway;

import io.micronaut.core.annotation.Nullable;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a problem answer into the sentence a person reads: the services' Chinese explanation, without API field names
 * ("residentPhone：请填写…" becomes "请填写…", or "委托人手机号码：…" where the explanation does not name the field), and
 * never an English or technical text (then a Chinese sentence by status instead).
 */
final class ProblemText {

    /** API field names the services report, with what the person filled in. */
    static final Map<String, String> FIELD_LABELS = Map.ofEntries(
            Map.entry("residentName", "委托人姓名"), Map.entry("residentPhone", "联系电话"),
            Map.entry("contactRelation", "与居民的关系"), Map.entry("consent", "居民同意"),
            Map.entry("consentChannel", "委托方式"), Map.entry("pointId", "服务点"), Map.entry("itemCode", "服务事项"),
            Map.entry("itemCodes", "服务事项"), Map.entry("materials", "材料"), Map.entry("office", "承办部门"),
            Map.entry("regionCode", "区划"), Map.entry("region", "区划"), Map.entry("name", "名称"),
            Map.entry("title", "标题"), Map.entry("place", "地点"), Map.entry("address", "地址"), Map.entry("phone", "联系电话"),
            Map.entry("username", "用户名"), Map.entry("displayName", "姓名"), Map.entry("initialPassword", "初始密码"),
            Map.entry("roles", "角色"), Map.entry("actualAttendance", "实到人数"), Map.entry("expectedAttendance", "应到人数"),
            Map.entry("votesFor", "赞成票数"), Map.entry("votesAgainst", "反对票数"), Map.entry("votesAbstain", "弃权票数"),
            Map.entry("heldAt", "会议时间"), Map.entry("startsAt", "开始时间"), Map.entry("endsAt", "结束时间"),
            Map.entry("capacity", "名额"), Map.entry("reason", "原因"), Map.entry("reasons", "理由"),
            Map.entry("minutes", "时长"), Map.entry("providerId", "服务人员"), Map.entry("topic", "咨询事项"),
            Map.entry("text", "内容"), Map.entry("percent", "进度"), Map.entry("note", "说明"), Map.entry("code", "编码"),
            Map.entry("type", "类型"), Map.entry("department", "实施部门"), Map.entry("implementingLevel", "实施层级"),
            Map.entry("satisfaction", "满意度"), Map.entry("password", "密码"), Map.entry("newPassword", "新密码"),
            Map.entry("otp", "动态验证码"), Map.entry("idNumber", "身份证号"), Map.entry("description", "内容"));

    private static final Pattern FIELD_PREFIX = Pattern.compile("^([A-Za-z_][A-Za-z0-9_.\\[\\]]*)\\s*[：:]\\s*(.+)$", Pattern.DOTALL);

    private ProblemText() {
    }

    static String of(Map<String, Object> problem, int status) {
        Set<String> sentences = new LinkedHashSet<>();
        if (problem.get("errors") instanceof List<?> errors) {
            for (Object error : errors) {
                if (error instanceof Map<?, ?> field) {
                    String sentence = sentence(text(field.get("field")), text(field.get("message")));
                    if (sentence != null) {
                        sentences.add(sentence);
                    }
                }
            }
        }
        if (sentences.isEmpty()) {
            String detail = text(problem.get("detail"));
            String shown = detail != null ? withoutFieldName(detail) : null;
            if (shown == null) {
                shown = chinese(text(problem.get("title")));
            }
            if (shown != null) {
                sentences.add(shown);
            }
        }
        return sentences.isEmpty() ? fallback(status) : String.join("；", sentences);
    }

    /** "residentPhone：请填写…" → "请填写…"; a label goes in front only when the sentence does not name the field. */
    static String withoutFieldName(String detail) {
        if (chinese(detail) == null) {
            return null;
        }
        Matcher prefixed = FIELD_PREFIX.matcher(detail.strip());
        if (prefixed.matches()) {
            return sentence(prefixed.group(1), prefixed.group(2));
        }
        return chinese(detail);
    }

    private static String sentence(@Nullable String field, @Nullable String message) {
        String said = chinese(message);
        if (said == null) {
            return null;
        }
        String key = field == null ? null : field.substring(field.lastIndexOf('.') + 1).replaceAll("\\[\\d+]", "");
        String label = key == null ? null : FIELD_LABELS.get(key);
        // "请填写实到人数。" already says what to fix; a bare "不能为负数" needs the field's name in front.
        boolean namesItself = said.startsWith("请") || (label != null && said.contains(label));
        return label == null || namesItself ? said : label + "：" + said;
    }

    /** The text when it is written in Chinese (has Han characters and no Java class names), otherwise null. */
    @Nullable
    static String chinese(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        boolean han = text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
        boolean technical = text.contains("Exception") || text.contains("java.") || text.matches("(?s).*\\b[a-z]+\\.[a-z]+\\.[A-Za-z].*");
        return han && !technical ? text.strip() : null;
    }

    private static String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }

    static String fallback(int status) {
        return switch (status) {
            case 400, 422 -> "提交的信息有误，请检查后重试。";
            case 401 -> "登录已失效，请重新登录。";
            case 403 -> "您没有权限进行此操作。";
            case 404 -> "未找到相关信息。";
            case 409 -> "该信息已被他人修改或已存在，请刷新后再试。";
            case 413 -> "文件太大，请压缩后再上传。";
            case 429 -> "操作过于频繁，请稍后再试。";
            default -> "服务暂时不可用，请稍后再试。";
        };
    }
}
