package cn.nanning.civic.gateway.auth;

import cn.nanning.civic.common.problem.Problem;
import cn.nanning.civic.common.requestid.RequestIds;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/** Sign-in refused until the second factor is enrolled; the problem carries the enrolment to scan (password was right). */
final class EnrolmentRequired extends RuntimeException {

    static final String TYPE = "otp-enrolment-required";
    static final String DETAIL = "您的账号角色要求动态口令，目前尚未绑定。请用验证器应用扫描二维码（或输入密钥），"
            + "然后再次输入用户名、密码和应用显示的 6 位验证码登录。";

    private final String secret;
    private final String otpauthUri;

    EnrolmentRequired(String secret, String otpauthUri) {
        super(TYPE, null, false, false);
        this.secret = secret;
        this.otpauthUri = otpauthUri;
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static class Handler implements ExceptionHandler<EnrolmentRequired, HttpResponse<Map<String, Object>>> {

        @Override
        public HttpResponse<Map<String, Object>> handle(HttpRequest request, EnrolmentRequired e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", Problem.TYPE_BASE + TYPE);
            body.put("title", "需要绑定动态口令");
            body.put("status", HttpStatus.FORBIDDEN.getCode());
            body.put("detail", DETAIL);
            body.put("instance", request.getPath());
            body.put("requestId", RequestIds.of(request));
            body.put("secret", e.secret);
            body.put("otpauthUri", e.otpauthUri);
            return HttpResponse.<Map<String, Object>>status(HttpStatus.FORBIDDEN).contentType(Problem.MEDIA_TYPE)
                    .header("Cache-Control", "no-store").body(body);
        }
    }
}
