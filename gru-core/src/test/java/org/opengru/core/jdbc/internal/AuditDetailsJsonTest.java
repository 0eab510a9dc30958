package org.opengru.core.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

/**
 * The audit details and event types are written as JSON by hand on the submission path (Jackson looked up
 * a serializer per call): whatever a value holds, the text must parse back to the same values.
 */
class AuditDetailsJsonTest {

    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

    @Test
    void anyValueReadsBackAsWritten() {
        qt().withExamples(3000)
                .forAll(
                        strings().betweenCodePoints(0, 0xD7FF).ofLengthBetween(0, 40),
                        strings().betweenCodePoints(0, 0x7F).ofLengthBetween(0, 40))
                .checkAssert((any, ascii) -> {
                    Map<String, String> details = new TreeMap<>(Map.of("reasonSha256", any, "to", ascii, "from", ""));
                    String json = PostgresRequestStore.detailsJson(details);
                    assertThat(PostgresRequestStore.JSON.readValue(json, MAP)).isEqualTo(details);
                });
    }

    @Test
    void quotesBackslashesAndControlCharactersAreEscaped() {
        String json = PostgresRequestStore.detailsJson(Map.of("procedure", "a\"b\\c\nd\u0001é"));
        assertThat(json).isEqualTo("{\"procedure\":\"a\\\"b\\\\c\\nd\\u0001é\"}");
    }

    @Test
    void noDetailsIsAnEmptyObject() {
        assertThat(PostgresRequestStore.detailsJson(Map.of())).isEqualTo("{}");
    }
}
