package cn.nanning.civic.e2e.portal;

import cn.nanning.civic.e2e.platform.Api;
import cn.nanning.civic.e2e.platform.Platform;
import cn.nanning.civic.e2e.platform.ProxyData;
import cn.nanning.civic.portal.gateway.ProxyRequestSummary;
import cn.nanning.civic.portal.proxy.ProxyServicesView;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The clerk's workbench in the portal, on real requests held by the services behind the real gateway. */
class ProxyWorkbenchViewTest extends PortalViewTest {

    private static final Api GATEWAY = new Api(Platform.GATEWAY);

    @Test
    void aRequestTakenForAResidentAppearsOnTheWorkbenchAndIsAcceptedWithItsChecklist() {
        String suffix = UUID.randomUUID().toString().substring(0, 4);
        String resident = "韦" + suffix;
        String requestId = ProxyData.requestFor(resident);

        open("clerk", ProxyServicesView.class);
        @SuppressWarnings("unchecked")
        Grid<ProxyRequestSummary> grid = _get(Grid.class, spec -> spec.withId("proxy-grid"));
        ProxyRequestSummary row = rows(grid).stream().filter(r -> r.id().equals(requestId)).findFirst().orElseThrow();
        assertThat(row.residentName()).as("names are masked on the workbench").startsWith("韦").doesNotContain(suffix);
        assertThat(row.residentPhone()).as("phones are masked on the workbench").contains("****");
        assertThat(row.receiptNo()).isNull();

        grid.select(row);
        @SuppressWarnings("unchecked")
        CheckboxGroup<String> checklist = _get(CheckboxGroup.class, spec -> spec.withId("proxy-checklist"));
        assertThat(checklist.getListDataView().getItems()).isNotEmpty();
        checklist.setValue(Set.copyOf(checklist.getListDataView().getItems().toList()));
        _click(_get(Button.class, spec -> spec.withId("proxy-accept")));

        ProxyRequestSummary accepted = rows(grid).stream().filter(r -> r.id().equals(requestId)).findFirst().orElseThrow();
        assertThat(accepted.receiptNo()).as("acceptance issues a receipt number").isNotBlank();
        assertThat(outcome("proxy-detail-outcome")).as("said beside the next step").startsWith("已受理，回执编号 " + accepted.receiptNo());
        JsonNode stored = GATEWAY.get("/api/v1/proxy/requests/" + requestId, ProxyData.token("clerk")).json();
        assertThat(stored.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(stored.path("receiptNo").asText()).isEqualTo(accepted.receiptNo());

        // The panel stays on the request: forward, deliver, and archive only after confirming.
        _click(_get(Button.class, spec -> spec.withId("proxy-forward")));
        assertThat(outcome("proxy-detail-outcome")).isEqualTo("请填写承办部门。");
        _get(TextField.class, spec -> spec.withId("proxy-office")).setValue("青秀区民政局");
        _click(_get(Button.class, spec -> spec.withId("proxy-forward")));
        assertThat(outcome("proxy-detail-outcome")).isEqualTo("已送交青秀区民政局办理。");
        _click(_get(Button.class, spec -> spec.withId("proxy-deliver")));
        assertThat(outcome("proxy-detail-outcome")).isEqualTo("已记录结果送达居民。");
        _click(_get(Button.class, spec -> spec.withId("proxy-archive")));
        _click(_get(Button.class, spec -> spec.withId("proxy-archive-cancel")));
        assertThat(GATEWAY.get("/api/v1/proxy/requests/" + requestId, ProxyData.token("clerk")).json().path("status").asText())
                .as("cancelled in the dialog: nothing archived").isEqualTo("DELIVERED");
        clickAndConfirm("proxy-archive");
        assertThat(outcome("proxy-detail-outcome")).startsWith("已归档");
        assertThat(GATEWAY.get("/api/v1/proxy/requests/" + requestId, ProxyData.token("clerk")).json().path("status").asText())
                .isEqualTo("ARCHIVED");
    }

    @Test
    void aClerkUploadsAScanAndAFakeImageIsRefusedInChinese() throws Exception {
        String requestId = ProxyData.requestFor("莫" + UUID.randomUUID().toString().substring(0, 4));
        open("clerk", ProxyServicesView.class);
        @SuppressWarnings("unchecked")
        Grid<ProxyRequestSummary> grid = _get(Grid.class, spec -> spec.withId("proxy-grid"));
        grid.select(rows(grid).stream().filter(r -> r.id().equals(requestId)).findFirst().orElseThrow());

        UploadKt._upload(_get(Upload.class, spec -> spec.withId("proxy-upload")), "户口簿.png", "image/png", png());
        assertThat(outcome("proxy-upload-outcome")).isEqualTo("材料已上传：户口簿.png");
        assertThat(_get(Anchor.class, spec -> spec.withText("户口簿.png（1 KB）"))).isNotNull();

        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("proxy-upload")), "photo.jpg", "image/jpeg", html);
        assertThat(outcome("proxy-upload-outcome")).contains("JPG");

