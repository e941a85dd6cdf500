package cn.nanning.civic.common.problem;

import cn.nanning.civic.common.requestid.RequestIds;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Turns our own {@link ProblemException} into its problem+json response. */
@Produces(Problem.MEDIA_TYPE)
@Singleton
@Requires(classes = {ProblemException.class, ExceptionHandler.class})
public class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ProblemException e) {
        Problem problem = new Problem(
                e.type().startsWith("http") ? e.type() : Problem.TYPE_BASE + e.type(),
                e.title(),
                e.status().getCode(),
                e.detail(),
                request.getPath(),
                RequestIds.of(request),
                e.errors().isEmpty() ? null : e.errors());
        var response = HttpResponse.<Problem>status(e.status()).contentType(Problem.MEDIA_TYPE).body(problem);
        e.headers().forEach(response::header);
        return response;
    }
}
