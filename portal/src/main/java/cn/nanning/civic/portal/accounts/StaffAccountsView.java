package cn.nanning.civic.portal.accounts;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.MainLayout;
import cn.nanning.civic.portal.base.PortalShell;
import cn.nanning.civic.portal.base.RegionDirectory;
import cn.nanning.civic.portal.base.RequiresRole;
import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.gateway.GatewayException;
import cn.nanning.civic.portal.ui.Actions;
import cn.nanning.civic.portal.ui.Grids;
import cn.nanning.civic.portal.ui.Outcome;
import cn.nanning.civic.portal.ui.Refusal;
import cn.nanning.civic.portal.ui.RegionPicker;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;

import java.security.SecureRandom;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 员工账号, for administrators: the staff of their area by name, roles, division and status; new accounts with a
 * first password shown once; role changes; disabling an account and clearing a lost phone's second factor, both after
 * a confirmation. Administrators hand out working roles only (the gateway enforces it too).
 */
@Prototype
@Route(value = "staff", layout = MainLayout.class)
@PageTitle("员工账号 | " + PortalShell.PRODUCT)
@Menu(title = "员工账号", order = 85, icon = "vaadin:users")
@RequiresRole({Role.ADMIN})
public final class StaffAccountsView extends VerticalLayout implements BeforeEnterObserver {

    /** The roles an administrator may grant, in the order people think of them. */
    static final List<Role> GRANTABLE = List.of(Role.CLERK, Role.CONVENER, Role.ORGANIZER, Role.VOLUNTEER, Role.LAWYER,
            Role.COUNSELLOR);
    /** Letters and digits nobody confuses when reading them aloud or typing them (no 0/O, 1/l/I). */
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final Collator CHINESE = Collator.getInstance(Locale.SIMPLIFIED_CHINESE);

    private final AccountsClient accounts;
    private final RegionDirectory regions;
    private final SignIn signIn;
    private final SecureRandom random = new SecureRandom();

    private final TextField search = new TextField("查找");
    private final Outcome listOutcome = new Outcome("staff-list-outcome");
    private final Grid<AccountsClient.StaffMember> grid =
            Grids.saying("本辖区还没有工作人员账号。可在下方“新建账号”中添加。", new Grid<>());
    private List<AccountsClient.StaffMember> all = List.of();

    private final Span chosen = new Span();
    private final CheckboxGroup<Role> editRoles = roles("角色");
    private final Outcome rolesOutcome = new Outcome("roles-outcome");
    private final Outcome memberOutcome = new Outcome("member-outcome");
    private final VerticalLayout memberPanel = new VerticalLayout();
    private final Paragraph memberNote = new Paragraph();
    private final HorizontalLayout rolesRow;
    private final HorizontalLayout accountRow;
    private AccountsClient.StaffMember selected;
    /** While the grid's rows are replaced: its selection events are the refresh's, not the person's. */
    private boolean refreshing;

    private final TextField username = new TextField("用户名（登录用）");
    private final TextField displayName = new TextField("姓名");
    private final CheckboxGroup<Role> newRoles = roles("角色");
    private final RegionPicker region;
    private final Outcome createOutcome = new Outcome("create-outcome");
    private final Div firstPassword = new Div();

    StaffAccountsView(AccountsClient accounts, RegionDirectory regions, SignIn signIn) {
        this.accounts = accounts;
        this.regions = regions;
        this.signIn = signIn;
        setId("staff-accounts");

        search.setId("staff-search");
        search.setPlaceholder("姓名、角色或区划");
        search.setClearButtonVisible(true);
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("18em");
        search.addValueChangeListener(change -> filter());

        grid.setId("staff-grid");
        grid.addColumn(AccountsClient.StaffMember::displayName).setHeader("姓名").setAutoWidth(true).setFlexGrow(0)
                .setComparator(Comparator.comparing(AccountsClient.StaffMember::displayName, CHINESE)).setSortable(true);
        grid.addColumn(m -> roleLabels(m.roles())).setHeader("角色").setFlexGrow(1);
        grid.addColumn(m -> regions.fullName(m.regionCode())).setHeader("所属区划").setFlexGrow(1);
        grid.addColumn(m -> m.secondFactorEnrolled() ? "已绑定" : "未绑定").setHeader("动态口令").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> m.enabled() ? "正常" : "已停用").setHeader("状态").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setPartNameGenerator(m -> m.enabled() ? null : "disabled");
        grid.setHeight("24em");
        grid.asSingleSelect().addValueChangeListener(change -> {
            if (!refreshing) {
                choose(change.getValue());
            }
        });