        JsonNode stored = GATEWAY.get("/api/v1/proxy/requests/" + requestId + "/materials", ProxyData.token("clerk")).json();
        assertThat(stored.findValuesAsText("displayName")).containsExactly("户口簿.png");
    }

    @Test
    void theClerkSeesPerChecklistLineWhatWasUploadedAndUploadsForALine() throws Exception {
        String requestId = ProxyData.requestFor("覃" + UUID.randomUUID().toString().substring(0, 4));
        List<String> lines = GATEWAY.get("/api/v1/proxy/requests/" + requestId, ProxyData.token("clerk")).json()
                .path("materials").findValuesAsText("name");
        assertThat(lines).as("the item has a checklist").isNotEmpty();
        String line = lines.getFirst();

        open("clerk", ProxyServicesView.class);
        @SuppressWarnings("unchecked")
        Grid<ProxyRequestSummary> grid = _get(Grid.class, spec -> spec.withId("proxy-grid"));
        grid.select(rows(grid).stream().filter(r -> r.id().equals(requestId)).findFirst().orElseThrow());
        assertThat(lineText(0)).isEqualTo(line + "　尚未上传");
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withText("居民尚未上传材料，受理时请核对原件。"))).isNotNull();

        // An old-style loose upload, then one for the first line.
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("proxy-upload")), "情况说明.png", "image/png", png());
        assertThat(outcome("proxy-upload-outcome")).isEqualTo("材料已上传：情况说明.png");
        assertThat(lineText(0)).as("a loose upload is no line's").isEqualTo(line + "　尚未上传");
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.select.Select<String> forLine = _get(com.vaadin.flow.component.select.Select.class,
                spec -> spec.withId("proxy-upload-line"));
        assertThat(forLine.getListDataView().getItems().toList()).isEqualTo(lines);
        forLine.setValue(line);
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("proxy-upload")), "清单第一项.png", "image/png", png());
        assertThat(outcome("proxy-upload-outcome")).isEqualTo("材料已上传：清单第一项.png（" + line + "）");

        assertThat(lineText(0)).startsWith(line + "　已上传 1 份").contains("清单第一项.png（1 KB）");
        for (int i = 1; i < lines.size(); i++) {
            assertThat(lineText(i)).isEqualTo(lines.get(i) + "　尚未上传");
        }
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withText("其他材料（未对应清单）："))).isNotNull();
        assertThat(_get(Anchor.class, spec -> spec.withText("情况说明.png（1 KB）"))).as("the loose upload still shows and opens").isNotNull();
        assertThat(_get(Anchor.class, spec -> spec.withText("清单第一项.png（1 KB）")).getElement().getAttribute("download")).isNotNull();

        JsonNode stored = GATEWAY.get("/api/v1/proxy/requests/" + requestId, ProxyData.token("clerk")).json().path("materials");
        assertThat(stored.get(0).path("uploaded").asBoolean()).isTrue();
        assertThat(stored.get(0).path("uploads").get(0).path("displayName").asText()).isEqualTo("清单第一项.png");
    }

    private static String lineText(int index) {
        return _get(com.vaadin.flow.component.html.ListItem.class, spec -> spec.withId("proxy-line-" + index))
                .getElement().getTextRecursively().replaceAll("\\s+", " ").strip();
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static List<ProxyRequestSummary> rows(Grid<ProxyRequestSummary> grid) {
        return grid.getGenericDataView().getItems().toList();
    }
}
