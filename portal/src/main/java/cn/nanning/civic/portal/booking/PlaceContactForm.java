package cn.nanning.civic.portal.booking;

import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.ui.Actions;
import cn.nanning.civic.portal.ui.Outcome;
import cn.nanning.civic.portal.ui.Refusal;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;

import java.util.function.Consumer;

/**
 * 联系方式 of the place chosen in the grid: the phone residents call, opening hours, and the coordinates their map
 * opens at (read them off a map app: 纬度 about 22–24, 经度 about 107–109). The services check the formats.
 */
final class PlaceContactForm extends VerticalLayout {

    private final DirectoryClient directory;
    private final SignIn signIn;
    private final Consumer<DirectoryClient.Place> saved;
    private final H4 heading = new H4();
    final TextField phone = new TextField("联系电话");
    final TextField hours = new TextField("开放时间");
    final NumberField latitude = new NumberField("纬度");
    final NumberField longitude = new NumberField("经度");
    final Outcome outcome = new Outcome("appointments-contact-outcome");
    private DirectoryClient.Place place;

    PlaceContactForm(DirectoryClient directory, SignIn signIn, Consumer<DirectoryClient.Place> saved) {
        this.directory = directory;
        this.signIn = signIn;
        this.saved = saved;
        setId("appointments-contact");
        setPadding(false);
        phone.setId("appointments-contact-phone");
        phone.setPlaceholder("例如 0771-5551234");
        hours.setId("appointments-contact-hours");
        hours.setPlaceholder("例如 周一至周五 8:30–12:00，14:30–17:30");
        hours.setMaxLength(100);
        hours.setWidth("28em");
        latitude.setId("appointments-contact-latitude");
        longitude.setId("appointments-contact-longitude");
        latitude.setHelperText("约 22 至 24");
        longitude.setHelperText("约 107 至 109");
        Button save = Actions.primary("保存联系方式", "appointments-contact-save", outcome, this::save);
        add(heading, Actions.row(phone, hours), Actions.row(latitude, longitude), Actions.row(save, outcome));
        setVisible(false);
    }

    /** Shows the place's contact for editing (hidden when no place is chosen). */
    void show(DirectoryClient.Place chosen) {
        place = chosen;
        outcome.clear();
        setVisible(chosen != null);
        if (chosen == null) {
            return;
        }
        heading.setText("“" + chosen.name() + "”的联系方式（居民在小程序中可直接拨打电话、查看地图）");
        phone.setValue(chosen.phone() == null ? "" : chosen.phone());
        hours.setValue(chosen.openingHours() == null ? "" : chosen.openingHours());
        latitude.setValue(chosen.latitude());
        longitude.setValue(chosen.longitude());
    }

    private String save() {
        if (place == null) {
            throw new Refusal("请先在上表中选择服务地点。");
        }
        DirectoryClient.Place changed = signIn.withToken(token -> directory.changeContact(place.id(), phone.getValue(), hours.getValue(),
                latitude.getValue(), longitude.getValue(), token));
        saved.accept(changed);
        return "已保存“" + changed.name() + "”的联系方式。";
    }
}
