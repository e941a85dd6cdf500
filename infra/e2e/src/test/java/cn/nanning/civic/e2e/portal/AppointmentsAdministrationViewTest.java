package cn.nanning.civic.e2e.portal;

import cn.nanning.civic.e2e.platform.Api;
import cn.nanning.civic.e2e.platform.Platform;
import cn.nanning.civic.e2e.platform.ProxyData;
import cn.nanning.civic.portal.booking.AppointmentsAdminView;
import cn.nanning.civic.portal.booking.DirectoryClient;
import cn.nanning.civic.portal.ui.RegionPicker;
import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The administrator's 预约管理 screen: a place, a lawyer registered there, a weekly plan — all through the real gateway. */
class AppointmentsAdministrationViewTest extends PortalViewTest {

    private static final Api GATEWAY = new Api(Platform.GATEWAY);

    @Test
    void anAdministratorOpensAPlaceRegistersALawyerThereAndPlansTheirWeek() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String admin = ProxyData.token("admin");
        Api.Response account = GATEWAY.post("/api/v1/identity/staff", Map.of("username", "lawyer-" + suffix,
                "displayName", "蒙律师" + suffix, "roles", List.of("LAWYER"), "regionCode", "450103",
                "initialPassword", "Civic-Lawyer-" + suffix + "!"), admin);
        assertThat(account.status()).as(account.body()).isEqualTo(201);
        String accountId = account.json().path("id").asText();

        open("admin", AppointmentsAdminView.class);
        String placeName = "青秀区公共法律服务点 " + suffix;
        _get(TextField.class, spec -> spec.withId("appointments-place-name")).setValue(placeName);
        @SuppressWarnings("unchecked")
        ComboBox<String> placeKind = _get(ComboBox.class, spec -> spec.withId("appointments-place-kind"));
        placeKind.setValue("LEGAL_SERVICE_POINT");
        _get(RegionPicker.class, spec -> spec.withId("appointments-place-region")).setValue("450103");
        _click(_get(Button.class, spec -> spec.withId("appointments-place-add")));
        assertThat(outcome("appointments-place-outcome")).isEqualTo("已登记服务地点“" + placeName + "”。");
        @SuppressWarnings("unchecked")
        Grid<DirectoryClient.Place> places = _get(Grid.class, spec -> spec.withId("appointments-places"));
        DirectoryClient.Place place = places.getGenericDataView().getItems()
                .filter(p -> p.name().equals(placeName)).findFirst().orElseThrow();
        assertThat(place.kindLabel()).isEqualTo("公共法律服务点");

        // Choosing the place opens its contact: a phone residents call and the coordinates their map opens at.
        places.select(place);
        _get(TextField.class, spec -> spec.withId("appointments-contact-phone")).setValue("0771-5551234");
        _get(TextField.class, spec -> spec.withId("appointments-contact-hours")).setValue("周一至周五 8:30–12:00，14:30–17:30");
        _get(NumberField.class, spec -> spec.withId("appointments-contact-latitude")).setValue(108.3);
        _get(NumberField.class, spec -> spec.withId("appointments-contact-longitude")).setValue(22.8);
        _click(_get(Button.class, spec -> spec.withId("appointments-contact-save")));
        assertThat(outcome("appointments-contact-outcome")).as("swapped coordinates are refused beside the button").contains("填反");
        _get(NumberField.class, spec -> spec.withId("appointments-contact-latitude")).setValue(22.8);
        _get(NumberField.class, spec -> spec.withId("appointments-contact-longitude")).setValue(108.3);
        _click(_get(Button.class, spec -> spec.withId("appointments-contact-save")));
        assertThat(outcome("appointments-contact-outcome")).isEqualTo("已保存“" + placeName + "”的联系方式。");
        JsonNode listed = GATEWAY.get("/api/v1/appointments/places?region=450103", admin).json();
        JsonNode saved = null;
        for (JsonNode p : listed) {
            if (p.path("id").asText().equals(place.id())) {
                saved = p;
            }
        }
        assertThat(saved).isNotNull();
        assertThat(saved.path("phone").asText()).isEqualTo("0771-5551234");
        assertThat(saved.path("latitude").asDouble()).isEqualTo(22.8);

        @SuppressWarnings("unchecked")
        ComboBox<DirectoryClient.StaffAccount> accounts = _get(ComboBox.class, spec -> spec.withId("appointments-provider-account"));
        accounts.setValue(accounts.getListDataView().getItems().filter(a -> a.id().equals(accountId)).findFirst().orElseThrow());
        @SuppressWarnings("unchecked")
        ComboBox<String> kind = _get(ComboBox.class, spec -> spec.withId("appointments-provider-kind"));
        kind.setValue("LAWYER");
        @SuppressWarnings("unchecked")
        ComboBox<DirectoryClient.Place> providerPlace = _get(ComboBox.class, spec -> spec.withId("appointments-provider-place"));
        providerPlace.setValue(providerPlace.getListDataView().getItems().filter(p -> p.id().equals(place.id())).findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("appointments-provider-add")));
        assertThat(outcome("appointments-provider-outcome")).startsWith("已登记 蒙律师" + suffix + "，");

        @SuppressWarnings("unchecked")
        Grid<DirectoryClient.Provider> providers = _get(Grid.class, spec -> spec.withId("appointments-providers"));
        DirectoryClient.Provider provider = providers.getGenericDataView().getItems()
                .filter(p -> p.accountId().equals(accountId)).findFirst().orElseThrow();
        assertThat(provider.windows()).isEmpty();
        providers.select(provider);
        @SuppressWarnings("unchecked")
        CheckboxGroup<Integer> weekdays = _get(CheckboxGroup.class, spec -> spec.withId("appointments-plan-weekdays"));
        weekdays.setValue(Set.of(1, 3));
        _get(TimePicker.class, spec -> spec.withId("appointments-plan-starts")).setValue(LocalTime.of(14, 0));
        _get(TimePicker.class, spec -> spec.withId("appointments-plan-ends")).setValue(LocalTime.of(17, 30));
        _click(_get(Button.class, spec -> spec.withId("appointments-plan-save")));
        assertThat(outcome("appointments-plan-outcome")).isEqualTo("已保存 蒙律师" + suffix + " 的每周排班。");

        JsonNode stored = GATEWAY.get("/api/v1/appointments/providers/" + provider.id(), admin).json();
        assertThat(stored.path("place").path("id").asText()).isEqualTo(place.id());
        assertThat(stored.path("plan").findValuesAsText("weekday")).containsExactlyInAnyOrder("1", "3");
        assertThat(stored.path("plan").findValuesAsText("starts")).containsOnly("14:00");
        assertThat(stored.path("plan").findValuesAsText("ends")).containsOnly("17:30");
    }

}
