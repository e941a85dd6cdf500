package cn.nanning.civic.portal.volunteers;

import cn.nanning.civic.portal.base.RegionDirectory;
import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.ui.Actions;
import cn.nanning.civic.portal.ui.Outcome;
import cn.nanning.civic.portal.ui.Refusal;
import cn.nanning.civic.portal.ui.RegionPicker;
import cn.nanning.civic.portal.ui.Widgets;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.BinderValidationStatus;
import com.vaadin.flow.data.binder.ValidationResult;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * Publishing a volunteer activity, or changing one before it starts: what, where (region by name and the place), when,
 * how long the service counts, how many volunteers. A Binder checks the form in Chinese before anything is sent; the
 * services check the rest (the organiser's area, places already taken).
 */
final class ActivityForm extends VerticalLayout {

    private final VolunteersClient client;
    private final SignIn signIn;
    private final Consumer<VolunteersClient.Activity> saved;
    private final Binder<ActivityDraft> binder = new Binder<>(ActivityDraft.class);
    private final H3 heading = new H3("发布新活动");
    final RegionPicker region;
    final Outcome outcome = new Outcome("activity-form-outcome");
    private final Button save;
    private UUID editing;

    ActivityForm(VolunteersClient client, SignIn signIn, RegionDirectory regions, Consumer<VolunteersClient.Activity> saved) {
        this.client = client;
        this.signIn = signIn;
        this.saved = saved;
        setId("activity-form");
        setPadding(false);
        TextField title = new TextField("活动名称");
        title.setId("activity-title");
        title.setMaxLength(80);
        title.setWidth("24em");
        TextArea description = new TextArea("活动介绍（可选）");
        description.setId("activity-description");
        description.setMaxLength(2000);
        description.setWidthFull();
        region = new RegionPicker(regions, "活动所在区划", RegionPicker.Depth.ANY);
        region.setId("activity-region");
        TextField place = new TextField("集合地点");
        place.setId("activity-place");
        place.setMaxLength(200);
        place.setWidth("24em");
        DateTimePicker starts = Widgets.dateTimePicker("开始时间");
        starts.setId("activity-starts");
        DateTimePicker ends = Widgets.dateTimePicker("结束时间");
        ends.setId("activity-ends");
        IntegerField planned = new IntegerField("计入服务时长（分钟）");
        planned.setId("activity-planned");
        planned.setMin(1);
        planned.setHelperText("签到签退满其六成即达标");
        IntegerField capacity = new IntegerField("招募人数");
        capacity.setId("activity-capacity");
        capacity.setMin(1);
        capacity.setMax(10000);
        Checkbox minors = new Checkbox("适合未成年人参加");
        minors.setId("activity-minors");

        binder.forField(title).asRequired("请填写活动名称。").bind(ActivityDraft::getTitle, ActivityDraft::setTitle);
        binder.forField(description).bind(ActivityDraft::getDescription, ActivityDraft::setDescription);
        binder.forField(region).asRequired("请选择活动所在区划。")
                .withValidator(code -> code.length() > 6 || !code.endsWith("00"), "请选择到区县、乡镇（街道）或村（社区）。")
                .bind(ActivityDraft::getRegionCode, ActivityDraft::setRegionCode);
        binder.forField(place).asRequired("请填写集合地点。").bind(ActivityDraft::getPlace, ActivityDraft::setPlace);
        binder.forField(starts).asRequired("请选择开始时间。").bind(ActivityDraft::getStartsAt, ActivityDraft::setStartsAt);
        binder.forField(ends).asRequired("请选择结束时间。")
                .withValidator((end, context) -> starts.getValue() == null || end == null || end.isAfter(starts.getValue())
                        ? ValidationResult.ok() : ValidationResult.error("结束时间须晚于开始时间。"))
                .bind(ActivityDraft::getEndsAt, ActivityDraft::setEndsAt);
        binder.forField(planned).asRequired("请填写计入的服务时长。")
                .withValidator(minutes -> minutes > 0, "服务时长至少 1 分钟。")
                .bind(ActivityDraft::getPlannedMinutes, ActivityDraft::setPlannedMinutes);
        binder.forField(capacity).asRequired("请填写招募人数。")
                .withValidator(n -> n > 0, "招募人数至少 1 人。")
                .bind(ActivityDraft::getCapacity, ActivityDraft::setCapacity);
        binder.forField(minors).bind(ActivityDraft::isSuitableForMinors, ActivityDraft::setSuitableForMinors);

        save = Actions.primary("发布活动", "activity-save", outcome, this::save);
        Button blank = new Button("清空，发布新活动", click -> startNew());
        blank.setId("activity-new");
        heading.setId("activity-form-heading");
        add(heading, Actions.row(title, place), region, Actions.row(starts, ends), Actions.row(planned, capacity, minors), description,
                Actions.row(save, blank, outcome));
    }

    /** An empty form for a new activity in the organiser's own area. */
    void startNew() {
        editing = null;
        heading.setText("发布新活动");
        save.setText("发布活动");
        region.startAtOwnArea();
        ActivityDraft fresh = new ActivityDraft();
        fresh.setRegionCode(region.getValue());
        binder.readBean(fresh);
    }

    /** The form filled with an activity to change (before it starts). */
    void edit(VolunteersClient.Activity activity) {
        editing = activity.id();
        heading.setText("修改活动：" + activity.title());
        save.setText("保存修改");
        outcome.clear();
        binder.readBean(ActivityDraft.of(activity));
    }

    private String save() {
        ActivityDraft draft = new ActivityDraft();
        BinderValidationStatus<ActivityDraft> status = binder.validate();
        if (!status.isOk() || !binder.writeBeanIfValid(draft)) {
            throw new Refusal(status.getValidationErrors().stream().findFirst().map(ValidationResult::getErrorMessage)
                    .orElse("请检查标红的项目。"));
        }
        boolean changing = editing != null;
        VolunteersClient.Activity result = signIn.withToken(token -> changing ? client.change(editing, draft.body(), token)
                : client.publish(draft.body(), token));
        saved.accept(result);
        if (!changing) {
            startNew();
            return "已发布“" + result.title() + "”，志愿者可在小程序中报名。";
        }
        edit(result);
        return "已保存“" + result.title() + "”的修改；时间或地点有变时，已报名的志愿者会收到通知。";
    }
}
