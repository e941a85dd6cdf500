package cn.nanning.civic.portal.proxy;

import cn.nanning.civic.portal.base.PublicAddress;
import cn.nanning.civic.portal.gateway.ProxyRequestSummary;
import cn.nanning.civic.portal.print.PdfPages;
import cn.nanning.civic.portal.ui.QrCodes;
import cn.nanning.civic.portal.ui.Times;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.inject.Singleton;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The printable 受理回执 (A4) a clerk hands the resident at 受理: receipt number, service point and its phone, the
 * resident's name masked (a lost slip gives nothing away), the item and the materials checked, the day accepted, the
 * forwarding day and the day the result is expected by, and a QR code opening the public progress page
 * ({@link ReceiptProgressPage}, no sign-in).
 */
@Singleton
class ReceiptSlip {

    private static final float QR = 120;

    private final PublicAddress addresses;

    ReceiptSlip(PublicAddress addresses) {
        this.addresses = addresses;
    }

    /** Where the receipt's QR code leads: the public progress page of this receipt number, with its check code. */
    String progressUrl(VaadinRequest request, ProxyRequestSummary r) {
        return addresses.page(request, ReceiptProgressPage.ROUTE, r.receiptNo()) + "?code=" + r.progressCode();
    }

    static String fileName(ProxyRequestSummary request) {
        return "受理回执-" + request.receiptNo() + ".pdf";
    }

    byte[] write(ProxyRequestSummary r, String progressUrl) {
        if (r.receiptNo() == null) {
            throw new IllegalArgumentException("a request without a receipt number has no receipt");
        }
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfPages w = new PdfPages(doc);
            float left = PdfPages.MARGIN;
            float right = w.pageWidth() - PdfPages.MARGIN;
            w.newPage();
            w.slipHeader("南宁市村（社区）代办服务", "代办受理回执", "回执编号：" + r.receiptNo());

            // The QR code sits at the right of the first lines; the lines keep clear of it.
            float qrTop = w.y + 12;
            w.image(QrCodes.png(progressUrl, 360), right - QR, qrTop - QR, QR, QR);
            float textWidth = right - QR - 16 - left;
            ProxyRequestSummary.Point point = r.point();
            w.field("代办事项", r.itemName(), textWidth);
            w.field("委托人", r.residentName(), textWidth);
            w.field("受理日期", Times.day(accepted(r)), textWidth);
            w.field("转办期限", r.forwardDue() == null ? "受理后 3 个工作日内" : Times.day(r.forwardDue()) + " 前送交承办部门", textWidth);
            w.field("预计办结", r.expectedBy() == null ? "以承办部门的办理时限为准" : Times.day(r.expectedBy()) + " 前（以工作日计）", textWidth);
            w.field("服务点", point == null ? "—" : point.name(), textWidth);
            w.field("服务点电话", point == null || point.phone() == null || point.phone().isBlank() ? "请到服务点咨询" : point.phone(), textWidth);
            if (point != null && point.address() != null && !point.address().isBlank()) {
                w.field("服务点地址", point.address(), textWidth);
            }
            float below = Math.min(w.y, qrTop - QR - 8);
            w.text(9, right - QR + 4, qrTop - QR - 4, "扫码查看办理进度", PdfPages.GREY);
            w.y = below - 18;

            w.text(13, left, w.y, "已核验材料", PdfPages.INK);
            w.y -= 20;
            List<ProxyRequestSummary.Material> materials = r.materials();
            if (materials.isEmpty()) {
                w.text(11, left + 12, w.y, "本事项无须提交材料。", PdfPages.INK);
                w.y -= 18;
            }
            int n = 0;
            for (ProxyRequestSummary.Material m : materials) {
                if (w.y < PdfPages.MARGIN + 140) {
                    w.newPage();
                    w.text(11, left, w.y, "回执编号：" + r.receiptNo() + "（续）", PdfPages.GREY);
                    w.y -= 24;
                }
                n++;
                w.wrapped(11, left + 12, right - left - 12, n + ". " + m.name() + (m.ticked() ? "（已核验）" : "（待补交）"), PdfPages.INK);
                w.y -= 3;
            }
            w.y -= 12;
            w.rule(w.y);
            w.y -= 20;
            w.wrapped(10, "温馨提示：请妥善保管本回执。扫描二维码或凭回执编号可随时查看办理进度，无需登录；如有疑问请致电服务点。"
                    + "为保护个人信息，本回执不显示委托人完整姓名和电话，遗失也不会泄露。", PdfPages.GREY);
            w.y -= 30;
            w.text(11, left, w.y, "代办员签字：", PdfPages.INK);
            w.text(11, left + 260, w.y, "服务点（盖章）", PdfPages.INK);
            w.y -= 26;
            w.text(11, left + 260, w.y, Times.day(accepted(r)), PdfPages.INK);
            w.finish();
            doc.getDocumentInformation().setTitle("代办受理回执 " + r.receiptNo());
            doc.getDocumentInformation().setAuthor("南宁市民服务与志愿者平台");
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** When the request was accepted (the timeline's 受理 step). */
    private static Instant accepted(ProxyRequestSummary r) {
        return r.timeline().stream().filter(step -> "ACCEPTED".equals(step.status())).map(ProxyRequestSummary.Step::occurredAt)
                .findFirst().orElse(r.createdAt());
    }
}
