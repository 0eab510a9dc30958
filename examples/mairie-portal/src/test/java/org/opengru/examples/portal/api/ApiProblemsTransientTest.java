package org.opengru.examples.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.opengru.core.jdbc.DataAccessException;
import org.opengru.spring.web.GruProblems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Item 4 of issue 19: a lost connection, a deadlock or a serialization failure is "retry with the same
 * key", answered 503 with Retry-After, not 500; any other database failure stays a 500 without it.
 */
class ApiProblemsTransientTest {

    private final ApiProblems problems = new ApiProblems();

    @Test
    void aTransientDatabaseFailureIsA503WithRetryAfter() {
        for (String state : new String[] {"08006", "08001", "57P01", "40001", "40P01"}) {
            ResponseEntity<ProblemDetail> response = problems.refused(
                    DataAccessException.translate("filing a request", new SQLException("lost", state)));
            assertThat(response.getStatusCode().value()).as(state).isEqualTo(503);
            assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                    .as(state)
                    .isEqualTo("2");
            assertThat(response.getBody()).isNotNull();
            assertThat(response.getBody().getProperties()).containsEntry(GruProblems.CODE, "temporarily-unavailable");
            assertThat(response.getBody().getDetail()).doesNotContain("filing").contains("réessayez");
        }
    }

    @Test
    void anyOtherDatabaseFailureStaysAnInternalErrorWithoutRetryAfter() {
        ResponseEntity<ProblemDetail> response = problems.refused(
                DataAccessException.translate("filing a request", new SQLException("syntax error", "42601")));
        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(response.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER))
                .isFalse();
    }
}
