package cn.nanning.civic.portal.legalaid;

import cn.nanning.civic.portal.print.PdfPages;
import cn.nanning.civic.portal.ui.Times;
import io.micronaut.core.annotation.Nullable;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/**
 * The printable slip (A4) a clerk hands a resident after booking a legal consultation at the counter (代约法律咨询):
 * when, where, with whom, what to bring and the booking's reference — the resident gets no WeChat reminder, so this
 * is their reminder. The resident's name is masked, as on every printed slip.
 */
final class BookingSlip {

    /** What a resident brings to a legal consultation. */
    static final List<String> TO_BRING = List.of(
            "本人居民身份证（代为咨询的，另带委托人的身份证复印件）",
            "与咨询事项有关的材料：合同、借条、收据、票据、聊天记录、照片等",
            "已有的法律文书：起诉状、判决书、裁定书、调解书、行政决定书等",
            "把想问的问题和事情经过按时间先后写在纸上，便于律师了解情况");

    /** What the slip shows; {@code address} may be missing, {@code online} bookings have no place to go to. */
    record Content(String bookingId, String residentName, String lawyerName, String startsAt, String endsAt, boolean online,
                   @Nullable String placeName, @Nullable String address) {
    }

    private BookingSlip() {
    }

    /**
     * A reference a person can read out on the phone: ten digits derived from the booking's id (shown also in the
     * list of bookings made, so the counter finds it).
     */
    static String reference(String bookingId) {
        UUID id = UUID.fromString(bookingId);
        long digits = Math.floorMod(id.getMostSignificantBits() ^ id.getLeastSignificantBits(), 10_000_000_000L);
        String ten = String.format("%010d", digits);
        return ten.substring(0, 4) + " " + ten.substring(4, 7) + " " + ten.substring(7);
    }

    static String fileName(Content c) {
        return "法律咨询预约单-" + reference(c.bookingId()).replace(" ", "") + ".pdf";
    }

    static byte[] write(Content c) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfPages w = new PdfPages(doc);
            float left = PdfPages.MARGIN;
            float right = w.pageWidth() - PdfPages.MARGIN;
            w.newPage();
            w.slipHeader("南宁市公共法律服务", "法律咨询预约单", "预约编号：" + reference(c.bookingId()));
            w.field("咨询时间", Times.slot(c.startsAt(), c.endsAt()), right - left);
            w.field("咨询方式", c.online() ? "线上（视频或电话），律师会按所留电话联系" : "到场咨询，请提前 10 分钟到达", right - left);
            if (!c.online()) {
                w.field("咨询地点", c.placeName() == null ? "请向服务点咨询" : c.placeName(), right - left);
                if (c.address() != null && !c.address().isBlank()) {
                    w.field("地址", c.address(), right - left);
                }
            }
            w.field("接待律师", c.lawyerName(), right - left);
            w.field("预约居民", c.residentName(), right - left);
            w.y -= 10;
            w.text(13, left, w.y, "请携带", PdfPages.INK);
            w.y -= 20;
            int n = 0;
            for (String item : TO_BRING) {
                n++;
                w.wrapped(11, left + 12, right - left - 12, n + ". " + item, PdfPages.INK);
                w.y -= 3;
            }
            w.y -= 12;
            w.rule(w.y);
            w.y -= 20;
            w.wrapped(10, "温馨提示：法律咨询免费。如需改期或取消，请尽早到服务点或致电服务点告知代办员，以便把时段让给其他居民。"
                    + "为保护个人信息，本预约单不显示居民完整姓名和电话。", PdfPages.GREY);
            w.finish();
            doc.getDocumentInformation().setTitle("法律咨询预约单 " + reference(c.bookingId()));
            doc.getDocumentInformation().setAuthor("南宁市民服务与志愿者平台");
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
