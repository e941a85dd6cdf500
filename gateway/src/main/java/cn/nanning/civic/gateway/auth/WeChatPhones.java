package cn.nanning.civic.gateway.auth;

import cn.binarywang.wx.miniapp.bean.WxMaPhoneNumberInfo;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.common.wechat.WeChatClient;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import me.chanjar.weixin.common.error.WxErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Exchanges the code of the mini-program's getPhoneNumber button for the user's mobile number, through WeChat's
 * phone-number API ({@code /wxa/business/getuserphonenumber}). No session key is involved: the code is bound to the
 * user and the app by WeChat, and works once, for five minutes.
 */
@Singleton
class WeChatPhones {

    /** WeChat's answers for a code that is wrong, used or expired (40029 covers expired codes too). */
    private static final Set<Integer> REFUSED_CODE = Set.of(40029, 40163, 40226);
    /** Mainland mobile numbers; the only ones the platform contacts. */
    private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Logger LOG = LoggerFactory.getLogger(WeChatPhones.class);

    private final WeChatClient weChat;
    private final WeChatSettings settings;

    WeChatPhones(WeChatClient weChat, WeChatSettings settings) {
        this.weChat = weChat;
        this.settings = settings;
    }

    /** The mainland mobile number behind a getPhoneNumber code, or a problem the citizen can act on. */
    String phoneNumber(String code) {
        WxMaPhoneNumberInfo info;
        try {
            info = weChat.call(w -> w.getUserService().getPhoneNumber(code));
        } catch (WxErrorException e) {
            int errcode = e.getError() != null ? e.getError().getErrorCode() : -1;
            if (REFUSED_CODE.contains(errcode)) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "wechat-phone-code-invalid", null,
                        "手机号授权凭证无效、已使用或已过期，请重新点击“授权手机号”。");
            }
            if (errcode == 45011) {
                throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "wechat-phone-busy", null,
                        "微信手机号授权过于频繁，请稍后再试。");
            }
            LOG.error("WeChat phone-number API failed with errcode {}", errcode);
            throw unavailable();
        } catch (WeChatClient.Unavailable e) {
            LOG.error("WeChat phone-number API unavailable: {}", e.getMessage());
            throw unavailable();
        } catch (RuntimeException e) {
            // Connection refused, timeouts, unreadable answers: the SDK wraps them in runtime exceptions.
            LOG.error("WeChat phone-number API unreachable: {}", e.toString());
            throw unavailable();
        }
        if (info == null || info.getPurePhoneNumber() == null) {
            LOG.error("WeChat phone-number API answered without a number");
            throw unavailable();
        }
        if (info.getWatermark() != null && info.getWatermark().getAppid() != null
                && !settings.appId().equals(info.getWatermark().getAppid())) {
            // A number issued to another mini-program must not be bound here.
            LOG.warn("WeChat phone number carried another app's watermark; refused");
            throw unavailable();
        }
        String phone = info.getPurePhoneNumber().strip();
        if (!"86".equals(info.getCountryCode()) || !MAINLAND_MOBILE.matcher(phone).matches()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "phone-not-mainland", null,
                    "目前仅支持绑定中国大陆手机号。");
        }
        return phone;
    }

    private static ProblemException unavailable() {
        return ProblemException.unavailable("wechat-unavailable", "微信手机号服务暂时不可用，请稍后再试。");
    }
}
