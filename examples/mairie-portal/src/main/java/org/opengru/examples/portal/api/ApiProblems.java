package org.opengru.examples.portal.api;

import org.jspecify.annotations.Nullable;
import org.opengru.core.error.GruException;
import org.opengru.examples.portal.commune.ResidentProblems;
import org.opengru.spring.web.GruProblems;
import org.opengru.spring.web.GruProblems.ProblemCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the JSON API as an RFC 9457 problem detail with a stable {@code code} and a French
 * {@code detail} (the starter's {@link GruProblems}, worded by {@link ResidentProblems}): the library's
 * messages, which may name a principal or another person's id, go to the log only. Ahead of the pages'
 * advice, which would answer with an HTML page.
 */
// tag::problems[]
@RestControllerAdvice(assignableTypes = ApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    private final GruProblems problems = new GruProblems(ResidentProblems::french);

    @ExceptionHandler(GruException.class)
    ResponseEntity<ProblemDetail> refused(GruException e) {
        ProblemDetail problem = problems.of(e);
        ProblemCode code = ProblemCode.of(e);
        log.info("API call refused ({}): {}", problem.getProperties().get(GruProblems.CODE), e.getMessage());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus());
        // A lost connection or a deadlock: the client retries the same call, with the same key, shortly.
        code.retryAfter().ifPresent(seconds -> response.header(HttpHeaders.RETRY_AFTER, seconds));
        return response.body(problem);
    }
    // end::problems[]

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e) {
        log.info("API call refused (invalid input): {}", e.getMessage());
        return respond(ProblemCode.INVALID_INPUT);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> failed(Exception e) {
        log.error("API call failed", e);
        return respond(ProblemCode.INTERNAL_ERROR);
    }

    /** Spring MVC's own refusals (unreadable body, missing parameter, wrong method…), with a code too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemCode code = status.value() == 404
                ? ProblemCode.NOT_FOUND
                : status.is4xxClientError() ? ProblemCode.INVALID_INPUT : ProblemCode.INTERNAL_ERROR;
        ProblemDetail problem = GruProblems.of(code);
        problem.setStatus(status.value());
        log.info("API call refused ({}): {}", status.value(), e.getMessage());
        return ResponseEntity.status(status).headers(headers).body(problem);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemCode code) {
        ProblemDetail problem = GruProblems.of(code);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
