package cn.nanning.civic.common.problem;

import cn.nanning.civic.common.requestid.RequestIds;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Renders every error the framework produces (unknown routes, bad arguments, validation, 401/403, unhandled
 * exceptions) as problem+json with a Chinese title and detail. Technical messages only go into {@code errors},
 * and never for 5xx, so nothing internal leaks. A fault that is the database being out of reach (a restart, a
 * failover, an exhausted pool) is answered 503 with {@code Retry-After} instead of 500.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return (MutableHttpResponse<Problem>) response;
        }
        if (response.code() == 500 && DatabaseFailures.isUnavailable(context.getRootCause())) {
            // The database is restarting or out of reach: not the request's fault, and worth repeating shortly.
            Problem problem = new Problem(Problem.TYPE_BASE + "database-unavailable", ProblemTitles.forStatus(503), 503,
                    "系统正在恢复数据连接，您的操作未能完成，请稍后重试。", context.getRequest().getPath(),
                    RequestIds.of(context.getRequest()), null);
            return response.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseFailures.RETRY_AFTER_SECONDS))
                    .body(problem).contentType(Problem.MEDIA_TYPE);
        }
        int status = response.code();
        List<Problem.FieldError> errors = status >= 500 ? List.of() : context.getErrors().stream()
                .map(ProblemErrorResponseProcessor::toFieldError)
                .toList();
        String detail = validationDetail(status, errors);
        Problem problem = new Problem(
                Problem.TYPE_BASE + (errors.isEmpty() || status != 400 ? ProblemTitles.defaultType(status) : "validation"),
                ProblemTitles.forStatus(status),
                status,
                detail,
                context.getRequest().getPath(),
                RequestIds.of(context.getRequest()),
                errors.isEmpty() ? null : errors);
        return response.body(problem).contentType(Problem.MEDIA_TYPE);
    }

    private static Problem.FieldError toFieldError(Error error) {
        String message = error.getMessage();
        String path = error.getPath().orElse(null);
        // Bean validation reports "argument.field: message" in the message itself.
        int sep = message != null ? message.indexOf(": ") : -1;
        if (path == null && sep > 0 && !message.substring(0, sep).contains(" ")) {
            path = message.substring(0, sep);
            message = message.substring(sep + 2);
        }
        String field = path != null ? fieldPath(path) : null;
        return new Problem.FieldError(field, chinese(message) ? message : plainChinese(message, field));
    }

    /**
     * Field paths in one style, as the client wrote the JSON: {@code guardian.phone}. Validation reports
     * {@code method.argument.guardian.phone} (or {@code method.parameter} for a query value), JSON errors {@code /guardian/phone}.
     */
    static String fieldPath(String path) {
        String dotted = path.startsWith("/") ? path.substring(1).replace('/', '.') : path;
        if (path.startsWith("/")) {
            return dotted;
        }
        String[] parts = dotted.split("\\.");
        if (parts.length >= 3) {
            return String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
        }
        return parts[parts.length - 1];
    }

    private static boolean chinese(String message) {
        return message != null && message.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    /**
     * The framework's own texts ("Failed to convert argument […] for value […]", "Invalid JSON: …") are English,
     * technical and repeat the client's input; a person reads what kind of problem it is instead.
     */
    static String plainChinese(String message, String field) {
        String text = message == null ? "" : message;
        if (text.contains("JSON") || text.contains("Unexpected character") || text.contains("Unrecognized token")) {
            return "请求内容不是有效的 JSON，请检查后重试。";
        }
        if (text.startsWith("Failed to convert") || text.contains("convert") || text.contains("Cannot deserialize")) {
            return field != null ? "格式不正确。" : "有一项内容的格式不正确。";
        }
        if (text.contains("Required") || text.contains("required") || text.contains("missing") || text.contains("null")) {
            return "缺少必填项。";
        }
        return "输入有误，请检查后重试。";
    }

    private static String validationDetail(int status, List<Problem.FieldError> errors) {
        boolean chineseMessage = !errors.isEmpty() && errors.get(0).message() != null
                && errors.get(0).message().codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
        if (status == 400 && chineseMessage) {
            Problem.FieldError first = errors.get(0);
            return (first.field() != null ? first.field() + "：" : "") + first.message();
        }
        return ProblemTitles.defaultDetail(status);
    }
}
