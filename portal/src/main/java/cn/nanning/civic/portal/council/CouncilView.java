package cn.nanning.civic.portal.council;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.MainLayout;
import cn.nanning.civic.portal.base.RegionDirectory;
import cn.nanning.civic.portal.base.PublicAddress;
import cn.nanning.civic.portal.base.PortalShell;
import cn.nanning.civic.portal.base.RequiresRole;
import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.ui.Outcome;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;

/**
 * The convener's desk for the 老友议事会 of their area: council management (charter, representatives), topic triage,
 * meetings, the 四议两公开 step register, and the two publications. Every rule is the services'; this view shows
 * their Chinese explanations when they refuse.
 */
@Prototype
@Route(value = "council", layout = MainLayout.class)
@PageTitle("老友议事会 | " + PortalShell.PRODUCT)
@Menu(title = "老友议事会", order = 50, icon = "vaadin:group")
@RequiresRole({Role.CONVENER, Role.ADMIN})
public final class CouncilView extends VerticalLayout implements BeforeEnterObserver {

    static final String[] TABS = {"议事会", "议题分拣", "议事会议", "四议两公开登记", "决议与实施公开"};

    private final CouncilClient client;
    private final SignIn signIn;
    private final Outcome message = new Outcome("council-message");
    private final CouncilPicker picker = new CouncilPicker("council-select");
    final TabSheet tabs = new TabSheet();
    final CharterPanel charter;
    final TriagePanel triage;
    final MeetingsPanel meetings;
    final StepRegisterPanel steps;
    final PublicationsPanel publications;
    final NewCouncilForm newCouncil;
    final Details setUp;

    CouncilView(CouncilClient client, SignIn signIn, RegionDirectory regions, PublicAddress addresses) {
        this.client = client;
        this.signIn = signIn;
        setId("council-desk");
        newCouncil = new NewCouncilForm(client, signIn, regions, this::created);
        setUp = new Details("设立议事会", newCouncil);
        setUp.setId("council-new");
        charter = new CharterPanel(client, signIn, picker::councilId, addresses);
        triage = new TriagePanel(client, signIn, picker::councilId);
        meetings = new MeetingsPanel(client, signIn, picker::councilId);
        steps = new StepRegisterPanel(client, signIn, picker::councilId);
        publications = new PublicationsPanel(client, signIn, picker::councilId);
        tabs.setId("council-tabs");
        tabs.setWidthFull();
        tabs.add(TABS[0], charter);
        tabs.add(TABS[1], triage);
        tabs.add(TABS[2], meetings);
        tabs.add(TABS[3], steps);
        tabs.add(TABS[4], publications);
        tabs.addSelectedChangeListener(change -> refresh());
        picker.addValueChangeListener(change -> refresh());
        add(new H2("老友议事会"), message, picker, setUp, tabs);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        picker.load(client, signIn, message, null);
        newCouncil.startNew();
        // An area without a council starts with the form open: setting one up is the first thing to do there.
        setUp.setOpened(picker.isEmpty());
        if (picker.isEmpty() && message.kind() == Outcome.Kind.NOTE) {
            message.note(message.message() + "请在下方“设立议事会”中填写。");
        }
    }

    private void created(CouncilClient.Council council) {
        message.clear();
        picker.load(client, signIn, message, council.id());
        setUp.setOpened(false);
        tabs.setSelectedIndex(0);
        refresh();
    }

    /** Reloads the open tab for the chosen council. */
    private void refresh() {
        if (picker.councilId() == null) {
            return;
        }
        switch (tabs.getSelectedIndex()) {
            case 0 -> charter.show();
            case 1 -> triage.show();
            case 2 -> meetings.show();
            case 3 -> steps.show();
            default -> publications.show();
        }
    }

}
