package cn.nanning.civic.gateway.auth;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.config.impl.WxMaDefaultConfigImpl;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

@Factory
class WeChatClientFactory {

    @Singleton
    WxMaService weChat(WeChatSettings settings) {
        WxMaDefaultConfigImpl config = new WxMaDefaultConfigImpl();
        config.setAppid(settings.appId());
        config.setSecret(settings.appSecret());
        config.setApiHostUrl(stripTrailingSlash(settings.apiHost()));
        // The stable token is shared safely by several gateway instances and services using the same app.
        config.useStableAccessToken(true);
        WxMaServiceImpl service = new WxMaServiceImpl();
        service.setWxMaConfig(config);
        return service;
    }

    private static String stripTrailingSlash(String host) {
        return host.endsWith("/") ? host.substring(0, host.length() - 1) : host;
    }
}
