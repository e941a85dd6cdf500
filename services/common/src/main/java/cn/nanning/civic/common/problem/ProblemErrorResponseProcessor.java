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
        return new Problem.FieldError(path != null ? lastSegment(path) : null, message);
    }

    /** Validation paths look like {@code create.command.name}; the caller only knows {@code name}. */
    private static String lastSegment(String path) {
        int dot = path.lastIndexOf('.');
        return dot >= 0 ? path.substring(dot + 1) : path;
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
