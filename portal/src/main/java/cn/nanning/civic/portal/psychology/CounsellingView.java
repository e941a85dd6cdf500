package cn.nanning.civic.portal.psychology;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.MainLayout;
import cn.nanning.civic.portal.base.PortalShell;
import cn.nanning.civic.portal.base.RequiresRole;
import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.base.StaffSession;
import cn.nanning.civic.portal.booking.AgendaRange;
import cn.nanning.civic.portal.booking.BookingClient;
import cn.nanning.civic.portal.gateway.GatewayException;
import cn.nanning.civic.portal.ui.Actions;
import cn.nanning.civic.portal.ui.Outcome;
import cn.nanning.civic.portal.ui.Refusal;
import cn.nanning.civic.portal.ui.Times;
import cn.nanning.civic.portal.ui.Grids;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The counsellor's day (心理咨询): the sessions of a day or week, urgent screenings (crisis answers) first; attendance;
 * counselling notes of a selected session, editable only by the counsellor of that session (the agenda holds only
 * their own clients).
 */
@Prototype
@Route(value = "counselling", layout = MainLayout.class)
@PageTitle("心理咨询 | " + PortalShell.PRODUCT)
@Menu(title = "心理咨询", order = 40, icon = "vaadin:user-heart")
@RequiresRole(Role.COUNSELLOR)
public final class CounsellingView extends VerticalLayout implements BeforeEnterObserver {

    private final CounsellingClient client;
    private final BookingClient bookings;
    private final SignIn signIn;
    private final Outcome message = new Outcome("counselling-message");
    private final Outcome agendaOutcome = new Outcome("counselling-agenda-outcome");
    private final Outcome noteOutcome = new Outcome("counselling-note-outcome");
    private final AgendaRange range;
    private final Grid<BookingClient.Booking> today = Grids.saying("所选日期没有预约。", new Grid<>(BookingClient.Booking.class, false));
    private final Button attended;
    private final Button noShow;
    private final VerticalLayout notes = new VerticalLayout();
    private final Div clientPanel = new Div();
    private final Outcome clientOutcome = new Outcome("counselling-client-outcome");
    private final Grid<CounsellingClient.Note> noteList = Grids.saying("还没有咨询记录。", new Grid<>(CounsellingClient.Note.class, false));
    private final TextArea noteText = new TextArea("新增咨询记录");

