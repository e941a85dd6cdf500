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
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
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
@RequiresRole({Role.COUNSELLOR, Role.ADMIN})
public final class CounsellingView extends VerticalLayout implements BeforeEnterObserver {

    private final CounsellingClient client;
    private final BookingClient bookings;
    private final SignIn signIn;
    private final Paragraph message = new Paragraph();
    private final AgendaRange range;
    private final Grid<BookingClient.Booking> today = new Grid<>(BookingClient.Booking.class, false);
    private final Button attended = new Button("已到场");
    private final Button noShow = new Button("未到场");
    private final VerticalLayout notes = new VerticalLayout();
    private final Grid<CounsellingClient.Note> noteList = new Grid<>(CounsellingClient.Note.class, false);
    private final TextArea noteText = new TextArea("新增咨询记录");

    CounsellingView(CounsellingClient client, BookingClient bookings, SignIn signIn) {
        this.client = client;
        this.bookings = bookings;
        this.signIn = signIn;
        this.range = new AgendaRange("counselling", this::reload);
        setId("counselling-day");
        message.setId("counselling-message");
        message.setVisible(false);
        today.setId("counselling-today");
        today.addColumn(b -> b.urgent() ? "紧急" : "").setHeader("筛查提示").setAutoWidth(true);
        today.addColumn(AgendaRange::when).setHeader("时间").setAutoWidth(true);
        today.addColumn(BookingClient.Booking::modeLabel).setHeader("方式").setAutoWidth(true);
        today.addColumn(BookingClient.Booking::statusLabel).setHeader("状态").setAutoWidth(true);
        today.setPartNameGenerator(b -> b.urgent() ? "urgent" : null);
        today.setAllRowsVisible(true);
        today.asSingleSelect().addValueChangeListener(change -> {
            showNotes(change.getValue());
            attended.setEnabled(change.getValue() != null && change.getValue().awaitingAttendance());
            noShow.setEnabled(change.getValue() != null && change.getValue().awaitingAttendance());
        });
        attended.setId("counselling-attended");
        attended.setEnabled(false);
        attended.addClickListener(click -> recordAttendance(b -> signIn.withToken(token -> bookings.attended(b.id(), token)), "已登记到场。"));
        noShow.setId("counselling-no-show");
        noShow.setEnabled(false);
        noShow.addClickListener(click -> recordAttendance(b -> signIn.withToken(token -> bookings.noShow(b.id(), token)), "已登记未到场（爽约）。"));

        notes.setId("counselling-notes");
        notes.setPadding(false);
        notes.setVisible(false);
        noteList.setId("counselling-note-list");
        noteList.addColumn(CounsellingClient.Note::createdAt).setHeader("记录时间").setAutoWidth(true);
        noteList.addColumn(CounsellingClient.Note::text).setHeader("内容").setFlexGrow(1);
        noteList.setAllRowsVisible(true);
        noteText.setId("counselling-note-text");
        noteText.setMaxLength(5000);
        noteText.setWidthFull();
        Button save = new Button("保存记录", click -> saveNote());
        save.setId("counselling-note-save");
        notes.add(new H3("咨询记录（加密保存，仅本人及您共享的督导可见，每次查看均留痕）"), noteList, noteText, save);

        add(new H2("心理咨询 · 今日工作"), message,
                new Paragraph("筛查提示为“紧急”的来访者（如 PHQ-9 第 9 题有风险作答）排在最前，请优先联系。"),
                range, today, new HorizontalLayout(attended, noShow), notes);
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
            showMessage(e.getMessage());
        }
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
            showMessage(e.getMessage());
        }
    }

    private void saveNote() {
        BookingClient.Booking booking = today.asSingleSelect().getValue();
        if (booking == null || noteText.getValue().isBlank()) {
            showMessage("请先选择来访者并填写记录内容。");
            return;
        }
        try {
            signIn.withToken(token -> client.write(booking.id(), noteText.getValue().strip(), token));
            noteText.clear();
            showNotes(booking);
            showMessage("咨询记录已保存。");
        } catch (GatewayException e) {
            showMessage(e.getMessage());
        }
    }

    private void recordAttendance(Function<BookingClient.Booking, ?> action, String done) {
        BookingClient.Booking booking = today.asSingleSelect().getValue();
        if (booking == null) {
            return;
        }
        try {
            action.apply(booking);
            reload();
            showMessage(done);
        } catch (GatewayException e) {
            showMessage(e.getMessage());
        }
    }

    private void showMessage(String text) {
        message.setText(text);
        message.setVisible(true);
    }
}
