package cn.nanning.civic.portal.council;

import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.gateway.GatewayException;
import cn.nanning.civic.portal.ui.Actions;
import cn.nanning.civic.portal.ui.Outcome;
import cn.nanning.civic.portal.ui.Refusal;
import cn.nanning.civic.portal.ui.Widgets;
import cn.nanning.civic.portal.ui.Grids;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * 两公开: publish the resolution once the residents' vote passed, then the implementation progress (percent, note,
 * date) with photos until 100%. Both stay public with their history.
 */
final class PublicationsPanel extends VerticalLayout {

    private final CouncilClient client;
    private final SignIn signIn;
    private final Supplier<String> council;
    final ComboBox<CouncilClient.DecisionSummary> decision = new ComboBox<>("事项");
    private final Paragraph state = new Paragraph();
    final Grid<CouncilClient.Progress> progress = Grids.saying("还没有实施进度。", new Grid<>(CouncilClient.Progress.class, false));
    final Grid<CouncilClient.Photo> photos = Grids.saying("还没有照片。", new Grid<>(CouncilClient.Photo.class, false));
    final Button deletePhoto = new Button("删除");
    final Dialog deleteDialog = new Dialog();
    final TextArea deleteReason = new TextArea("删除理由");
    private final Paragraph deleteMessage = new Paragraph();
    final Outcome resolutionOutcome = new Outcome("council-resolution-outcome");
    final Outcome progressOutcome = new Outcome("council-progress-outcome");
    final Outcome photoOutcome = new Outcome("council-photo-outcome");

    PublicationsPanel(CouncilClient client, SignIn signIn, Supplier<String> council) {
        this.client = client;
        this.signIn = signIn;
        this.council = council;
        setId("council-publications-panel");
        setPadding(false);
        decision.setId("council-publication-decision");
        decision.setItemLabelGenerator(d -> d.title() + "（" + d.statusLabel() + "）");
        decision.setWidth("30em");
        decision.addValueChangeListener(change -> showDecision());
        state.setId("council-publication-state");

        TextArea resolution = new TextArea("决议公开内容");
        resolution.setId("council-resolution-content");
        resolution.setWidthFull();
        Button publish = Actions.confirmed("公开决议", "council-publish-resolution", resolutionOutcome,
                Actions.Confirmation.of("公开决议", "决议公开后将在公开栏长期展示并通知订阅的居民，公开后不能撤回或再次公开。确认公开吗？", "确认公开"),
                () -> run((d, token) -> client.publishResolution(d.id(), resolution.getValue(), token), "决议已公开，订阅居民将收到通知。"));

        IntegerField percent = new IntegerField("实施进度（%）");
        percent.setId("council-progress-percent");
        percent.setMin(0);
        percent.setMax(100);
        TextArea note = new TextArea("进度说明");
        note.setId("council-progress-note");
        note.setWidthFull();
        DatePicker day = Widgets.datePicker("进度日期");
        day.setValue(LocalDate.now(Texts.NANNING));
        day.setId("council-progress-date");
        Button report = Actions.primary("公开实施进度", "council-report-progress", progressOutcome, () -> {
            if (percent.getValue() == null || note.isEmpty() || day.isEmpty()) {
                throw new Refusal("请填写进度、说明和日期。");
            }
            String done = run((d, token) -> client.reportProgress(d.id(), percent.getValue(), note.getValue(), day.getValue().toString(), token),
                    "实施进度 " + percent.getValue() + "% 已公开。可在下表中选择该条进度上传现场照片。");
            note.clear();
            return done;
        });

        progress.setId("council-progress");
        progress.addColumn(CouncilClient.Progress::occurredOn).setHeader("日期").setAutoWidth(true);
        progress.addColumn(p -> p.percent() + "%").setHeader("进度").setAutoWidth(true);
        progress.addColumn(CouncilClient.Progress::note).setHeader("说明").setFlexGrow(1);
        progress.addColumn(p -> p.photos().size() + " 张").setHeader("照片").setAutoWidth(true);
        progress.setAllRowsVisible(true);
        progress.asSingleSelect().addValueChangeListener(change -> photos.setItems(change.getValue() == null ? List.of()
                : change.getValue().photos()));

        photos.setId("council-photos");
        photos.addComponentColumn(this::thumbnail).setHeader("照片").setAutoWidth(true);
        photos.addColumn(p -> p.width() + " × " + p.height() + " 像素").setHeader("尺寸").setAutoWidth(true);
        photos.setAllRowsVisible(true);
        photos.asSingleSelect().addValueChangeListener(change -> deletePhoto.setEnabled(change.getValue() != null));
        deletePhoto.setId("council-photo-delete");
        deletePhoto.setEnabled(false);
        deletePhoto.addClickListener(click -> {
            deleteReason.clear();
            deleteMessage.setText("");
            deleteMessage.setVisible(false);
            deleteDialog.open();
        });
        buildDeleteDialog();

        UI ui = UI.getCurrent();
        Upload photo = Widgets.upload(UploadHandler.inMemory((metadata, bytes) -> ui.access(() -> photoOutcome.run(() -> {
            CouncilClient.DecisionSummary d = decision.getValue();
            CouncilClient.Progress p = progress.asSingleSelect().getValue();
            if (d == null || p == null) {
                throw new Refusal("请先在上表中选择一条实施进度，再上传照片。");
            }
            signIn.withToken(t -> client.uploadPhoto(d.id(), p.id(), metadata.fileName(), bytes, t));
            showDecision();
            progress.getGenericDataView().getItems().filter(x -> x.id().equals(p.id())).findFirst().ifPresent(progress::select);
            return "照片已上传，已随实施进度公开（已去除拍摄位置等信息）。";
        }))), "上传实施现场照片（JPG 或 PNG，不超过 5 MB）");
        photo.setId("council-photo-upload");
        photo.setAcceptedFileTypes("image/jpeg", "image/png", ".jpg", ".jpeg", ".png");
        photo.setMaxFileSize(5 * 1024 * 1024);
        photo.addSucceededListener(event -> photo.clearFileList());
        photo.addFileRejectedListener(event -> photoOutcome.failed("文件不符合要求：仅接受 JPG 或 PNG 照片，且不超过 5 MB。"));

        add(decision, state, new H4("决议公开"), resolution, Actions.row(publish, resolutionOutcome), new H4("实施结果公开"),
                Actions.row(percent, day), note, Actions.row(report, progressOutcome), progress, Actions.row(photo, photoOutcome),
                new H4("所选进度的照片"), photos, deletePhoto);
    }

