package cn.nanning.civic.gateway.tokens;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

@ConfigurationProperties("civic.tokens")
record TokenSettings(@Bindable(defaultValue = "15m") Duration accessTtl,
                     @Bindable(defaultValue = "30d") Duration refreshTtl,
                     @Bindable(defaultValue = "1d") Duration keyRotation,
                     @Bindable(defaultValue = "5s") Duration refreshGrace) {
}
