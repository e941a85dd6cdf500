package cn.nanning.civic.portal.council;

import cn.nanning.civic.portal.base.PublicAddress;
import cn.nanning.civic.portal.ui.QrCodes;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import java.io.ByteArrayInputStream;

/**
 * 公开栏: where residents read the council — the public page's address to share in the village's group chat, and its QR
 * code to print and post at the service point or the notice board.
 */
final class PublicLink extends VerticalLayout {

    private static final int POSTER_PIXELS = 1024;

    private final PublicAddress addresses;
    private final Div qr = new Div();
    final TextField address = new TextField("公开栏网址（可复制发到村（社区）群）");
    final Anchor open = new Anchor();
    final Anchor download = new Anchor();

    PublicLink(PublicAddress addresses) {
        this.addresses = addresses;
        setId("council-public-link");
        setPadding(false);
        address.setId("council-public-url");
        address.setReadOnly(true);
        address.setWidth("36em");
        open.setId("council-public-open");
        open.setText("打开公开栏");
        open.setTarget(AnchorTarget.BLANK);
        download.setId("council-public-qr-download");
        download.setText("下载二维码图片（打印张贴）");
        qr.setId("council-public-qr");
        VerticalLayout links = new VerticalLayout(address, open, download,
                new Paragraph("居民用手机扫码即可查看章程、议题、决议和实施结果，无需登录。"));
        links.setPadding(false);
        HorizontalLayout row = new HorizontalLayout(qr, links);
        row.setWrap(true);
        add(new H4("公开栏"), row);
    }

    /** Shows the address and QR code of one council's public page. */
    void show(String councilId, String councilName) {
        String url = addresses.page(CouncilPublicPage.ROUTE, councilId);
        address.setValue(url);
        open.setHref(url);
        qr.removeAll();
        qr.add(QrCodes.image(url, 180, councilName + "公开栏二维码"));
        byte[] poster = QrCodes.png(url, POSTER_PIXELS);
        download.setHref(DownloadHandler.fromInputStream(event -> new DownloadResponse(new ByteArrayInputStream(poster),
                "公开栏二维码.png", "image/png", poster.length)));
    }
}
