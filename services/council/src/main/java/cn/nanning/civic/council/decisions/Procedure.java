package cn.nanning.civic.council.decisions;

import cn.nanning.civic.council.councils.Threshold;

/**
 * The rules of 四议两公开 as a pure state machine, free of storage and HTTP.
 *
 * <ul>
 *   <li>The four deliberations happen in order: 党组织提议 → 两委会商议 → 党员大会审议 → 村民会议/村民代表会议决议.
 *       None can be skipped, repeated after it passed, or held after the matter fell.</li>
 *   <li>Each is a vote with a quorum over the expected attendance and a majority over those present. Without quorum the
 *       vote is recorded as failed (NO_QUORUM) and the same step must be held again; with quorum but no majority the
 *       motion is rejected and the matter ends.</li>
 *   <li>党员大会: at least 2/3 of the members present, approval by more than half of those present. 村民会议/代表会议:
 *       quorum and majority from the council's charter. The two committee meetings (提议, 商议): more than half present,
 *       more than half of those present approving (民主集中制).</li>
 *   <li>Then the resolution is published (决议公开), and only then may the implementation result be published with
 *       progress (实施结果公开): percent 0–100, never going back, done at 100.</li>
 * </ul>
 */
public final class Procedure {

    private Procedure() {
    }

    public enum Status { IN_PROGRESS, REJECTED, IMPLEMENTING, DONE }

    public enum Outcome { PASSED, NO_QUORUM, REJECTED, PUBLISHED }

    /** Where a decision stands: its status, the step that may happen next (null when none may) and progress. */
    public record Stage(Status status, Step next, int progress) {
    }

    /** Attendance and votes of one holding of a step. */
    public record Tally(int expected, int present, int votesFor, int votesAgainst, int abstentions) {
    }

    /** The rules that apply to a vote. */
    public record Rule(Threshold quorum, Threshold majority) {

        /** "到会人数不少于应到人数的 2/3，赞成票超过到会人数的 1/2". */
        public String describe() {
            return "到会人数" + quorum.describe("应到人数") + "，赞成票" + majority.describe("到会人数");
        }
    }

    /** The result of a vote: how it went and the stage afterwards. */
    public record Verdict(Outcome outcome, Stage stage, String explanation) {
    }

    /** A step asked for when the rules do not allow it (HTTP 409). */
    public static final class OutOfOrder extends RuntimeException {
        OutOfOrder(String message) {
            super(message);
        }
    }

    /** Figures that cannot be true (HTTP 400). */
    public static final class InvalidTally extends RuntimeException {
        private final String field;

        InvalidTally(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public static final Rule COMMITTEE_RULE = new Rule(Threshold.MORE_THAN_HALF, Threshold.MORE_THAN_HALF);
    public static final Rule PARTY_MEMBERS_RULE = new Rule(Threshold.TWO_THIRDS, Threshold.MORE_THAN_HALF);

    public static Stage start() {
        return new Stage(Status.IN_PROGRESS, Step.PROPOSAL, 0);
    }

    /** The rule for a voting step; the residents' resolution follows the charter. */
    public static Rule ruleFor(Step step, Rule charter) {
        return switch (step) {
            case PROPOSAL, COMMITTEES_DISCUSSION -> COMMITTEE_RULE;
            case PARTY_REVIEW -> PARTY_MEMBERS_RULE;
            case RESIDENTS_RESOLUTION -> charter;
            default -> throw new IllegalArgumentException(step + " is not a vote");
        };
    }

    /** Judges one holding of a voting step. */
    public static Verdict vote(Stage stage, Step step, Rule charter, Tally tally) {
        if (!step.isVote()) {
            throw new IllegalArgumentException(step + " is not a vote");
        }
        requireNext(stage, step);
        check(tally);
        Rule rule = ruleFor(step, charter);
        if (!rule.quorum().isMetBy(tally.present(), tally.expected())) {
            return new Verdict(Outcome.NO_QUORUM, stage, "到会 " + tally.present() + " 人，应到 " + tally.expected() + " 人，未达到"
                    + rule.quorum().describe("应到人数") + "（至少 " + rule.quorum().smallestCount(tally.expected())
                    + " 人）的要求，表决无效，须重新召开" + step.label() + "。");
        }
        if (!rule.majority().isMetBy(tally.votesFor(), tally.present())) {
            return new Verdict(Outcome.REJECTED, new Stage(Status.REJECTED, null, stage.progress()),
                    "赞成 " + tally.votesFor() + " 票，未达到" + rule.majority().describe("到会人数") + "（至少 "
                            + rule.majority().smallestCount(tally.present()) + " 票），未通过，本事项终止。");
        }
        return new Verdict(Outcome.PASSED, new Stage(Status.IN_PROGRESS, step.following(), stage.progress()),
                "赞成 " + tally.votesFor() + " 票，达到" + rule.majority().describe("到会人数") + "，通过。");
    }

    /** 决议公开: only right after the residents' resolution passed. */
    public static Stage publishResolution(Stage stage) {
        requireNext(stage, Step.RESOLUTION_PUBLISHED);
        return new Stage(Status.IN_PROGRESS, Step.RESULT_PUBLISHED, 0);
    }

    /** 实施结果公开: the first report publishes the result step, later ones add progress; 100 means done. */
    public static Stage reportProgress(Stage stage, int percent) {
        boolean first = stage.status() == Status.IN_PROGRESS && stage.next() == Step.RESULT_PUBLISHED;
        if (!first && stage.status() != Status.IMPLEMENTING) {
            if (stage.status() == Status.DONE) {
                throw new OutOfOrder("该事项已实施完毕，实施结果已公开，不能再更新进度。");
            }
            requireNext(stage, Step.RESULT_PUBLISHED);
        }
        if (percent < 0 || percent > 100) {
            throw new InvalidTally("percent", "进度应在 0 到 100 之间。");
        }
        if (percent < stage.progress()) {
            throw new InvalidTally("percent", "进度不能低于上次公开的 " + stage.progress() + "%。");
        }
        return percent == 100 ? new Stage(Status.DONE, null, 100) : new Stage(Status.IMPLEMENTING, null, percent);
    }

    /** Refuses any step but the one the stage allows next. */
    static void requireNext(Stage stage, Step step) {
        if (stage.status() == Status.REJECTED) {
            throw new OutOfOrder("该事项已在表决中未获通过而终止，不能再进行" + step.label() + "。");
        }
        if (stage.status() == Status.DONE || stage.status() == Status.IMPLEMENTING) {
            throw new OutOfOrder("该事项已进入实施结果公开阶段，不能再进行" + step.label() + "。");
        }
        if (stage.next() != step) {
            String why = step.ordinal() < stage.next().ordinal() ? "已经通过，不能重复进行" : "不能跳过前面的步骤";
            throw new OutOfOrder("「" + step.label() + "」" + why + "，当前应进行「" + stage.next().label() + "」。");
        }
    }

    private static void check(Tally t) {
        if (t.expected() < 1) {
            throw new InvalidTally("expectedAttendance", "应到人数至少为 1。");
        }
        if (t.present() < 0 || t.present() > t.expected()) {
            throw new InvalidTally("actualAttendance", "实到人数应在 0 到应到人数之间。");
        }
        if (t.votesFor() < 0 || t.votesAgainst() < 0 || t.abstentions() < 0) {
            throw new InvalidTally("votes", "票数不能为负数。");
        }
        if ((long) t.votesFor() + t.votesAgainst() + t.abstentions() > t.present()) {
            throw new InvalidTally("votes", "赞成、反对、弃权票合计不能超过实到人数。");
        }
    }
}
