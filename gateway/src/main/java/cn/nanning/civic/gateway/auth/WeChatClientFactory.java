package cn.nanning.civic.gateway.auth;

import cn.nanning.civic.common.wechat.WeChatClient;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

@Factory
class WeChatClientFactory {

    /** The gateway's one WeChat client: sign-in, phone numbers and subscribe messages all go through it. */
    @Singleton
    @Bean(preDestroy = "close")
    WeChatClient weChat(WeChatSettings settings) {
        return new WeChatClient(settings.apiHost(), settings.appId(), settings.appSecret(), settings.timeLimit());
    }
}
