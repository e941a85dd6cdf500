package cn.nanning.civic.e2e.portal;

import cn.nanning.civic.e2e.platform.VolunteerData;
import cn.nanning.civic.portal.volunteers.VolunteerServicesView;
import cn.nanning.civic.portal.volunteers.VolunteersClient;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The organiser reaches the volunteers of an activity: the roster stays masked, their names and phones come on request. */
class OrganiserRosterViewTest extends PortalViewTest {

    @Test
    @SuppressWarnings("unchecked")
    void theOrganiserShowsTheVolunteersNamesAndPhonesToCallThem() {
        VolunteerData.Volunteer volunteer = VolunteerData.register();
        Instant starts = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String title = "敬老院探访 " + UUID.randomUUID().toString().substring(0, 4);
        String activityId = VolunteerData.publishActivity(title, starts, starts.plus(2, ChronoUnit.HOURS), 90);
        VolunteerData.signUp(volunteer, activityId);

        open("organizer", VolunteerServicesView.class);
        Grid<VolunteersClient.Activity> activities = _get(Grid.class, spec -> spec.withId("volunteer-activities"));
        activities.select(activities.getGenericDataView().getItems().filter(a -> a.id().toString().equals(activityId)).findFirst().orElseThrow());
        Grid<VolunteersClient.Signup> signups = _get(Grid.class, spec -> spec.withId("volunteer-signups"));
        assertThat(signups.getGenericDataView().getItems().map(VolunteersClient.Signup::volunteerName)).as("masked in the roster")
                .allSatisfy(name -> assertThat(name).contains("*"));

        _click(_get(Button.class, spec -> spec.withId("volunteer-show-contacts")));
        Grid<VolunteersClient.RosterEntry> contacts = _get(Grid.class, spec -> spec.withId("volunteer-roster-contacts"));
        List<VolunteersClient.RosterEntry> shown = contacts.getGenericDataView().getItems().toList();
        assertThat(shown).singleElement().satisfies(entry -> {
            assertThat(entry.name()).isEqualTo("黄丽萍");
            assertThat(entry.phone()).isEqualTo("13977112345");
        });
        assertThat(outcome("volunteers-contacts-outcome")).contains("本次查看已记录");
    }
}
