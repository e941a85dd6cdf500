package cn.nanning.civic.common.problem;

import io.micronaut.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fault or refusal that must reach the caller as problem+json. {@code detail} is shown to end users,
 * so it is written in Simplified Chinese.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final String detail;
    private final List<Problem.FieldError> errors;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(HttpStatus status, String type, String title, String detail) {
        this(status, type, title, detail, List.of());
    }

    public ProblemException(HttpStatus status, String type, String title, String detail, List<Problem.FieldError> errors) {
        super(type + ": " + detail);
        this.status = status;
        this.type = type;
        this.title = title != null ? title : ProblemTitles.forStatus(status.getCode());
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException badRequest(String type, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, type, null, detail);
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "validation", null, message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", null, detail);
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "unauthorized", null, detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", null, detail);
    }

    public static ProblemException conflict(String type, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, type, null, detail);
    }

    public static ProblemException unavailable(String type, String detail) {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, type, null, detail);
    }

    /** Adds a response header to the problem, e.g. {@code Retry-After} on a 423 or 429. */
    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Response headers that go with the problem. */
    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
