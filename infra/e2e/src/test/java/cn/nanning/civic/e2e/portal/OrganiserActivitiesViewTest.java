package cn.nanning.civic.e2e.portal;

import cn.nanning.civic.e2e.platform.Api;
import cn.nanning.civic.e2e.platform.Platform;
import cn.nanning.civic.e2e.platform.ProxyData;
import cn.nanning.civic.e2e.platform.VolunteerData;
import cn.nanning.civic.portal.ui.RegionPicker;
import cn.nanning.civic.portal.volunteers.CheckInView;
import cn.nanning.civic.portal.volunteers.VolunteerServicesView;
import cn.nanning.civic.portal.volunteers.VolunteersClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The organiser's own job in the portal: publish an activity, change it, show the rotating check-in code, cancel it. */
class OrganiserActivitiesViewTest extends PortalViewTest {

    private static final Api GATEWAY = new Api(Platform.GATEWAY);

    @Test
    @SuppressWarnings("unchecked")
    void theOrganiserPublishesChangesShowsTheCheckInCodeAndCancelsAnActivity() {
        String title = "社区敬老探访 " + UUID.randomUUID().toString().substring(0, 4);
        LocalDateTime starts = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(3).withHour(9).withMinute(0).withSecond(0).withNano(0);

        open("organizer", VolunteerServicesView.class);
        _click(_get(Button.class, spec -> spec.withId("activity-save")));
        assertThat(outcome("activity-form-outcome")).as("checked in the form, in Chinese").isEqualTo("请填写活动名称。");

        _get(TextField.class, spec -> spec.withId("activity-title")).setValue(title);
        _get(TextField.class, spec -> spec.withId("activity-place")).setValue("思贤社区活动室");
        _get(RegionPicker.class, spec -> spec.withId("activity-region")).setValue(VolunteerData.village());
        _get(DateTimePicker.class, spec -> spec.withId("activity-starts")).setValue(starts);
        _get(DateTimePicker.class, spec -> spec.withId("activity-ends")).setValue(starts.plusHours(2));
        _get(IntegerField.class, spec -> spec.withId("activity-planned")).setValue(90);
        _get(IntegerField.class, spec -> spec.withId("activity-capacity")).setValue(8);
        _click(_get(Button.class, spec -> spec.withId("activity-save")));
        assertThat(outcome("activity-form-outcome")).startsWith("已发布“" + title + "”");

        Grid<VolunteersClient.Activity> activities = _get(Grid.class, spec -> spec.withId("volunteer-activities"));
        VolunteersClient.Activity published = activities.getGenericDataView().getItems()
                .filter(a -> a.title().equals(title)).findFirst().orElseThrow();
        assertThat(published.capacity()).isEqualTo(8);

        activities.select(published);
        _click(_get(Button.class, spec -> spec.withId("activity-edit")));
        _get(IntegerField.class, spec -> spec.withId("activity-capacity")).setValue(12);
        _click(_get(Button.class, spec -> spec.withId("activity-save")));
        assertThat(outcome("activity-form-outcome")).startsWith("已保存“" + title + "”的修改");
        JsonNode stored = GATEWAY.get("/api/v1/volunteers/activities/" + published.id(), ProxyData.token("organizer")).json();
        assertThat(stored.path("capacity").asInt()).isEqualTo(12);

        // The check-in page shows the current code as a QR code and as digits, the same the API gives now.
        UI.getCurrent().navigate(CheckInView.class, published.id().toString());
        String digits = _get(Span.class, spec -> spec.withId("check-in-digits")).getText().replace(" ", "");
        assertThat(digits).matches("\\d{6}");
        String now = GATEWAY.get("/api/v1/volunteers/activities/" + published.id() + "/check-code", ProxyData.token("organizer"))
                .json().path("code").asText();
        assertThat(now).isEqualTo(digits);
        assertThat(_get(Image.class, spec -> spec.withClasses("qr-code")).getAlt()).hasValueSatisfying(alt -> assertThat(alt).contains(digits));

        open("organizer", VolunteerServicesView.class);
        activities = _get(Grid.class, spec -> spec.withId("volunteer-activities"));
        activities.select(activities.getGenericDataView().getItems().filter(a -> a.id().equals(published.id())).findFirst().orElseThrow());
        clickWithReason("activity-cancel", "天气原因，改期另行通知");
        assertThat(outcome("activity-outcome")).startsWith("已取消“" + title + "”");
        assertThat(GATEWAY.get("/api/v1/volunteers/activities/" + published.id(), ProxyData.token("organizer")).json().path("status").asText())
                .isEqualTo("CANCELLED");
    }
}
