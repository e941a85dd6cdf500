package cn.nanning.civic.portal.volunteers;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.MainLayout;
import cn.nanning.civic.portal.base.PortalShell;
import cn.nanning.civic.portal.base.RequiresRole;
import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.gateway.GatewayException;
import cn.nanning.civic.portal.ui.Outcome;
import cn.nanning.civic.portal.ui.QrCodes;
import cn.nanning.civic.portal.ui.Times;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;

import java.time.Instant;
import java.util.UUID;

/**
 * The check-in code on site, to show on a screen or a projector: a large QR code volunteers scan in the mini-program,
 * with the six digits to type as well. The code changes every two minutes, so the page renews itself (a photo of it
 * taken earlier no longer works), and it is valid only while the activity runs.
 */
@Prototype
@Route(value = "volunteers/check-in", layout = MainLayout.class)
@PageTitle("现场签到码 | " + PortalShell.PRODUCT)
@RequiresRole({Role.ORGANIZER, Role.ADMIN})
public final class CheckInView extends VerticalLayout implements HasUrlParameter<String> {

    /** How often the page asks for the current code; well inside the two-minute step. */
    static final int POLL_MILLIS = 20_000;

    private final VolunteersClient client;
    private final SignIn signIn;
    private final Outcome message = new Outcome("check-in-message");
    private final Div code = new Div();
    private final Span digits = new Span();
    private final Paragraph until = new Paragraph();
    private UUID activityId;
    private String shown;
    private com.vaadin.flow.shared.Registration polling;

    CheckInView(VolunteersClient client, SignIn signIn) {
        this.client = client;
        this.signIn = signIn;
        setId("check-in");
        setAlignItems(FlexComponent.Alignment.CENTER);
        code.setId("check-in-qr");
        digits.setId("check-in-digits");
        digits.addClassName("check-in-digits");
        until.setId("check-in-until");
        Button print = new Button("打印本页", click -> getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        print.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        print.setId("check-in-print");
        add(new H2("志愿服务现场签到"), new Paragraph("请用微信小程序“志愿服务 → 扫码签到”扫描下方二维码，或输入 6 位签到码；签退时再扫一次。"),
                message, code, digits, until, print);
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        try {
            activityId = UUID.fromString(parameter);
        } catch (IllegalArgumentException e) {
            activityId = null;
        }
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        attach.getUI().setPollInterval(POLL_MILLIS);
        polling = attach.getUI().addPollListener(poll -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        detach.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
            polling = null;
        }
    }

    /** Shows the current code; draws a new QR only when the code changed. */
    void refresh() {
        if (activityId == null) {
            message.failed("没有找到该活动，请从“志愿服务”页面进入。");
            return;
        }
        try {
            VolunteersClient.CheckInQr now = signIn.withToken(token -> client.checkInQr(activityId, token));
            message.clear();
            if (!now.payload().equals(shown)) {
                shown = now.payload();
                code.removeAll();
                code.add(QrCodes.image(now.payload(), 360, "签到二维码，签到码 " + now.code()));
                digits.setText(now.code().substring(0, 3) + " " + now.code().substring(3));
            }
            Instant end = now.validUntil();
            until.setText("签到码每 2 分钟自动更换，本页自动更新；活动 " + Times.minute(now.validFrom()) + " 至 " + Times.minute(end)
                    + " 期间有效。");
        } catch (GatewayException e) {
            message.failed(e.getMessage());
        }
    }
}
