package cn.nanning.civic.portal.booking;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.FormRow;
import cn.nanning.civic.portal.base.MainLayout;
import cn.nanning.civic.portal.base.PortalShell;
import cn.nanning.civic.portal.base.RegionDirectory;
import cn.nanning.civic.portal.base.RequiresRole;
import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.base.StaffSession;
import cn.nanning.civic.portal.gateway.GatewayException;
import cn.nanning.civic.portal.ui.Actions;
import cn.nanning.civic.portal.ui.Outcome;
import cn.nanning.civic.portal.ui.Refusal;
import cn.nanning.civic.portal.ui.RegionPicker;
import cn.nanning.civic.portal.ui.Times;
import cn.nanning.civic.portal.ui.Widgets;
import cn.nanning.civic.portal.ui.Grids;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The administrator's booking directory (预约管理): places (公共法律服务站/点, 心理咨询室) in the area, the lawyers and
 * counsellors who take bookings there with their weekly plans, and the legal-aid applications past their deadlines.
 */
@Prototype
@Route(value = "appointments/admin", layout = MainLayout.class)
@PageTitle("预约管理 | " + PortalShell.PRODUCT)
@Menu(title = "预约管理", order = 45, icon = "vaadin:calendar-clock")
@RequiresRole({Role.ADMIN})
public final class AppointmentsAdminView extends VerticalLayout implements BeforeEnterObserver {

    static final Map<String, String> PLACE_KINDS = Map.of("LEGAL_SERVICE_STATION", "公共法律服务站",
            "LEGAL_SERVICE_POINT", "公共法律服务点", "COUNSELLING_ROOM", "心理咨询室");
    static final Map<String, String> PROVIDER_KINDS = Map.of("LAWYER", "律师", "LEGAL_AID_STAFF", "法律援助工作人员",
            "COUNSELLOR", "心理咨询师");
    private static final List<String> WEEKDAYS = List.of("周一", "周二", "周三", "周四", "周五", "周六", "周日");

    private final DirectoryClient directory;
    private final SignIn signIn;
    private final Outcome message = new Outcome("appointments-message");
    private final Outcome placeOutcome = new Outcome("appointments-place-outcome");
    private final Outcome providerOutcome = new Outcome("appointments-provider-outcome");
    private final Outcome planOutcome = new Outcome("appointments-plan-outcome");
    private final Grid<DirectoryClient.Place> places = Grids.saying("本区域还没有服务场所。", new Grid<>(DirectoryClient.Place.class, false));
    private final TextField placeName = new TextField("地点名称");
    private final ComboBox<String> placeKind = new ComboBox<>("类型");
    private final RegionPicker placeRegion;
    final PlaceContactForm contact;
    private final TextField placeAddress = new TextField("地址");
    private final Grid<DirectoryClient.Provider> providers = Grids.saying("本区域还没有登记的服务人员。", new Grid<>(DirectoryClient.Provider.class, false));
    private final ComboBox<DirectoryClient.StaffAccount> account = new ComboBox<>("工作人员账号");
    private final ComboBox<String> providerKind = new ComboBox<>("服务人员类型");
    private final ComboBox<DirectoryClient.Place> providerPlace = new ComboBox<>("服务地点");
    private final IntegerField slotMinutes = new IntegerField("每个时段（分钟）");
    private final IntegerField minNotice = new IntegerField("最短提前预约（分钟）");
    private final VerticalLayout plan = new VerticalLayout();
    private final CheckboxGroup<Integer> weekdays = new CheckboxGroup<>("工作日");
    private final TimePicker starts = Widgets.timePicker("开始");
    private final TimePicker ends = Widgets.timePicker("结束");
    private final Grid<DirectoryClient.OverdueApplication> overdue = Grids.saying("没有逾期的法律援助申请。", new Grid<>(DirectoryClient.OverdueApplication.class, false));

