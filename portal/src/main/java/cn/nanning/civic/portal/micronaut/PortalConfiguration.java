package cn.nanning.civic.portal.micronaut;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.net.URI;
import java.time.Duration;

/**
 * Settings under {@code civic.portal}.
 *
 * @param host       address Jetty binds to
 * @param port       HTTP port; 0 picks a free one (tests)
 * @param gatewayUrl the gateway, the only backend the portal talks to
 * @param idleTimeout how long a signed-in session lives without the user doing anything (Vaadin heartbeats of an open
 *                    tab do not count); then the session, and the tokens it holds, are gone and the user signs in again
 */
@ConfigurationProperties("civic.portal")
public record PortalConfiguration(
        @Bindable(defaultValue = "0.0.0.0") String host,
        @Bindable(defaultValue = "8083") int port,
        @Bindable(defaultValue = "http://127.0.0.1:8080") URI gatewayUrl,
        @Bindable(defaultValue = "30m") Duration idleTimeout) {

    public PortalConfiguration {
        if (idleTimeout == null || idleTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("civic.portal.idle-timeout must be at least 1s");
        }
    }
}