        // The chosen member
        chosen.setId("chosen-staff");
        chosen.getStyle().set("font-weight", "600");
        editRoles.setId("edit-roles");
        Button saveRoles = Actions.primary("保存角色", "save-roles", rolesOutcome, this::saveRoles);
        Button disable = Actions.confirmed("停用账号", "disable-staff", memberOutcome,
                Actions.Confirmation.destructive("停用账号", "停用后此人无法再登录，已登录的电脑会在几秒内退出。确定停用吗？", "停用"),
                this::disable);
        Button resetOtp = Actions.confirmed("重置动态口令", "reset-otp", memberOutcome,
                Actions.Confirmation.of("重置动态口令", "此人换了手机或丢了手机时使用：清除原来的动态口令并退出其所有登录，"
                        + "此人下次登录后需重新绑定。确定重置吗？", "重置"),
                this::resetSecondFactor);
        memberPanel.setId("staff-member");
        memberPanel.setPadding(false);
        rolesRow = Actions.row(editRoles, saveRoles, rolesOutcome);
        accountRow = Actions.row(resetOtp, disable, memberOutcome);
        memberPanel.add(new H3("调整所选人员"), new Span(new Span("所选人员："), chosen), memberNote, rolesRow, accountRow);
        memberPanel.setVisible(false);

        // A new account
        username.setId("new-username");
        username.setHelperText("3–40 位字母、数字或 _ . -，登录时使用");
        username.setMaxLength(40);
        username.setWidth("18em");
        displayName.setWidth("14em");
        username.setAllowedCharPattern("[A-Za-z0-9_.\\-]");
        displayName.setId("new-display-name");
        displayName.setMaxLength(50);
        newRoles.setId("new-roles");
        region = new RegionPicker(regions, "所属区划", RegionPicker.Depth.ANY);
        region.setId("new-region");
        Button create = Actions.primary("新建账号", "create-staff", createOutcome, this::create);
        firstPassword.setId("first-password");
        firstPassword.setVisible(false);

