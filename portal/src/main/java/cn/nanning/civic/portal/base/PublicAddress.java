package cn.nanning.civic.portal.base;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where residents' phones reach the portal's public pages — what a QR code on a receipt, a slip or a council poster
 * opens. Configured as {@code civic.portal.public-url} (PORTAL_PUBLIC_URL) in production; when empty, the address the
 * staff member's browser used (right for a local or single-host installation).
 */
@Singleton
public class PublicAddress {

    private final String configured;

    public PublicAddress(@Value("${civic.portal.public-url:}") @Nullable String configured) {
        this.configured = configured == null ? "" : configured.strip().replaceAll("/+$", "");
    }

    /** The full address of a public page, e.g. {@code page("council/public", id)}; the last part is URL-encoded. */
    public String page(String route, String parameter) {
        return page(VaadinRequest.getCurrent(), route, parameter);
    }

    /** The same, for a request being answered (a download handler's). */
    public String page(@Nullable VaadinRequest request, String route, String parameter) {
        return base(request) + "/" + route + "/" + URLEncoder.encode(parameter, StandardCharsets.UTF_8);
    }

    private String base(@Nullable VaadinRequest request) {
        if (!configured.isEmpty()) {
            return configured;
        }
        if (request instanceof VaadinServletRequest servlet) {
            var http = servlet.getHttpServletRequest();
            boolean defaultPort = ("http".equals(http.getScheme()) && http.getServerPort() == 80)
                    || ("https".equals(http.getScheme()) && http.getServerPort() == 443);
            return http.getScheme() + "://" + http.getServerName() + (defaultPort ? "" : ":" + http.getServerPort()) + http.getContextPath();
        }
        return "";
    }
}
