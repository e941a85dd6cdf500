package cn.nanning.civic.council;

import cn.nanning.civic.common.wechat.WeChatClient;
import cn.binarywang.wx.miniapp.bean.security.WxMaMsgSecCheckCheckRequest;
import cn.binarywang.wx.miniapp.bean.security.WxMaMsgSecCheckCheckResponse;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import me.chanjar.weixin.common.error.WxErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Checks text before it is published: first our own word list (resource {@value #WORD_LIST}), then WeChat's
 * msgSecCheck (version 2, which answers pass / review / risky). When WeChat cannot be asked, the text goes to the
 * moderators instead of being published unchecked.
 * <p>
 * Version 2 checks a user's text as that user: it needs the author's mini-program openid (the gateway's {@code openid}
 * claim, {@link cn.nanning.civic.council.CitizenOpenId}). Without one — a clerk entering a topic for an offline
 * resident, a citizen token issued before the claim existed — WeChat is not asked at all: our word list still refuses
 * what it knows, and everything else waits in the moderation queue for a convener (result {@value #NO_OPENID}).
 */
@Singleton
public class ContentCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ContentCheck.class);
    static final String WORD_LIST = "council/blocked-words.txt";
    /** msgSecCheck scenes: 2 comments (opinions), 3 forum posts (topics). */
    public static final int SCENE_COMMENT = 2;
    public static final int SCENE_FORUM = 3;
    /** The verdict's result when there was no openid to ask WeChat with. */
    public static final String NO_OPENID = "no-openid:moderation";

    public enum Suggest { PASS, REVIEW, RISKY }

    /** @param result what decided it, kept with the opinion (e.g. "wechat:review:20008", "wordlist:贿选") */
    public record Verdict(Suggest suggest, String result, String traceId) {
    }

    private final List<String> blockedWords;
    private final WeChatClient weChat;

    ContentCheck(@Value("${civic.wechat.api-host:`http://127.0.0.1:8090`}") String apiHost,
                 @Value("${civic.wechat.app-id:wx5a1ce0dec0de4501}") String appId,
                 @Value("${civic.wechat.app-secret:dev-only-wechat-app-secret-4501}") String appSecret,
                 @Value("${civic.wechat.time-limit:3s}") java.time.Duration timeLimit) {
        this.blockedWords = loadWords();
        this.weChat = new WeChatClient(apiHost, appId, appSecret, timeLimit);
    }

    /**
     * @param openid the author's mini-program openid (from the token), or null when there is none: then only our word
     *               list decides, and what it lets through goes to the moderation queue
     * @param scene  {@link #SCENE_COMMENT} or {@link #SCENE_FORUM}
     */
    public Verdict check(String content, String openid, int scene) {
        String normalised = normalise(content);
        for (String word : blockedWords) {
            if (normalised.contains(word)) {
                return new Verdict(Suggest.RISKY, "wordlist:" + word, null);
            }
        }
        if (openid == null || openid.isBlank()) {
            return new Verdict(Suggest.REVIEW, NO_OPENID, null);
        }
        try {
            WxMaMsgSecCheckCheckResponse answer = weChat.call(w -> w.getSecurityService().checkMessage(WxMaMsgSecCheckCheckRequest.builder()
                    .version("2").openid(openid).scene(scene).content(content).build()));
            String suggest = answer.getResult() == null ? null : answer.getResult().getSuggest();
            String label = answer.getResult() == null ? null : answer.getResult().getLabel();
            if ("pass".equals(suggest)) {
                return new Verdict(Suggest.PASS, "wechat:pass", answer.getTraceId());
            }
            if ("risky".equals(suggest)) {
                return new Verdict(Suggest.RISKY, "wechat:risky:" + label, answer.getTraceId());
            }
            return new Verdict(Suggest.REVIEW, "wechat:" + suggest + ":" + label, answer.getTraceId());
        } catch (WxErrorException e) {
            if (e.getError() != null && e.getError().getErrorCode() == 87014) {
                return new Verdict(Suggest.RISKY, "wechat:87014", null);
            }
            LOG.warn("WeChat content check failed ({}); the text goes to the moderation queue", e.getError());
            return new Verdict(Suggest.REVIEW, "wechat-unavailable", null);
        } catch (WeChatClient.Unavailable | RuntimeException e) {
            LOG.warn("WeChat content check unreachable; the text goes to the moderation queue: {}", e.toString());
            return new Verdict(Suggest.REVIEW, "wechat-unavailable", null);
        }
    }

    private static String normalise(String s) {
        return s.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    private static List<String> loadWords() {
        try (InputStream in = ContentCheck.class.getClassLoader().getResourceAsStream(WORD_LIST)) {
            if (in == null) {
                throw new IllegalStateException("missing word list " + WORD_LIST);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(ContentCheck::normalise).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
