package cn.nanning.civic.portal.council;

import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.gateway.GatewayException;
import cn.nanning.civic.portal.ui.Actions;
import cn.nanning.civic.portal.ui.Outcome;
import cn.nanning.civic.portal.ui.Refusal;
import cn.nanning.civic.portal.ui.Widgets;
import cn.nanning.civic.portal.ui.Grids;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** 议事会议: schedule with an agenda of live topics; after the start record the representatives present and the minutes. */
final class MeetingsPanel extends VerticalLayout {

    private final CouncilClient client;
    private final SignIn signIn;
    private final Supplier<String> council;
    final Grid<CouncilClient.Meeting> meetings = Grids.saying("还没有安排会议。", new Grid<>(CouncilClient.Meeting.class, false));
    private final MultiSelectComboBox<CouncilClient.Topic> agenda = new MultiSelectComboBox<>("议程（本议事会征集中或已采纳的议题）");
    final Outcome scheduleOutcome = new Outcome("council-schedule-outcome");
    final Outcome recordOutcome = new Outcome("council-record-outcome");
    private final CheckboxGroup<CouncilClient.Representative> present = new CheckboxGroup<>("出席代表");

    MeetingsPanel(CouncilClient client, SignIn signIn, Supplier<String> council) {
        this.client = client;
        this.signIn = signIn;
        this.council = council;
        setId("council-meetings-panel");
        setPadding(false);
        meetings.setId("council-meetings");
        meetings.addColumn(CouncilClient.Meeting::title).setHeader("会议").setAutoWidth(true);
        meetings.addColumn(CouncilClient.Meeting::place).setHeader("地点").setAutoWidth(true);
        meetings.addColumn(m -> Texts.time(m.startsAt())).setHeader("开始时间").setAutoWidth(true);
        meetings.addColumn(m -> m.agenda().stream().map(CouncilClient.AgendaItem::title).collect(Collectors.joining("；")))
                .setHeader("议程").setFlexGrow(1);
        meetings.addColumn(CouncilClient.Meeting::registrations).setHeader("报名人数").setAutoWidth(true);
        meetings.addColumn(m -> "HELD".equals(m.status()) ? "代表 " + m.representativesPresent().size() + " 人，居民 "
                + (m.residentsPresent() + (m.walkIns() == null ? 0 : m.walkIns())) + " 人" : "").setHeader("出席").setAutoWidth(true);
        meetings.addColumn(CouncilClient.Meeting::statusLabel).setHeader("状态").setAutoWidth(true);
        meetings.setAllRowsVisible(true);

        TextField title = new TextField("会议名称");
        title.setId("council-meeting-title");
        TextField place = new TextField("地点");
        place.setId("council-meeting-place");
        DateTimePicker start = Widgets.dateTimePicker("开始时间");
        start.setId("council-meeting-start");
        DateTimePicker end = Widgets.dateTimePicker("结束时间");
        end.setId("council-meeting-end");
        agenda.setId("council-meeting-agenda");
        agenda.setItemLabelGenerator(CouncilClient.Topic::title);
        agenda.setWidth("30em");
        Button schedule = Actions.primary("安排会议", "council-schedule", scheduleOutcome, () -> {
            if (title.isEmpty() || place.isEmpty() || start.isEmpty() || end.isEmpty()) {
                throw new Refusal("请填写会议名称、地点和起止时间。");
            }
            List<String> items = agenda.getSelectedItems().stream().map(CouncilClient.Topic::id).toList();
            signIn.withToken(token -> client.schedule(council.get(), title.getValue(), place.getValue(),
                    start.getValue().atZone(Texts.NANNING).toInstant().toString(), end.getValue().atZone(Texts.NANNING).toInstant().toString(),
                    items, token));
            String scheduled = title.getValue().strip();
            title.clear();
            agenda.clear();
            show();
            return "会议“" + scheduled + "”已安排，已在公开栏发布。";
        });

        present.setId("council-meeting-present");
        present.setItemLabelGenerator(CouncilClient.Representative::name);
        IntegerField walkIns = new IntegerField("现场参会的未报名居民人数");
        walkIns.setId("council-meeting-walkins");
        walkIns.setMin(0);
        walkIns.setValue(0);
        TextArea minutes = new TextArea("会议纪要");
        minutes.setId("council-meeting-minutes");
        minutes.setWidthFull();
        Button record = Actions.primary("记录出席与纪要", "council-record", recordOutcome, () -> {
            CouncilClient.Meeting meeting = meetings.asSingleSelect().getValue();
            if (meeting == null || minutes.isEmpty()) {
                throw new Refusal("请选择已开始的会议并填写会议纪要。");
            }
            List<String> reps = present.getSelectedItems().stream().map(CouncilClient.Representative::id).toList();
            signIn.withToken(token -> client.record(meeting.id(), reps, walkIns.getValue() == null ? 0 : walkIns.getValue(),
                    minutes.getValue(), token));
            minutes.clear();
            show();
            return "“" + meeting.title() + "”的出席情况和会议纪要已记录。";
        });
        add(meetings, new H4("安排会议"), Actions.row(title, place), Actions.row(start, end), agenda,
                Actions.row(schedule, scheduleOutcome),
                new H4("会后记录（选择上表中已开始的会议）"), present, walkIns, minutes, Actions.row(record, recordOutcome));
    }

    void show() {
        String id = council.get();
        if (id == null) {
            return;
        }
        try {
            List<CouncilClient.Meeting> list = signIn.withToken(token -> client.meetings(id, token));
            meetings.setItems(list);
            List<CouncilClient.Topic> live = signIn.withToken(token -> Stream.concat(client.topics(id, "OPEN", token).stream(),
                    client.topics(id, "ACCEPTED", token).stream()).toList());
            agenda.setItems(live);
            present.setItems(signIn.withToken(token -> client.council(id, token)).representatives().stream()
                    .filter(CouncilClient.Representative::inTerm).toList());
        } catch (GatewayException e) {
            meetings.setItems(List.of());
            scheduleOutcome.failed(e.getMessage());
        }
    }
}
