package cn.nanning.civic.proxy.requests;

import cn.nanning.civic.common.pii.Masking;
import cn.nanning.civic.common.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;

import java.util.regex.Pattern;

/**
 * How a resident is reached about their request: their own mobile (SELF), a relative's mobile with the relation
 * (RELATIVE), or no phone at all (NONE). Only a clerk registering at the counter or on the phone may record the last
 * two; a resident in the mini-program always gives their own number.
 */
record ResidentContact(Kind kind, String phone, @Nullable String relation) {

    enum Kind { SELF, RELATIVE, NONE }

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    /** Checks what was entered; the Chinese reason when something is missing or wrong. */
    static ResidentContact of(boolean staff, @Nullable String kind, @Nullable String phone, @Nullable String relation) {
        Kind chosen = parse(kind);
        if (!staff && chosen != Kind.SELF) {
            throw ProblemException.invalidField("contactKind", "请填写您本人的手机号码。");
        }
        String number = phone == null ? "" : phone.strip();
        return switch (chosen) {
            case SELF -> {
                if (!MOBILE.matcher(number).matches()) {
                    throw ProblemException.invalidField("residentPhone", staff
                            ? "请填写委托人本人正确的 11 位手机号码；委托人没有手机的，请选择“亲属电话”或“无手机”。"
                            : "请填写正确的 11 位手机号码。");
                }
                yield new ResidentContact(Kind.SELF, number, null);
            }
            case RELATIVE -> {
                if (!MOBILE.matcher(number).matches()) {
                    throw ProblemException.invalidField("residentPhone", "请填写亲属正确的 11 位手机号码。");
                }
                if (relation == null || relation.isBlank()) {
                    throw ProblemException.invalidField("contactRelation", "请填写亲属与委托人的关系，如“女儿”。");
                }
                yield new ResidentContact(Kind.RELATIVE, number, relation.strip());
            }
            case NONE -> new ResidentContact(Kind.NONE, "", null);
        };
    }

    private static Kind parse(@Nullable String kind) {
        if (kind == null || kind.isBlank()) {
            return Kind.SELF;
        }
        try {
            return Kind.valueOf(kind.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("contactKind", "联系方式只能是本人手机、亲属电话或无手机。");
        }
    }

    /** The note the timeline keeps about it. */
    String note() {
        return switch (kind) {
            case SELF -> "";
            case RELATIVE -> "；委托人无手机，留亲属（" + relation + "）电话";
            case NONE -> "；委托人无手机，经本人同意不留电话，办理结果由服务点当面告知";
        };
    }

    /** What staff read in place of the phone: "138****1234", "138****1234（女儿）" or "无手机". */
    /** As {@link #shown}, the number in full: for the resident who gave it. */
    static String shownInFull(@Nullable String kind, @Nullable String relation, String phone) {
        if ("NONE".equals(kind)) {
            return "无手机";
        }
        return "RELATIVE".equals(kind) ? phone + "（" + relation + "）" : phone;
    }

    static String shown(@Nullable String kind, @Nullable String relation, String phone) {
        if ("NONE".equals(kind)) {
            return "无手机";
        }
        String masked = Masking.phone(phone);
        return "RELATIVE".equals(kind) ? masked + "（" + relation + "）" : masked;
    }
}