    CounsellingView(CounsellingClient client, BookingClient bookings, SignIn signIn) {
        this.client = client;
        this.bookings = bookings;
        this.signIn = signIn;
        this.range = new AgendaRange("counselling", this::reload);
        setId("counselling-day");
        today.setId("counselling-today");
        today.addColumn(b -> b.urgent() ? "⚠ 紧急" : "").setHeader("筛查提示").setAutoWidth(true);
        today.addColumn(AgendaRange::when).setHeader("时间").setAutoWidth(true);
        today.addColumn(BookingClient.Booking::modeLabel).setHeader("方式").setAutoWidth(true);
        today.addColumn(BookingClient.Booking::statusLabel).setHeader("状态").setAutoWidth(true);
        today.addColumn(b -> b.topic() == null ? "" : b.topic()).setHeader("来访者自述").setFlexGrow(1);
        today.setPartNameGenerator(b -> b.urgent() ? "urgent" : null);
        today.setAllRowsVisible(true);
        attended = Actions.button("已到场", "counselling-attended", agendaOutcome, () -> recordAttendance(b ->
                signIn.withToken(token -> bookings.attended(b.id(), token)), "已登记到场。"));
        noShow = Actions.button("未到场", "counselling-no-show", agendaOutcome, () -> recordAttendance(b ->
                signIn.withToken(token -> bookings.noShow(b.id(), token)), "已登记未到场（爽约）。"));
        today.asSingleSelect().addValueChangeListener(change -> {
            agendaOutcome.clear();
            noteOutcome.clear();
            showNotes(change.getValue());
            showClient(change.getValue());
            attended.setEnabled(change.getValue() != null && change.getValue().awaitingAttendance());
            noShow.setEnabled(change.getValue() != null && change.getValue().awaitingAttendance());
        });
        attended.setEnabled(false);
        noShow.setEnabled(false);

        notes.setId("counselling-notes");
        notes.setPadding(false);
        notes.setVisible(false);
        noteList.setId("counselling-note-list");
        noteList.addColumn(n -> Times.minute(n.createdAt())).setHeader("记录时间").setAutoWidth(true);
        noteList.addColumn(CounsellingClient.Note::text).setHeader("内容").setFlexGrow(1);
        noteList.setAllRowsVisible(true);
        noteList.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        noteText.setId("counselling-note-text");
        noteText.setMaxLength(5000);
        noteText.setWidthFull();
        Button save = Actions.primary("保存记录", "counselling-note-save", noteOutcome, this::saveNote);
        notes.add(new H3("咨询记录（加密保存，仅本人及您共享的督导可见，每次查看均留痕）"), noteList, noteText,
                Actions.row(save, noteOutcome));

        add(new H2("心理咨询 · 今日工作"), message,
                new Paragraph("筛查提示为“紧急”的来访者（如 PHQ-9 第 9 题有风险作答）排在最前，请优先联系。"),
                range, today, Actions.row(attended, noShow, agendaOutcome), clientPanel, notes);
        clientPanel.setId("counselling-client");
        clientPanel.addClassName("detail-panel");
        clientPanel.setVisible(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        reload();
    }

    private void reload() {
        try {
            List<BookingClient.Booking> list = signIn.withToken(token -> bookings.agenda(range.from(), range.to(), token));
            today.setItems(list.stream().filter(b -> "PSYCHOLOGY".equals(b.service()))
                    .sorted(Comparator.comparing((BookingClient.Booking b) -> !b.urgent()).thenComparing(BookingClient.Booking::startsAt))
                    .toList());
        } catch (GatewayException e) {
            today.setItems(List.of());
            message.failed(e.getMessage());
        }
    }

    /**
     * Who the client is and how to reach them: shown at once for an urgent screening (call them first), on request
     * otherwise. Both reads are audited by the services.
     */
    private void showClient(BookingClient.Booking booking) {
        clientPanel.removeAll();
        clientOutcome.clear();
        clientPanel.setVisible(booking != null);
        if (booking == null) {
            return;
        }
        Div facts = new Div();
        facts.setId("counselling-client-facts");
        Button reveal = Actions.button("查看来访者身份、联系方式和筛查结果", "counselling-reveal-client", clientOutcome, () -> {
            fillClient(facts, booking);
            return "本次查看已记录。";
        });
        clientPanel.add(new H3(booking.urgent() ? "来访者（筛查提示紧急，请尽快联系）" : "来访者"), facts, Actions.row(reveal, clientOutcome));
        if (booking.urgent()) {
            clientOutcome.run(() -> {
                fillClient(facts, booking);
                reveal.setVisible(false);
                return "紧急来访者的身份和联系方式已显示，本次查看已记录。";
            });
        }
    }

    private void fillClient(Div facts, BookingClient.Booking booking) {
        CounsellingClient.Client who = signIn.withToken(token -> client.client(booking.id(), token));
        CounsellingClient.Intake intake = signIn.withToken(token -> client.intake(booking.id(), token));
        facts.removeAll();
        facts.add(new Paragraph("姓名：" + (who.name() == null ? "（未填写）" : who.name())
                + (who.idNumber() == null ? "　本人声明已年满 18 周岁，未提供身份证号码"
                : "　年龄：" + who.age() + " 岁" + (who.minor() ? "（未成年）" : "") + "　身份证号：" + who.idNumber())));
        facts.add(new Paragraph("联系电话：" + (who.phone() == null ? "（未填写，请通过预约时的方式或监护人联系）" : who.phone())));
        if (who.guardian() != null) {
            facts.add(new Paragraph("监护人：" + who.guardian().name() + "（" + who.guardian().relation() + "）电话 " + who.guardian().phone()));
        }
        CounsellingClient.Screening screening = intake.screening();
        facts.add(new Paragraph(screening == null ? "筛查：来访者未做自评。"
                : "筛查：PHQ-9 " + orDash(screening.phq9Score()) + " 分（" + orDash(screening.phq9Level()) + "），GAD-7 "
                + orDash(screening.gad7Score()) + " 分（" + orDash(screening.gad7Level()) + "）"
                + (screening.risk() ? "；第 9 题有风险作答" : "")));
    }

    private static String orDash(Object value) {
        return value == null ? "—" : value.toString();
    }

    /** Notes are shown and editable only for a session of the signed-in counsellor's own agenda. */
    private void showNotes(BookingClient.Booking booking) {
        boolean counsellor = StaffSession.current().map(s -> s.roles().contains(Role.COUNSELLOR)).orElse(false);
        notes.setVisible(booking != null && counsellor);
        if (!notes.isVisible()) {
            return;
        }
        try {
            List<CounsellingClient.Note> list = signIn.withToken(token -> client.notes(booking.id(), token));
            noteList.setItems(list);
        } catch (GatewayException e) {
            notes.setVisible(false);
            message.failed(e.getMessage());
        }
    }

    private String saveNote() {
        BookingClient.Booking booking = today.asSingleSelect().getValue();
        if (booking == null || noteText.getValue().isBlank()) {
            throw new Refusal("请先选择来访者并填写记录内容。");
        }
        signIn.withToken(token -> client.write(booking.id(), noteText.getValue().strip(), token));
        noteText.clear();
        showNotes(booking);
        return "咨询记录已保存。";
    }

    private String recordAttendance(Function<BookingClient.Booking, ?> action, String done) {
        BookingClient.Booking booking = today.asSingleSelect().getValue();
        if (booking == null) {
            throw new Refusal("请先在上表中选择一个预约。");
        }
        action.apply(booking);
        reload();
        return done;
    }
}
