package cn.nanning.civic.gateway.auth;

import cn.binarywang.wx.miniapp.bean.WxMaJscode2SessionResult;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.common.wechat.WeChatClient;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import me.chanjar.weixin.common.error.WxErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;

/** Exchanges a mini-program login code for the user's openid. The session key is dropped right here. */
@Singleton
class WeChatSessions {

    /** WeChat's answers for a code that is wrong, used, expired or from a blocked user. */
    private static final Set<Integer> REFUSED_CODE = Set.of(40029, 40163, 40226, 45011);
    private static final Logger LOG = LoggerFactory.getLogger(WeChatSessions.class);

    private final WeChatClient weChat;

    WeChatSessions(WeChatClient weChat) {
        this.weChat = weChat;
    }

    record WeChatUser(String openid, String unionid) {
    }

    WeChatUser exchange(String code) {
        try {
            WxMaJscode2SessionResult session = weChat.call(w -> w.getUserService().getSessionInfo(code));
            if (session.getOpenid() == null || session.getOpenid().isBlank()) {
                throw unavailable();
            }
            return new WeChatUser(session.getOpenid(), session.getUnionid());
        } catch (WxErrorException e) {
            int code2 = e.getError() != null ? e.getError().getErrorCode() : -1;
            if (REFUSED_CODE.contains(code2)) {
                throw new ProblemException(HttpStatus.UNAUTHORIZED, "wechat-code-invalid", null,
                        "微信登录凭证无效或已使用，请重新进入小程序登录。");
            }
            LOG.error("WeChat code2session failed with errcode {}: {}", code2, e.getError() != null ? e.getError().getErrorMsg() : e.getMessage());
            throw unavailable();
        } catch (WeChatClient.Unavailable e) {
            LOG.error("WeChat code2session unavailable: {}", e.getMessage());
            throw unavailable();
        } catch (RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            LOG.error("WeChat code2session failed", e);
            throw unavailable();
        }
    }

    private static ProblemException unavailable() {
        return ProblemException.unavailable("wechat-unavailable", "微信登录服务暂时不可用，请稍后再试。");
    }
}
