package org.opengru.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.error.GruException;
import org.opengru.core.error.IdempotencyConflictException;
import org.opengru.core.error.IllegalTransitionException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.jdbc.DataAccessException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.ProblemDetail;

/** Item 4 of issue 16: the library's refusals as problem details that tell nothing of their message. */
class GruProblemsTest {

    static final String OTHER_RESIDENT = "usager:7d3c9a4e-2f1b-4c8d-9e0a-5b6c7d8e9f01";

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(GruWebAutoConfiguration.class));

    @Test
    void eachRefusalHasItsStatusStableCodeAndFrenchDetailButNeverItsMessage() {
        runner.run(context -> {
            GruProblems problems = context.getBean(GruProblems.class);
            List<GruException> refusals = List.of(
                    new AccessDeniedException(OTHER_RESIDENT, "read", "request", "42"),
                    new IdempotencyConflictException("cle-1"),
                    new IllegalTransitionException(
                            "request", "42", "ACCEPTED", "START_REVIEW", OTHER_RESIDENT, "already decided"),
                    new NotFoundException("request", OTHER_RESIDENT),
                    new ValidationException("usager", OTHER_RESIDENT, "is not a member of the household"),
                    DataAccessException.translate(
                            "filing for " + OTHER_RESIDENT, new SQLException("connection reset", "08006")),
                    DataAccessException.translate(
                            "booking for " + OTHER_RESIDENT, new SQLException("deadlock detected", "40P01")),
                    DataAccessException.translate(
                            "reading for " + OTHER_RESIDENT, new SQLException("syntax error", "42601")));
            List<String> codes = List.of(
                    "access-denied",
                    "idempotency-conflict",
                    "illegal-transition",
                    "not-found",
                    "invalid-input",
                    "temporarily-unavailable",
                    "temporarily-unavailable",
                    "internal-error");
            List<Integer> statuses = List.of(403, 409, 409, 404, 400, 503, 503, 500);
            for (int i = 0; i < refusals.size(); i++) {
                ProblemDetail problem = problems.of(refusals.get(i));
                assertThat(problem.getProperties()).containsEntry(GruProblems.CODE, codes.get(i));
                assertThat(problem.getStatus()).isEqualTo(statuses.get(i));
                assertThat(problem.getDetail() + problem.getTitle() + problem.getProperties())
                        .doesNotContain(OTHER_RESIDENT)
                        .doesNotContain("usager:");
            }
        });
    }

    @Test
    void theHostGivesItsOwnFrenchWordingAndKeepsTheCodes() {
        runner.withBean(GruProblems.class, () -> new GruProblems(e -> "votre dossier n'est pas accessible"))
                .run(context -> {
                    ProblemDetail problem = context.getBean(GruProblems.class)
                            .of(new AccessDeniedException(OTHER_RESIDENT, "read", "request", "42"));
                    assertThat(problem.getDetail()).isEqualTo("votre dossier n'est pas accessible");
                    assertThat(problem.getProperties()).containsEntry(GruProblems.CODE, "access-denied");
                });
    }
}