    AppointmentsAdminView(DirectoryClient directory, SignIn signIn, RegionDirectory regions) {
        this.directory = directory;
        this.signIn = signIn;
        this.placeRegion = new RegionPicker(regions, "地点所在区划", RegionPicker.Depth.ANY);
        this.contact = new PlaceContactForm(directory, signIn, changed -> {
            reload();
            places.getGenericDataView().getItems().filter(p -> p.id().equals(changed.id())).findFirst().ifPresent(places::select);
        });
        setId("appointments-admin");

        places.setId("appointments-places");
        places.addColumn(DirectoryClient.Place::name).setHeader("地点").setFlexGrow(1);
        places.addColumn(DirectoryClient.Place::kindLabel).setHeader("类型").setAutoWidth(true);
        places.addColumn(p -> p.regionName() == null ? regions.fullName(p.regionCode()) : p.regionName()).setHeader("区划").setAutoWidth(true);
        places.addColumn(p -> p.address() == null ? "" : p.address()).setHeader("地址").setAutoWidth(true);
        places.addColumn(p -> p.phone() == null ? "未填" : p.phone()).setHeader("电话").setAutoWidth(true);
        places.addColumn(p -> p.latitude() == null ? "未填" : "已填").setHeader("地图坐标").setAutoWidth(true);
        places.asSingleSelect().addValueChangeListener(change -> contact.show(change.getValue()));
        places.setAllRowsVisible(true);
        placeName.setId("appointments-place-name");
        placeKind.setId("appointments-place-kind");
        placeKind.setItems(PLACE_KINDS.keySet().stream().sorted().toList());
        placeKind.setItemLabelGenerator(PLACE_KINDS::get);
        placeRegion.setId("appointments-place-region");
        placeAddress.setId("appointments-place-address");
        Button addPlace = Actions.primary("登记地点", "appointments-place-add", placeOutcome, this::createPlace);

        providers.setId("appointments-providers");
        providers.addColumn(DirectoryClient.Provider::displayName).setHeader("姓名").setAutoWidth(true);
        providers.addColumn(DirectoryClient.Provider::kindLabel).setHeader("类型").setAutoWidth(true);
        providers.addColumn(p -> p.place() == null ? "" : p.place().name()).setHeader("服务地点").setFlexGrow(1);
        providers.addColumn(p -> p.slotMinutes() + " 分钟").setHeader("时段").setAutoWidth(true);
        providers.addColumn(p -> planSummary(p.windows())).setHeader("每周排班").setFlexGrow(1);
        providers.setAllRowsVisible(true);
        providers.asSingleSelect().addValueChangeListener(change -> showPlan(change.getValue()));
        account.setId("appointments-provider-account");
        account.setItemLabelGenerator(a -> a.displayName() + "（" + a.username() + "）");
        providerKind.setId("appointments-provider-kind");
        providerKind.setItems("LAWYER", "LEGAL_AID_STAFF", "COUNSELLOR");
        providerKind.setItemLabelGenerator(PROVIDER_KINDS::get);
        providerPlace.setId("appointments-provider-place");
        providerPlace.setItemLabelGenerator(DirectoryClient.Place::name);
        slotMinutes.setId("appointments-provider-slot");
        slotMinutes.setValue(30);
        slotMinutes.setMin(10);
        slotMinutes.setMax(240);
        minNotice.setId("appointments-provider-notice");
        minNotice.setValue(120);
        minNotice.setMin(0);
        Button addProvider = Actions.primary("登记服务人员", "appointments-provider-add", providerOutcome, this::createProvider);

        plan.setId("appointments-plan");
        plan.setPadding(false);
        plan.setVisible(false);
        weekdays.setId("appointments-plan-weekdays");
        weekdays.setItems(IntStream.rangeClosed(1, 7).boxed().toList());
        weekdays.setItemLabelGenerator(day -> WEEKDAYS.get(day - 1));
        starts.setId("appointments-plan-starts");
        starts.setStep(Duration.ofMinutes(30));
        starts.setValue(LocalTime.of(9, 0));
        ends.setId("appointments-plan-ends");
        ends.setStep(Duration.ofMinutes(30));
        ends.setValue(LocalTime.of(12, 0));
        Button savePlan = Actions.primary("保存排班", "appointments-plan-save", planOutcome, this::savePlan);
        plan.add(new H3("每周排班"), new Paragraph("所选工作日按同一时段排班；保存后替换原排班，节假日与请假期间不开放预约。"),
                weekdays, Actions.row(starts, ends, savePlan, planOutcome));

        overdue.setId("appointments-overdue");
        overdue.addColumn(DirectoryClient.OverdueApplication::applicantName).setHeader("申请人").setAutoWidth(true);
        overdue.addColumn(DirectoryClient.OverdueApplication::caseTypeLabel).setHeader("案件类型").setAutoWidth(true);
        overdue.addColumn(DirectoryClient.OverdueApplication::statusLabel).setHeader("状态").setAutoWidth(true);
        overdue.addColumn(a -> Times.day(a.submittedOn())).setHeader("受理日期").setAutoWidth(true);
        overdue.addColumn(a -> a.assignmentDue() != null ? "指派期限 " + Times.day(a.assignmentDue()) : "决定期限 " + Times.day(a.decisionDue()))
                .setHeader("期限").setAutoWidth(true);
        overdue.setAllRowsVisible(true);

        add(new H2("预约管理"), message,
                new H3("服务地点"), new Paragraph("在表中选择一个地点，可填写居民拨打的电话、开放时间和地图坐标。"), places, contact,
                FormRow.of(placeName, placeKind, placeAddress), placeRegion, Actions.row(addPlace, placeOutcome),
                new H3("服务人员"), providers, FormRow.of(account, providerKind, providerPlace, slotMinutes, minNotice),
                Actions.row(addProvider, providerOutcome), plan,
                new H3("逾期的法律援助申请"), new Paragraph("超过 7 个工作日未作决定或批准后 3 个工作日未指派律师的申请。"), overdue);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        placeRegion.startAtOwnArea();
        reload();
    }