    /** Asks why a photo is removed (required, shown in the audit record) before it goes for good. */
    private void buildDeleteDialog() {
        deleteDialog.setId("council-photo-delete-dialog");
        deleteDialog.setHeaderTitle("删除实施进度照片");
        deleteReason.setId("council-photo-delete-reason");
        deleteReason.setMaxLength(200);
        deleteReason.setWidth("28em");
        deleteReason.setPlaceholder("例如：误传了其他事项的照片");
        deleteMessage.setId("council-photo-delete-message");
        deleteMessage.setVisible(false);
        Button confirm = new Button("删除", click -> removeSelectedPhoto());
        confirm.setId("council-photo-delete-confirm");
        Button cancel = new Button("取消", click -> deleteDialog.close());
        cancel.setId("council-photo-delete-cancel");
        deleteDialog.add(new VerticalLayout(new Paragraph("删除后照片将从公开页面撤下，原文件一并删除，无法恢复。"), deleteReason,
                deleteMessage, new HorizontalLayout(cancel, confirm)));
    }

    private void removeSelectedPhoto() {
        CouncilClient.DecisionSummary d = decision.getValue();
        CouncilClient.Progress p = progress.asSingleSelect().getValue();
        CouncilClient.Photo chosen = photos.asSingleSelect().getValue();
        if (d == null || p == null || chosen == null) {
            deleteDialog.close();
            photoOutcome.failed("请先选择要删除的照片。");
            return;
        }
        if (deleteReason.getValue() == null || deleteReason.getValue().isBlank()) {
            deleteMessage.setText("请说明删除理由。");
            deleteMessage.setVisible(true);
            return;
        }
        try {
            signIn.withToken(t -> client.removePhoto(d.id(), p.id(), chosen.id(), deleteReason.getValue().strip(), t));
            deleteDialog.close();
            showDecision();
            photoOutcome.succeeded("照片已删除，公开页面不再显示。");
        } catch (GatewayException e) {
            deleteMessage.setText(e.getMessage());
            deleteMessage.setVisible(true);
        }
    }

    /** Runs an action on the chosen decision with the staff member's token; returns what to say. */
    private String run(BiFunction<CouncilClient.DecisionSummary, String, Object> action, String done) {
        CouncilClient.DecisionSummary d = decision.getValue();
        if (d == null) {
            throw new Refusal("请先选择事项。");
        }
        signIn.withToken(token -> action.apply(d, token));
        // Reload the list too: the chosen matter's status (its label here) may have changed.
        show();
        decision.getListDataView().getItems().filter(x -> x.id().equals(d.id())).findFirst().ifPresent(decision::setValue);
        return done;
    }

    /** A progress photo as a small image, fetched through the gateway's public photo address. */
    private Image thumbnail(CouncilClient.Photo photo) {
        Image image = new Image(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = client.publicPhoto(photo);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "photo", photo.contentType(), bytes.length);
        }).inline(), "实施现场照片");
        image.setHeight("96px");
        image.addClassName("photo-thumbnail");
        return image;
    }

    void show() {
        String id = council.get();
        if (id == null) {
            return;
        }
        try {
            List<CouncilClient.DecisionSummary> list = signIn.withToken(t -> client.decisions(id, t));
            decision.setItems(list);
            progress.setItems(List.of());
            state.setText("");
        } catch (GatewayException e) {
            resolutionOutcome.failed(e.getMessage());
        }
    }

    private void showDecision() {
        CouncilClient.DecisionSummary d = decision.getValue();
        if (d == null) {
            progress.setItems(List.of());
            state.setText("");
            return;
        }
        try {
            CouncilClient.Decision full = signIn.withToken(t -> client.decision(d.id(), t));
            state.setText("当前：" + full.statusLabel() + (full.nextStepLabel() != null ? "，下一步：" + full.nextStepLabel() : "")
                    + "，进度 " + full.progress() + "%");
            progress.setItems(full.progressUpdates());
        } catch (GatewayException e) {
            resolutionOutcome.failed(e.getMessage());
        }
    }
}
