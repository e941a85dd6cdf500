package cn.nanning.civic.e2e.council;

import cn.nanning.civic.e2e.platform.ProxyData;
import cn.nanning.civic.e2e.portal.PortalViewTest;
import cn.nanning.civic.portal.council.CouncilClient;
import cn.nanning.civic.portal.council.CouncilView;
import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static cn.nanning.civic.e2e.council.CouncilData.GATEWAY;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The convener's 四议两公开 register in the portal against the real council services: steps cannot be skipped, a
 * Party-member review without a two-thirds quorum is registered as failed and held again, and the register keeps both.
 */
class CouncilStepRegisterViewTest extends PortalViewTest {

    @Test
    @SuppressWarnings("unchecked")
    void stepsGoInOrderAndAReviewWithoutQuorumIsRegisteredAsFailedAndHeldAgain() {
        String council = CouncilData.council();
        String title = "修缮村级老年活动室 " + UUID.randomUUID().toString().substring(0, 6);

        open("convener", CouncilView.class);
        ComboBox<CouncilClient.CouncilSummary> picker = _get(ComboBox.class, spec -> spec.withId("council-select"));
        picker.setValue(picker.getListDataView().getItems().filter(c -> c.id().equals(council)).findFirst().orElseThrow());
        _get(TabSheet.class, spec -> spec.withId("council-tabs")).setSelectedIndex(3);
        _get(TextField.class, spec -> spec.withId("council-decision-title")).setValue(title);
        _get(TextArea.class, spec -> spec.withId("council-decision-matter")).setValue("使用村集体收入 8 万元修缮老年活动室屋顶和门窗。");
        _click(_get(Button.class, spec -> spec.withId("council-open-decision")));
        assertThat(outcome("council-open-outcome")).startsWith("事项“" + title + "”已发起");

        Grid<CouncilClient.DecisionSummary> decisions = _get(Grid.class, spec -> spec.withId("council-decisions"));
        CouncilClient.DecisionSummary decision = decisions.getGenericDataView().getItems()
                .filter(d -> d.title().equals(title)).findFirst().orElseThrow();
        decisions.select(decision);
        assertThat(_get(Paragraph.class, spec -> spec.withId("council-next-step")).getText()).isEqualTo("下一步：党组织提议");

        hold("PARTY_REVIEW", 30, 25, 20);
        assertThat(message()).as("a step cannot be skipped").isEqualTo("「党员大会审议」不能跳过前面的步骤，当前应进行「党组织提议」。");

        hold("PROPOSAL", 7, 7, 7);
        assertThat(message()).startsWith("已登记：党组织提议");
        hold("COMMITTEES_DISCUSSION", 11, 10, 9);
        assertThat(message()).startsWith("已登记：两委会商议");
        // 19 of 30 members is below two thirds (20): the vote is void and the review must be held again.
        hold("PARTY_REVIEW", 30, 19, 19);
        assertThat(message()).startsWith("已登记：党员大会审议");
        assertThat(_get(Paragraph.class, spec -> spec.withId("council-next-step")).getText()).isEqualTo("下一步：党员大会审议");
        assertThat(register().get(register().size() - 1).outcome()).isEqualTo("NO_QUORUM");
        assertThat(_get(IntegerField.class, spec -> spec.withId("council-step-actual")).getValue())
                .as("the next holding starts from empty figures, not the failed one's").isNull();
        hold("PARTY_REVIEW", 30, 20, 11);
        assertThat(_get(Paragraph.class, spec -> spec.withId("council-next-step")).getText()).startsWith("下一步：村民会议");

        Grid<CouncilClient.Step> register = _get(Grid.class, spec -> spec.withId("council-register"));
        assertThat(register.getGenericDataView().getItems().map(s -> s.step() + "#" + s.attempt() + ":" + s.outcome()).toList())
                .containsExactly("PROPOSAL#1:PASSED", "COMMITTEES_DISCUSSION#1:PASSED", "PARTY_REVIEW#1:NO_QUORUM", "PARTY_REVIEW#2:PASSED");
        JsonNode stored = GATEWAY.get("/api/v1/council/decisions/" + decision.id(), ProxyData.token("convener")).json();
        assertThat(stored.path("register").findValuesAsText("outcome")).containsExactly("PASSED", "PASSED", "NO_QUORUM", "PASSED");
        assertThat(stored.path("register").get(2).path("actualAttendance").asInt()).isEqualTo(19);
    }

    @SuppressWarnings("unchecked")
    private static java.util.List<CouncilClient.Step> register() {
        Grid<CouncilClient.Step> register = _get(Grid.class, spec -> spec.withId("council-register"));
        return register.getGenericDataView().getItems().toList();
    }

    @SuppressWarnings("unchecked")
    private static void hold(String step, int expected, int present, int votesFor) {
        _get(Select.class, spec -> spec.withId("council-step")).setValue(step);
        _get(DateTimePicker.class, spec -> spec.withId("council-step-held-at"))
                .setValue(LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusHours(2).withNano(0));
        _get(TextField.class, spec -> spec.withId("council-step-motion")).setValue("村党支部委员会");
        number("council-step-expected", expected);
        number("council-step-actual", present);
        number("council-step-for", votesFor);
        number("council-step-against", present - votesFor);
        number("council-step-abstain", 0);
        _click(_get(Button.class, spec -> spec.withId("council-register-step")));
    }

    private static void number(String id, int value) {
        _get(IntegerField.class, spec -> spec.withId(id)).setValue(value);
    }

    /** Said beside 登记本步骤. */
    private static String message() {
        return outcome("council-step-outcome");
    }
}
