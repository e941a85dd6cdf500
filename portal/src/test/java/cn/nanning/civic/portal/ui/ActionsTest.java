package cn.nanning.civic.portal.ui;

import cn.nanning.civic.portal.micronaut.KaribuViewTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications;
import static org.assertj.core.api.Assertions.assertThat;

class ActionsTest extends KaribuViewTest {

    private final VerticalLayout page = new VerticalLayout();
    private final Outcome outcome = new Outcome("outcome");

    private void show(Button button) {
        page.add(Actions.row(button, outcome));
        UI.getCurrent().add(page);
    }

    @Test
    void the_outcome_of_a_click_appears_beside_the_button_success_and_failure_alike() {
        AtomicInteger runs = new AtomicInteger();
        show(Actions.primary("受理", "accept", outcome, () -> "已受理，回执编号 DB20261207-000001。" + runs.incrementAndGet()));
        _click(_get(Button.class, spec -> spec.withId("accept")));
        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.SUCCESS);
        assertThat(outcome.message()).startsWith("已受理");
        assertThat(outcome.getParent()).isEqualTo(_get(Button.class, spec -> spec.withId("accept")).getParent());
        assertThat(outcome.getElement().getAttribute("role")).isEqualTo("status");
    }

    @Test
    void a_refusal_and_an_unexpected_fault_are_told_in_chinese_never_as_an_exception() {
        List<RuntimeException> faults = new ArrayList<>(List.of(new Refusal("请选择服务点。"),
                new NullPointerException("Cannot invoke \"java.util.Map.forEach\"")));
        show(Actions.button("登记", "register", outcome, () -> {
            throw faults.remove(0);
        }));
        _click(_get(Button.class, spec -> spec.withId("register")));
        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.FAILURE);
        assertThat(outcome.message()).isEqualTo("请选择服务点。");
        assertThat(outcome.getElement().getAttribute("role")).isEqualTo("alert");
        _click(_get(Button.class, spec -> spec.withId("register")));
        assertThat(outcome.message()).isEqualTo(Outcome.UNEXPECTED).doesNotContain("java", "Exception");
    }

    @Test
    void a_consequential_action_runs_only_after_the_person_confirms() {
        AtomicInteger archived = new AtomicInteger();
        show(Actions.confirmed("归档", "archive", outcome, Actions.Confirmation.of("确认归档", "归档后不能再修改。", "确认归档"),
                () -> "已归档。" + archived.incrementAndGet()));

        _click(_get(Button.class, spec -> spec.withId("archive")));
        Dialog dialog = _get(Dialog.class, spec -> spec.withId("archive-dialog"));
        assertThat(dialog.getHeaderTitle()).isEqualTo("确认归档");
        _click(_get(Button.class, spec -> spec.withId("archive-cancel")));
        assertThat(archived).hasValue(0);
        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.NONE);

        _click(_get(Button.class, spec -> spec.withId("archive")));
        _click(_get(Button.class, spec -> spec.withId("archive-confirm")));
        assertThat(archived).hasValue(1);
        assertThat(outcome.message()).startsWith("已归档");
    }

    @Test
    void an_action_needing_a_reason_does_not_run_with_an_empty_one() {
        List<String> reasons = new ArrayList<>();
        show(Actions.withReason("取消预约", "cancel", outcome, Actions.Confirmation.destructive("取消预约", "确认取消？", "确认取消"),
                "取消原因", reason -> {
                    reasons.add(reason);
                    return "已取消。";
                }));
        _click(_get(Button.class, spec -> spec.withId("cancel")));
        TextArea reason = _get(TextArea.class, spec -> spec.withId("cancel-reason"));
        _click(_get(Button.class, spec -> spec.withId("cancel-confirm")));
        assertThat(reasons).isEmpty();
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo("请填写取消原因。");
        assertThat(_get(Dialog.class, spec -> spec.withId("cancel-dialog")).isOpened()).isTrue();

        _setValue(reason, "  居民改约下周  ");
        _click(_get(Button.class, spec -> spec.withId("cancel-confirm")));
        assertThat(reasons).containsExactly("居民改约下周");
        assertThat(outcome.message()).isEqualTo("已取消。");
    }

    @Test
    void when_the_action_redraws_the_panel_its_outcome_is_shown_as_a_notification_instead_of_out_of_sight() {
        show(Actions.button("送达", "deliver", outcome, () -> {
            page.removeAll();
            return "已记录结果送达居民。";
        }));
        _click(_get(Button.class, spec -> spec.withId("deliver")));
        assertThat(_find(Outcome.class)).isEmpty();
        assertThat(getNotifications()).extracting(Notification::getElement)
                .anySatisfy(element -> assertThat(element.getOuterHTML() + element.getProperty("text", ""))
                        .contains("已记录结果送达居民。"));
    }
}
