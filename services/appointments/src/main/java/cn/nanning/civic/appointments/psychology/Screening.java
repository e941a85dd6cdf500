package cn.nanning.civic.appointments.psychology;

import cn.nanning.civic.common.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A short PHQ-9 / GAD-7 style self-check. Any answer above 0 on PHQ-9 item 9 (thoughts of self-harm) is a risk:
 * the citizen sees the crisis hotline at once and the counsellor sees the booking as urgent.
 */
final class Screening {

    static final String HOTLINE = "12356";
    static final String HOTLINE_MESSAGE = "如果您有伤害自己的想法，请立即拨打全国心理援助热线 12356（24 小时），"
            + "或拨打 110、120 求助。咨询师也会优先关注您的预约。";

    private Screening() {
    }

    @Serdeable
    record Answers(@Nullable List<Integer> phq9, @Nullable List<Integer> gad7) {
    }

    @Serdeable
    record Result(@Nullable Integer phq9Score, @Nullable String phq9Level, @Nullable Integer gad7Score,
                  @Nullable String gad7Level, boolean risk) {
    }

    @Serdeable
    record CrisisHotline(String number, String name, String message) {
    }

    static CrisisHotline hotline() {
        return new CrisisHotline(HOTLINE, "全国心理援助热线", HOTLINE_MESSAGE);
    }

    static Result evaluate(Answers answers) {
        List<Integer> phq9 = answers.phq9();
        List<Integer> gad7 = answers.gad7();
        check("phq9", phq9, 9);
        check("gad7", gad7, 7);
        Integer phq = phq9 == null ? null : phq9.stream().mapToInt(Integer::intValue).sum();
        Integer gad = gad7 == null ? null : gad7.stream().mapToInt(Integer::intValue).sum();
        boolean risk = phq9 != null && phq9.get(8) >= 1;
        return new Result(phq, phq == null ? null : phqLevel(phq), gad, gad == null ? null : gadLevel(gad), risk);
    }

    private static void check(String field, List<Integer> items, int count) {
        if (items == null) {
            return;
        }
        if (items.size() != count || items.stream().anyMatch(i -> i == null || i < 0 || i > 3)) {
            throw ProblemException.invalidField(field, "请完整回答全部 " + count + " 道题，每题选择 0 到 3 分。");
        }
    }

    private static String phqLevel(int score) {
        return score <= 4 ? "无或极轻微" : score <= 9 ? "轻度" : score <= 14 ? "中度" : score <= 19 ? "中重度" : "重度";
    }

    private static String gadLevel(int score) {
        return score <= 4 ? "无或极轻微" : score <= 9 ? "轻度" : score <= 14 ? "中度" : "重度";
    }
}
