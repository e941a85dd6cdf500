package cn.nanning.civic.portal.micronaut;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.net.URI;

/**
 * Settings under {@code civic.portal}.
 *
 * @param host       address Jetty binds to
 * @param port       HTTP port; 0 picks a free one (tests)
 * @param gatewayUrl the gateway, the only backend the portal talks to
 */
@ConfigurationProperties("civic.portal")
public record PortalConfiguration(
        @Bindable(defaultValue = "0.0.0.0") String host,
        @Bindable(defaultValue = "8083") int port,
        @Bindable(defaultValue = "http://127.0.0.1:8080") URI gatewayUrl) {
}
