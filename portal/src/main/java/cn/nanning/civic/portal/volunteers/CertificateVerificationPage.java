package cn.nanning.civic.portal.volunteers;

import cn.nanning.civic.portal.base.PortalShell;
import cn.nanning.civic.portal.base.PublicView;
import cn.nanning.civic.portal.gateway.GatewayException;
import cn.nanning.civic.portal.ui.PublicFacts;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;

import java.math.RoundingMode;

/**
 * What a volunteer certificate's QR code opens on a phone (no sign-in): whether the certificate is genuine, for whom
 * (masked name and ID number), how many hours it attests, who issued it and when — in words, not the API's JSON. An
 * unknown or revoked number says so plainly.
 */
@Prototype
@PublicView
@Route("certificates/verify")
@PageTitle("志愿服务证明核验 | " + PortalShell.PRODUCT)
public final class CertificateVerificationPage extends VerticalLayout implements HasUrlParameter<String> {

    private final VolunteersClient client;

    CertificateVerificationPage(VolunteersClient client) {
        this.client = client;
        setId("certificate-verification");
        setMaxWidth("640px");
    }

    @Override
    public void setParameter(BeforeEvent event, String number) {
        removeAll();
        add(new H1("志愿服务证明核验"));
        VolunteersClient.Verification found;
        try {
            found = client.verify(number);
        } catch (GatewayException e) {
            add(PublicFacts.verdict("certificate-verdict", PublicFacts.Tone.REFUSED, e.getMessage()));
            add(new Paragraph("证明编号：" + number));
            return;
        }
        add(PublicFacts.verdict("certificate-verdict", PublicFacts.Tone.GENUINE, "有效".equals(found.statusLabel()) ? "该证明真实有效。" : "该证明真实（" + found.statusLabel() + "）。"));
        add(line("证明编号", found.number()), line("志愿者", found.volunteerName()), line("身份证号", found.idNumber()),
                line("累计志愿服务时长", found.totalHours().setScale(1, RoundingMode.HALF_UP).toPlainString() + " 小时"),
                line("出具单位", found.issuer()), line("出具日期", found.issuedOn().getYear() + "年" + found.issuedOn().getMonthValue() + "月"
                        + found.issuedOn().getDayOfMonth() + "日"));
        if (found.contact() != null && !found.contact().isBlank()) {
            add(line("核实电话", found.contact()));
        }
        add(new Paragraph("为保护个人信息，姓名和身份证号仅显示部分。"));
    }

    private static Paragraph line(String label, String value) {
        return PublicFacts.line("certificate-line", label, value);
    }
}
