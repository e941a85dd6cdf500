package cn.nanning.civic.council.decisions;

import cn.nanning.civic.council.councils.Threshold;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcedureTest {

    /** The residents' resolution by the representatives: at least 2/3 present, more than half of those present approve. */
    static final Procedure.Rule CHARTER = new Procedure.Rule(Threshold.TWO_THIRDS, Threshold.MORE_THAN_HALF);

    private static Procedure.Tally unanimous(int expected, int present) {
        return new Procedure.Tally(expected, present, present, 0, 0);
    }

    private static Procedure.Stage passedUpTo(Step last) {
        Procedure.Stage stage = Procedure.start();
        for (Step step : Step.values()) {
            if (!step.isVote()) {
                break;
            }
            stage = Procedure.vote(stage, step, CHARTER, unanimous(9, 9)).stage();
            if (step == last) {
                return stage;
            }
        }
        return stage;
    }

    @Test
    void aMatterStartsWithTheProposalOfTheParty() {
        assertThat(Procedure.start()).isEqualTo(new Procedure.Stage(Procedure.Status.IN_PROGRESS, Step.PROPOSAL, 0));
    }

    @Test
    void theFourDeliberationsAndTwoPublicationsFollowEachOtherInOrder() {
        Procedure.Stage stage = Procedure.start();
        stage = Procedure.vote(stage, Step.PROPOSAL, CHARTER, unanimous(7, 7)).stage();
        assertThat(stage.next()).isEqualTo(Step.COMMITTEES_DISCUSSION);
        stage = Procedure.vote(stage, Step.COMMITTEES_DISCUSSION, CHARTER, unanimous(11, 10)).stage();
        assertThat(stage.next()).isEqualTo(Step.PARTY_REVIEW);
        stage = Procedure.vote(stage, Step.PARTY_REVIEW, CHARTER, unanimous(30, 25)).stage();
        assertThat(stage.next()).isEqualTo(Step.RESIDENTS_RESOLUTION);
        stage = Procedure.vote(stage, Step.RESIDENTS_RESOLUTION, CHARTER, unanimous(45, 40)).stage();
        assertThat(stage.next()).isEqualTo(Step.RESOLUTION_PUBLISHED);
        stage = Procedure.publishResolution(stage);
        assertThat(stage.next()).isEqualTo(Step.RESULT_PUBLISHED);
        stage = Procedure.reportProgress(stage, 40);
        assertThat(stage).isEqualTo(new Procedure.Stage(Procedure.Status.IMPLEMENTING, null, 40));
        stage = Procedure.reportProgress(stage, 100);
        assertThat(stage).isEqualTo(new Procedure.Stage(Procedure.Status.DONE, null, 100));
    }

    @Test
    void aStepCannotBeSkipped() {
        assertThatThrownBy(() -> Procedure.vote(Procedure.start(), Step.PARTY_REVIEW, CHARTER, unanimous(9, 9)))
                .isInstanceOf(Procedure.OutOfOrder.class).hasMessageContaining("不能跳过").hasMessageContaining("党组织提议");
        Procedure.Stage discussed = passedUpTo(Step.COMMITTEES_DISCUSSION);
        assertThatThrownBy(() -> Procedure.vote(discussed, Step.RESIDENTS_RESOLUTION, CHARTER, unanimous(9, 9)))
                .isInstanceOf(Procedure.OutOfOrder.class).hasMessageContaining("党员大会审议");
    }

    @Test
    void aPassedStepCannotBeHeldAgain() {
        Procedure.Stage reviewed = passedUpTo(Step.PARTY_REVIEW);
        assertThatThrownBy(() -> Procedure.vote(reviewed, Step.COMMITTEES_DISCUSSION, CHARTER, unanimous(9, 9)))
                .isInstanceOf(Procedure.OutOfOrder.class).hasMessageContaining("已经通过");
    }

    @Test
    void theResolutionCannotBePublishedBeforeTheResidentsVotePassed() {
        assertThatThrownBy(() -> Procedure.publishResolution(passedUpTo(Step.PARTY_REVIEW)))
                .isInstanceOf(Procedure.OutOfOrder.class).hasMessageContaining("村民会议或村民代表会议决议");
        assertThatThrownBy(() -> Procedure.publishResolution(Procedure.start())).isInstanceOf(Procedure.OutOfOrder.class);
    }

    @Test
    void theResultCannotBePublishedBeforeTheResolution() {
        Procedure.Stage resolved = passedUpTo(Step.RESIDENTS_RESOLUTION);
        assertThatThrownBy(() -> Procedure.reportProgress(resolved, 10))
                .isInstanceOf(Procedure.OutOfOrder.class).hasMessageContaining("决议公开");
    }

    @Test
    void theResolutionIsPublishedOnlyOnce() {
        Procedure.Stage published = Procedure.publishResolution(passedUpTo(Step.RESIDENTS_RESOLUTION));
        assertThatThrownBy(() -> Procedure.publishResolution(published)).isInstanceOf(Procedure.OutOfOrder.class)
                .hasMessageContaining("已经通过");
    }

    @ParameterizedTest(name = "party members: {0} expected, {1} present → quorum {2}")
    @CsvSource({
            "30, 20, true",   // exactly 2/3
            "30, 19, false",  // one below
            "31, 21, true",   // 2/3 of 31 is 20.67: 21 is the least
            "31, 20, false",
            "3, 2, true",
            "3, 1, false",
            "1, 1, true",
            "1, 0, false",
            "99, 66, true",
            "99, 65, false"})
    void partyMembersNeedAtLeastTwoThirdsPresent(int expected, int present, boolean quorum) {
        Procedure.Verdict v = Procedure.vote(passedUpTo(Step.COMMITTEES_DISCUSSION), Step.PARTY_REVIEW, CHARTER, unanimous(expected, present));
        assertThat(v.outcome()).isEqualTo(quorum ? Procedure.Outcome.PASSED : Procedure.Outcome.NO_QUORUM);
    }

    @ParameterizedTest(name = "party members: {0} present, {1} for → {2}")
    @CsvSource({
            "20, 11, PASSED",    // more than half
            "20, 10, REJECTED",  // exactly half is not a majority
            "21, 11, PASSED",
            "21, 10, REJECTED",
            "1, 1, PASSED",
            "1, 0, REJECTED"})
    void partyMembersApproveByMoreThanHalfOfThosePresent(int present, int votesFor, Procedure.Outcome outcome) {
        Procedure.Tally tally = new Procedure.Tally(present, present, votesFor, 0, present - votesFor);
        assertThat(Procedure.vote(passedUpTo(Step.COMMITTEES_DISCUSSION), Step.PARTY_REVIEW, CHARTER, tally).outcome()).isEqualTo(outcome);
    }

    @Test
    void abstentionsCountAsPresentButNotInFavour() {
        Procedure.Tally tally = new Procedure.Tally(30, 24, 12, 2, 10);
        Procedure.Verdict v = Procedure.vote(passedUpTo(Step.COMMITTEES_DISCUSSION), Step.PARTY_REVIEW, CHARTER, tally);
        assertThat(v.outcome()).isEqualTo(Procedure.Outcome.REJECTED);
        assertThat(v.explanation()).contains("至少 13 票");
    }

    @Test
    void aVoteWithoutQuorumIsRecordedAsFailedAndTheSameStepMustBeHeldAgain() {
        Procedure.Stage discussed = passedUpTo(Step.COMMITTEES_DISCUSSION);
        Procedure.Verdict failed = Procedure.vote(discussed, Step.PARTY_REVIEW, CHARTER, new Procedure.Tally(30, 19, 19, 0, 0));
        assertThat(failed.outcome()).isEqualTo(Procedure.Outcome.NO_QUORUM);
        assertThat(failed.stage()).isEqualTo(discussed);
        assertThat(failed.explanation()).contains("至少 20 人").contains("须重新召开党员大会审议");
        assertThatThrownBy(() -> Procedure.vote(failed.stage(), Step.RESIDENTS_RESOLUTION, CHARTER, unanimous(9, 9)))
                .isInstanceOf(Procedure.OutOfOrder.class);
        assertThat(Procedure.vote(failed.stage(), Step.PARTY_REVIEW, CHARTER, unanimous(30, 20)).outcome())
                .isEqualTo(Procedure.Outcome.PASSED);
    }

    @Test
    void aRejectedMotionEndsTheMatter() {
        Procedure.Verdict v = Procedure.vote(passedUpTo(Step.PARTY_REVIEW), Step.RESIDENTS_RESOLUTION, CHARTER,
                new Procedure.Tally(45, 40, 20, 15, 5));
        assertThat(v.outcome()).isEqualTo(Procedure.Outcome.REJECTED);
        assertThat(v.stage().status()).isEqualTo(Procedure.Status.REJECTED);
        assertThatThrownBy(() -> Procedure.vote(v.stage(), Step.RESIDENTS_RESOLUTION, CHARTER, unanimous(45, 45)))
                .isInstanceOf(Procedure.OutOfOrder.class).hasMessageContaining("终止");
        assertThatThrownBy(() -> Procedure.publishResolution(v.stage())).isInstanceOf(Procedure.OutOfOrder.class);
    }

    @ParameterizedTest(name = "villagers' meeting (more than half present, more than half approve): {0} expected, {1} present, {2} for → {3}")
    @CsvSource({
            "100, 51, 26, PASSED",
            "100, 50, 50, NO_QUORUM",  // exactly half is not more than half
            "100, 51, 25, REJECTED",
            "101, 51, 26, PASSED",
            "101, 50, 50, NO_QUORUM"})
    void theResidentsResolutionFollowsTheCharter(int expected, int present, int votesFor, Procedure.Outcome outcome) {
        Procedure.Rule villagersMeeting = new Procedure.Rule(Threshold.MORE_THAN_HALF, Threshold.MORE_THAN_HALF);
        Procedure.Tally tally = new Procedure.Tally(expected, present, votesFor, present - votesFor, 0);
        assertThat(Procedure.vote(passedUpTo(Step.PARTY_REVIEW), Step.RESIDENTS_RESOLUTION, villagersMeeting, tally).outcome())
                .isEqualTo(outcome);
    }

    @Test
    void aStricterCharterAppliesOnlyToTheResidentsResolution() {
        Procedure.Rule strict = new Procedure.Rule(new Threshold(4, 5, Threshold.Comparison.AT_LEAST), new Threshold(2, 3, Threshold.Comparison.AT_LEAST));
        assertThat(Procedure.ruleFor(Step.PARTY_REVIEW, strict)).isEqualTo(Procedure.PARTY_MEMBERS_RULE);
        Procedure.Stage reviewed = passedUpTo(Step.PARTY_REVIEW);
        assertThat(Procedure.vote(reviewed, Step.RESIDENTS_RESOLUTION, strict, new Procedure.Tally(50, 39, 39, 0, 0)).outcome())
                .isEqualTo(Procedure.Outcome.NO_QUORUM);
        assertThat(Procedure.vote(reviewed, Step.RESIDENTS_RESOLUTION, strict, new Procedure.Tally(50, 40, 26, 14, 0)).outcome())
                .isEqualTo(Procedure.Outcome.REJECTED);
        assertThat(Procedure.vote(reviewed, Step.RESIDENTS_RESOLUTION, strict, new Procedure.Tally(50, 40, 27, 13, 0)).outcome())
                .isEqualTo(Procedure.Outcome.PASSED);
    }

    @Test
    void committeeMeetingsNeedMoreThanHalfPresent() {
        assertThat(Procedure.vote(Procedure.start(), Step.PROPOSAL, CHARTER, unanimous(8, 4)).outcome()).isEqualTo(Procedure.Outcome.NO_QUORUM);
        assertThat(Procedure.vote(Procedure.start(), Step.PROPOSAL, CHARTER, unanimous(8, 5)).outcome()).isEqualTo(Procedure.Outcome.PASSED);
    }

    @Test
    void impossibleFiguresAreRefused() {
        Procedure.Stage start = Procedure.start();
        assertThatThrownBy(() -> Procedure.vote(start, Step.PROPOSAL, CHARTER, new Procedure.Tally(5, 6, 6, 0, 0)))
                .isInstanceOf(Procedure.InvalidTally.class).hasMessageContaining("实到人数");
        assertThatThrownBy(() -> Procedure.vote(start, Step.PROPOSAL, CHARTER, new Procedure.Tally(5, 4, 3, 1, 1)))
                .isInstanceOf(Procedure.InvalidTally.class).hasMessageContaining("合计不能超过实到人数");
        assertThatThrownBy(() -> Procedure.vote(start, Step.PROPOSAL, CHARTER, new Procedure.Tally(0, 0, 0, 0, 0)))
                .isInstanceOf(Procedure.InvalidTally.class).hasMessageContaining("应到人数");
    }

    @Test
    void progressNeverGoesBackAndStopsAtDone() {
        Procedure.Stage implementing = Procedure.reportProgress(Procedure.publishResolution(passedUpTo(Step.RESIDENTS_RESOLUTION)), 60);
        assertThatThrownBy(() -> Procedure.reportProgress(implementing, 50)).isInstanceOf(Procedure.InvalidTally.class)
                .hasMessageContaining("60%");
        assertThat(Procedure.reportProgress(implementing, 60).progress()).isEqualTo(60);
        assertThatThrownBy(() -> Procedure.reportProgress(implementing, 101)).isInstanceOf(Procedure.InvalidTally.class);
        Procedure.Stage done = Procedure.reportProgress(implementing, 100);
        assertThatThrownBy(() -> Procedure.reportProgress(done, 100)).isInstanceOf(Procedure.OutOfOrder.class)
                .hasMessageContaining("实施完毕");
        assertThatThrownBy(() -> Procedure.vote(done, Step.PROPOSAL, CHARTER, unanimous(9, 9))).isInstanceOf(Procedure.OutOfOrder.class);
    }

    @ParameterizedTest(name = "{0}/{1} {2}: {3} of {4} → {5}; smallest {6}")
    @CsvSource({
            "2, 3, AT_LEAST, 20, 30, true, 20",
            "2, 3, AT_LEAST, 19, 30, false, 20",
            "1, 2, MORE_THAN, 15, 30, false, 16",
            "1, 2, MORE_THAN, 16, 30, true, 16",
            "1, 2, MORE_THAN, 8, 15, true, 8",
            "1, 2, AT_LEAST, 15, 30, true, 15",
            "1, 1, AT_LEAST, 7, 7, true, 7"})
    void thresholdsUseExactFractions(int num, int den, Threshold.Comparison cmp, int count, int base, boolean met, long smallest) {
        Threshold t = new Threshold(num, den, cmp);
        assertThat(t.isMetBy(count, base)).isEqualTo(met);
        assertThat(t.smallestCount(base)).isEqualTo(smallest);
        assertThat(t.isMetBy(smallest, base)).isTrue();
        assertThat(t.isMetBy(smallest - 1, base)).isFalse();
    }
}
