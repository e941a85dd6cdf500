package cn.nanning.civic.wechat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /wxa/msg_sec_check}: answers deterministically from the text, so tests can choose the outcome —
 * risky for {@link #RISKY_WORDS}, review for {@link #REVIEW_WORDS}, pass otherwise. Version 2 (sent as the number 2
 * or, as WxJava does, the string "2") answers with a suggestion and needs the user's openid (40003 without one);
 * version 1 only with an error code.
 */
final class MsgSecCheck {

    static final List<String> RISKY_WORDS = List.of("赌博", "毒品", "枪支", "诈骗");
    static final List<String> REVIEW_WORDS = List.of("代开发票", "刷单", "高利贷");

    private MsgSecCheck() {
    }

    static Map<String, Object> answer(Map<String, Object> body) {
        Object rawContent = body.get("content");
        if (rawContent == null) {
            return error(47001, "data format error");
        }
        String content = rawContent.toString();
        String suggest = "pass";
        int label = 100;
        String keyword = first(content, RISKY_WORDS);
        if (keyword != null) {
            suggest = "risky";
            label = 20006;
        } else {
            keyword = first(content, REVIEW_WORDS);
            if (keyword != null) {
                suggest = "review";
                label = 20008;
            }
        }
        Object openid = body.get("openid");
        if (isVersion2(body.get("version")) && (openid == null || openid.toString().isBlank())) {
            // Version 2 checks a user's text: WeChat wants the openid of a user who recently opened the mini-program.
            return error(40003, "invalid openid");
        }
        if (!isVersion2(body.get("version"))) {
            return "risky".equals(suggest) ? error(87014, "risky content") : error(0, "ok");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("suggest", suggest);
        result.put("label", label);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("strategy", "keyword");
        detail.put("errcode", 0);
        detail.put("suggest", suggest);
        detail.put("label", label);
        if (keyword != null) {
            detail.put("keyword", keyword);
        }
        Map<String, Object> reply = error(0, "ok");
        reply.put("result", result);
        reply.put("detail", List.of(detail));
        reply.put("trace_id", HexFormat.of().formatHex(sha256(content + System.nanoTime()), 0, 12));
        return reply;
    }

    private static boolean isVersion2(Object version) {
        return version instanceof Number n ? n.intValue() == 2 : version != null && "2".equals(version.toString().strip());
    }

    private static String first(String content, List<String> words) {
        return words.stream().filter(content::contains).findFirst().orElse(null);
    }

    private static Map<String, Object> error(int code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errcode", code);
        body.put("errmsg", message);
        return body;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
