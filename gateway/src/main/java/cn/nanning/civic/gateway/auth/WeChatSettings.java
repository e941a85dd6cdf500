package cn.nanning.civic.gateway.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The mini-program's credentials and the WeChat API host (the local stand-in in dev and tests).
 *
 * @param timeLimit the most one WeChat call may take; sign-in answers within it (a 503 when WeChat is slow)
 */
@ConfigurationProperties("civic.wechat")
public record WeChatSettings(String apiHost, String appId, String appSecret,
                             @Bindable(defaultValue = "4s") Duration timeLimit) {
}
