package cn.nanning.civic.gateway.auth;

import io.micronaut.context.annotation.ConfigurationProperties;

/** The mini-program's credentials and the WeChat API host (the local stand-in in dev and tests). */
@ConfigurationProperties("civic.wechat")
record WeChatSettings(String apiHost, String appId, String appSecret) {
}
