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

    /** One question of a questionnaire, numbered from 1. */
    @Serdeable
    record Question(int no, String text) {
    }

    /** One point of the answer scale, the same for both questionnaires. */
    @Serdeable
    record ScalePoint(int value, String label) {
    }

    @Serdeable
    record Questionnaire(String code, String title, List<Question> items) {
    }

    /**
     * Everything a client needs to show the self-check: the lead-in, the answer scale, both questionnaires in the order
     * {@code POST …/screening} expects the answers, which answer counts as a risk, and the hotline.
     */
    @Serdeable
    record Questions(String instructions, List<ScalePoint> scale, Questionnaire phq9, Questionnaire gad7, String riskItem,
                     CrisisHotline hotline) {
    }

    private static final List<ScalePoint> SCALE = List.of(new ScalePoint(0, "完全不会"), new ScalePoint(1, "好几天"),
            new ScalePoint(2, "一半以上的天数"), new ScalePoint(3, "几乎每天"));

    private static final List<String> PHQ9 = List.of(
            "做事时提不起劲或没有兴趣",
            "感到心情低落、沮丧或绝望",
            "入睡困难、睡不安稳或睡眠过多",
            "感觉疲倦或没有活力",
            "食欲不振或吃太多",
            "觉得自己很糟，或觉得自己很失败，或让自己或家人失望",
            "对事物专注有困难，例如阅读报纸或看电视时",
            "动作或说话速度缓慢到别人已经察觉，或正好相反：烦躁或坐立不安、动来动去的情况比平常更多",
            "有不如死掉或用某种方式伤害自己的念头");

    private static final List<String> GAD7 = List.of(
            "感觉紧张、焦虑或急切",
            "不能够停止或控制担忧",
            "对各种各样的事情担忧过多",
            "很难放松下来",
            "由于不安而无法静坐",
            "变得容易烦恼或急躁",
            "感到似乎将有可怕的事情发生而害怕");

    static Questions questions() {
        return new Questions("在过去两周里，您有多少时间受到以下问题的困扰？请为每个问题选择最符合的一项。", SCALE,
                new Questionnaire("PHQ9", "抑郁症状自评（PHQ-9）", numbered(PHQ9)),
                new Questionnaire("GAD7", "焦虑症状自评（GAD-7）", numbered(GAD7)),
                "PHQ-9 第 9 题选择 1 分及以上", hotline());
    }

    private static List<Question> numbered(List<String> texts) {
        return java.util.stream.IntStream.range(0, texts.size()).mapToObj(i -> new Question(i + 1, texts.get(i))).toList();
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
