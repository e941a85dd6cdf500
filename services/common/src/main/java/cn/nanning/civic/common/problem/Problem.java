package cn.nanning.civic.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * RFC 9457 problem details. {@code type} is stable and machine-readable; {@code title} and {@code detail}
 * are Simplified Chinese for the person in front of the screen.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        @Nullable String detail,
        @Nullable String instance,
        @Nullable String requestId,
        @Nullable List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Base of our problem type URIs; the suffix names the problem. */
    public static final String TYPE_BASE = "https://civic.nanning.example/problems/";

    /** A problem with one input field. */
    @Serdeable
    public record FieldError(String field, String message) {
    }
}