        add(new H2("员工账号"),
                new Paragraph("本辖区工作人员的账号。管理员可新建代办员、召集人、活动组织者、志愿者、律师和心理咨询师账号；"
                        + "管理员和审计员账号由运维人员开设。每次变动都记入审计日志。"),
                Actions.row(search, listOutcome), grid, memberPanel,
                new H3("新建账号"), Actions.row(username, displayName), newRoles, region,
                Actions.row(create, createOutcome), firstPassword);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // Coming back through the menu starts afresh: nobody chosen, nothing said beside the actions.
        choose(null);
        region.startAtOwnArea();
        listOutcome.run(this::load);
    }

    private String load() {
        try {
            all = signIn.withToken(accounts::staff);
        } catch (GatewayException e) {
            all = List.of();
            filter();
            throw e;
        }
        filter();
        return null;
    }

    private void filter() {
        String wanted = search.getValue() == null ? "" : search.getValue().strip();
        List<AccountsClient.StaffMember> shown = wanted.isEmpty() ? all : all.stream()
                .filter(m -> m.displayName().contains(wanted) || roleLabels(m.roles()).contains(wanted)
                        || regions.fullName(m.regionCode()).contains(wanted))
                .toList();
        AccountsClient.StaffMember keep = selected;
        AccountsClient.StaffMember again = keep == null ? null
                : shown.stream().filter(m -> m.id().equals(keep.id())).findFirst().orElse(null);
        refreshing = true;
        try {
            grid.setItems(shown);
            if (again != null) {
                grid.select(again);
            }
        } finally {
            refreshing = false;
        }
        if (keep != null) {
            choose(again);
        }
        if (!wanted.isEmpty()) {
            if (shown.isEmpty()) {
                listOutcome.note("没有找到与“" + wanted + "”相符的工作人员。");
            } else {
                listOutcome.note("找到 " + shown.size() + " 位工作人员。");
            }
        } else {
            listOutcome.clear();
        }
    }

    private void choose(AccountsClient.StaffMember member) {
        boolean another = selected == null || member == null || !selected.id().equals(member.id());
        selected = member;
        if (another) {
            // The lines beside the actions spoke of the person chosen before.
            rolesOutcome.clear();
            memberOutcome.clear();
        }
        if (member == null) {
            memberPanel.setVisible(false);
            return;
        }
        chosen.setText(member.displayName() + "（" + regions.fullName(member.regionCode()) + "，"
                + (member.enabled() ? "正常" : "已停用") + "）");
        Set<Role> held = EnumSet.noneOf(Role.class);
        member.roles().forEach(name -> known(name).ifPresent(held::add));
        boolean adjustable = held.stream().noneMatch(r -> r == Role.ADMIN || r == Role.AUDITOR) && member.enabled();
        editRoles.setValue(held.stream().filter(GRANTABLE::contains).collect(Collectors.toSet()));
        editRoles.setEnabled(adjustable);
        memberNote.setText(!member.enabled() ? "此账号已停用，不能再调整。"
                : adjustable ? "" : "管理员和审计员账号只能由运维人员调整。");
        memberNote.setVisible(!memberNote.getText().isEmpty());
        rolesRow.setEnabled(adjustable);
        accountRow.setEnabled(adjustable);
        memberPanel.setVisible(true);
    }

    private String saveRoles() {
        AccountsClient.StaffMember member = requireSelected();
        List<String> roles = names(editRoles.getValue());
        if (roles.isEmpty()) {
            throw new Refusal("请至少选择一个角色。");
        }
        AccountsClient.StaffMember changed = signIn.withToken(token -> accounts.changeRoles(member.id(), roles, token));
        replace(changed);
        return "已将" + changed.displayName() + "的角色改为：" + roleLabels(changed.roles()) + "。此人需重新登录后生效。";
    }

    private String disable() {
        AccountsClient.StaffMember member = requireSelected();
        AccountsClient.StaffMember changed = signIn.withToken(token -> accounts.disable(member.id(), token));
        replace(changed);
        return "已停用" + changed.displayName() + "的账号，此人已无法登录。";
    }

    private String resetSecondFactor() {
        AccountsClient.StaffMember member = requireSelected();
        AccountsClient.StaffMember changed = signIn.withToken(token -> accounts.resetSecondFactor(member.id(), token));
        replace(changed);
        return "已重置" + changed.displayName() + "的动态口令，其登录已全部退出；此人下次登录后需重新绑定。";
    }

    private String create() {
        String name = username.getValue().strip();
        String person = displayName.getValue().strip();
        List<String> roles = names(newRoles.getValue());
        if (name.isEmpty() || person.isEmpty()) {
            throw new Refusal("请填写用户名和姓名。");
        }
        if (!name.matches("[A-Za-z0-9_.-]{3,40}")) {
            throw new Refusal("用户名为 3–40 位字母、数字或 _ . -。");
        }
        if (roles.isEmpty()) {
            throw new Refusal("请至少选择一个角色。");
        }
        String code = region.chosen();
        String password = newPassword();
        AccountsClient.StaffMember created = signIn.withToken(token ->
                accounts.create(name, person, roles, code, password, token));
        List<AccountsClient.StaffMember> more = new ArrayList<>(all);
        more.add(created);
        all = List.copyOf(more);
        filter();
        showFirstPassword(created, password);
        username.clear();
        displayName.clear();
        newRoles.clear();
        return "已为" + created.displayName() + "新建账号（" + regions.fullName(created.regionCode()) + "，"
                + roleLabels(created.roles()) + "）。";
    }

    /** The first password, shown this once: the administrator hands it over; the person changes it in 我的账号. */
    private void showFirstPassword(AccountsClient.StaffMember created, String password) {
        firstPassword.removeAll();
        Span secret = new Span(password);
        secret.setId("first-password-value");
        secret.addClassName("otp-secret");
        Span login = new Span(created.username());
        login.setId("first-password-username");
        login.addClassName("otp-secret");
        firstPassword.add(new Paragraph("请把用户名和初始密码当面或电话告知本人（只显示这一次，离开本页后无法再查看）："),
                new Div(new Span("用户名："), login), new Div(new Span("初始密码："), secret),
                new Paragraph("本人首次登录后，请在“我的账号”中修改密码并绑定动态口令。"));
        firstPassword.getStyle().set("border-left", "4px solid var(--lumo-primary-color)").set("padding", "0.5em 1em")
                .set("background", "var(--lumo-contrast-5pct)");
        firstPassword.setVisible(true);
    }

    private String newPassword() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            out.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return out.toString();
    }

    private AccountsClient.StaffMember requireSelected() {
        if (selected == null) {
            throw new Refusal("请先在上面的列表中选择一位工作人员。");
        }
        return selected;
    }

    private void replace(AccountsClient.StaffMember changed) {
        all = all.stream().map(m -> m.id().equals(changed.id()) ? changed : m).toList();
        selected = changed;
        filter();
    }

    private static CheckboxGroup<Role> roles(String label) {
        CheckboxGroup<Role> group = new CheckboxGroup<>(label);
        group.setItems(GRANTABLE);
        group.setItemLabelGenerator(Role::label);
        return group;
    }

    private static List<String> names(Set<Role> roles) {
        return GRANTABLE.stream().filter(roles::contains).map(Role::name).toList();
    }

    static String roleLabels(List<String> names) {
        Set<Role> roles = new LinkedHashSet<>();
        names.forEach(name -> known(name).ifPresent(roles::add));
        return roles.stream().sorted().map(Role::label).collect(Collectors.joining("、"));
    }

    private static java.util.Optional<Role> known(String name) {
        try {
            return java.util.Optional.of(Role.valueOf(name));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
