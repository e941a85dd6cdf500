package cn.nanning.civic.gateway.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/** After {@code max-failures} wrong passwords within {@code window}, a username is locked for {@code duration}. */
@ConfigurationProperties("civic.sign-in.lockout")
record LockoutSettings(@Bindable(defaultValue = "5") int maxFailures,
                       @Bindable(defaultValue = "15m") Duration window,
                       @Bindable(defaultValue = "15m") Duration duration) {
}