    private void reload() {
        String area = area();
        try {
            List<DirectoryClient.Place> placeList = signIn.withToken(token -> directory.places(area, token));
            places.setItems(placeList);
            providerPlace.setItems(placeList);
            List<DirectoryClient.Provider> providerList = signIn.withToken(token -> directory.providers(area, token));
            providers.setItems(providerList);
            List<DirectoryClient.StaffAccount> accounts = new ArrayList<>();
            for (String role : List.of("LAWYER", "COUNSELLOR")) {
                accounts.addAll(signIn.withToken(token -> directory.staff(role, area, token)));
            }
            account.setItems(accounts);
            List<DirectoryClient.OverdueApplication> late = signIn.withToken(directory::overdueApplications);
            overdue.setItems(late);
        } catch (GatewayException e) {
            message.failed(e.getMessage());
        }
    }

    private String createPlace() {
        if (placeName.isEmpty() || placeKind.isEmpty()) {
            throw new Refusal("请填写地点名称、类型和区划。");
        }
        DirectoryClient.Place place = signIn.withToken(token -> directory.createPlace(placeName.getValue().strip(), placeKind.getValue(),
                placeRegion.chosen(), placeAddress.getValue(), token));
        placeName.clear();
        placeAddress.clear();
        reload();
        return "已登记服务地点“" + place.name() + "”。";
    }

    private String createProvider() {
        DirectoryClient.StaffAccount staff = account.getValue();
        if (staff == null || providerKind.isEmpty() || providerPlace.isEmpty() || slotMinutes.isEmpty() || minNotice.isEmpty()) {
            throw new Refusal("请选择工作人员账号、服务人员类型和服务地点，并填写时段与提前预约时间。");
        }
        signIn.withToken(token -> directory.createProvider(staff.id(), staff.displayName(), providerKind.getValue(),
                providerPlace.getValue().id(), slotMinutes.getValue(), minNotice.getValue(), token));
        reload();
        return "已登记 " + staff.displayName() + "，请在上表中选择其所在行，设置每周排班。";
    }

    private void showPlan(DirectoryClient.Provider provider) {
        plan.setVisible(provider != null);
        planOutcome.clear();
        if (provider != null) {
            weekdays.setValue(provider.windows().stream().map(DirectoryClient.Window::weekday).collect(Collectors.toSet()));
        }
    }

    private String savePlan() {
        DirectoryClient.Provider provider = providers.asSingleSelect().getValue();
        Set<Integer> days = new TreeSet<>(weekdays.getValue());
        if (provider == null || days.isEmpty() || starts.isEmpty() || ends.isEmpty() || !starts.getValue().isBefore(ends.getValue())) {
            throw new Refusal("请选择工作日，并确保开始时间早于结束时间。");
        }
        List<DirectoryClient.Window> windows = days.stream()
                .map(day -> new DirectoryClient.Window(day, starts.getValue().toString(), ends.getValue().toString())).toList();
        signIn.withToken(token -> directory.replacePlan(provider.id(), windows, token));
        reload();
        providers.getGenericDataView().getItems().filter(p -> p.id().equals(provider.id())).findFirst().ifPresent(providers::select);
        return "已保存 " + provider.displayName() + " 的每周排班。";
    }

    /** "周一 09:00–12:00；周三 14:00–17:00" */
    static String planSummary(List<DirectoryClient.Window> windows) {
        if (windows.isEmpty()) {
            return "未排班";
        }
        return windows.stream().sorted(java.util.Comparator.comparingInt(DirectoryClient.Window::weekday)
                        .thenComparing(DirectoryClient.Window::starts))
                .map(w -> WEEKDAYS.get(w.weekday() - 1) + " " + w.starts() + "–" + w.ends())
                .collect(Collectors.joining("；"));
    }

    private static String area() {
        return StaffSession.current().map(StaffSession::regionCode).orElse("450100");
    }


}
