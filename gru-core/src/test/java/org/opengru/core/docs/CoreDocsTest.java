package org.opengru.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengru.core.acknowledgment.Acknowledgment;
import org.opengru.core.acknowledgment.AcknowledgmentTemplate;
import org.opengru.core.acknowledgment.AppealInformation;
import org.opengru.core.acknowledgment.Mention;
import org.opengru.core.catalogue.FieldRefusal;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestLifecycle;

/**
 * Keeps docs/core.md in step with the code: the lifecycle diagram and table (exported from the lifecycle
 * table), the list of mandatory mentions, a sample acknowledgment, the richer field types' definition (a
 * test resource) and the refusal codes of a form. (Its code examples are snippets, checked by gru-it's
 * DocSnippetsTest.) Fails when the doc drifts; regenerate with {@code ./mvnw -pl gru-core test
 * -Dtest=CoreDocsTest -Dgru.docs.update=true}.
 */
class CoreDocsTest {

    private static final Path DOC = Path.of("..", "docs", "core.md");
    private static final Path CENTRE =
            Path.of("src", "test", "resources", "procedures", "inscription-centre-loisirs.yaml");

    static Map<String, String> generatedSections() throws IOException {
        Map<String, String> sections = new LinkedHashMap<>();
        RequestLifecycle lifecycle = RequestLifecycle.standard();
        sections.put("lifecycle-diagram", "```mermaid\n" + lifecycle.toMermaid() + "```\n");
        sections.put("lifecycle-table", lifecycle.toMarkdownTable());
        StringBuilder mentions = new StringBuilder("| placeholder | what it says | CRPA |\n| --- | --- | --- |\n");
        for (Mention m : Mention.values()) {
            mentions.append("| `")
                    .append(m.placeholder())
                    .append("` | ")
                    .append(describe(m))
                    .append(" | ")
                    .append(m.legalBasis())
                    .append(" |\n");
        }
        sections.put("mentions", mentions.toString());
        sections.put(
                "field-types-yaml",
                "```yaml\n" + Files.readString(CENTRE, StandardCharsets.UTF_8).replaceFirst("^#.*\n", "") + "```\n");
        StringBuilder refusals = new StringBuilder("| code | what the resident reads |\n| --- | --- |\n");
        for (FieldRefusal r : FieldRefusal.values()) {
            refusals.append("| `")
                    .append(r.code())
                    .append("` | ")
                    .append(r.french("…"))
                    .append(" |\n");
        }
        sections.put("field-refusals", refusals.toString());
        Request sent = EmbeddingExampleTest.embed(Clock.fixed(Instant.parse("2026-01-15T09:30:00Z"), ZoneOffset.UTC));
        Acknowledgment.Data d = sent.acknowledgment().data();
        // As a commune would set them: its name and its voies de recours.
        Acknowledgment.Data sample = new Acknowledgment.Data(
                d.requestId(),
                d.tenant(),
                d.reference(),
                "Ville de Villeurbanne",
                d.procedure(),
                d.procedureTitle(),
                d.receivedAt(),
                d.zone(),
                d.service(),
                d.implicitDecision(),
                d.period(),
                d.implicitDecisionDate(),
                new AppealInformation(
                        "Monsieur le Maire de Villeurbanne",
                        "le tribunal administratif de Lyon",
                        "184 rue Duguesclin, 69003 Lyon"),
                d.missingPieces(),
                d.complementDueBy());
        sections.put(
                "acknowledgment-sample",
                "```text\n" + AcknowledgmentTemplate.standard().renderText(sample) + "```\n");
        return sections;
    }

    private static String describe(Mention m) {
        return switch (m) {
            case RECEIPT -> "date and time of receipt, the démarche and the request's reference";
            case SERVICE -> "the service in charge: name, postal address, e-mail, phone";
            case IMPLICIT_DECISION ->
                "whether silence means acceptance or rejection and the date it occurs (or that the period starts with the missing pieces); for an acceptance, the attestation of L232-3";
            case APPEAL ->
                "for an implicit rejection: recours gracieux and contentieux, two months, Télérecours citoyens";
            case MISSING_PIECES ->
                "for an incomplete request: the missing pieces, the deadline to send them, and that the period only starts with them";
        };
    }

    static String apply(String doc, Map<String, String> sections) {
        String out = doc;
        for (Map.Entry<String, String> e : sections.entrySet()) {
            String begin = "<!-- " + e.getKey() + ":start -->\n";
            String finish = "<!-- " + e.getKey() + ":end -->";
            int a = out.indexOf(begin);
            int b = out.indexOf(finish);
            if (a < 0 || b < a) {
                throw new AssertionError("docs/core.md lacks the markers of section " + e.getKey());
            }
            out = out.substring(0, a + begin.length()) + e.getValue() + out.substring(b);
        }
        return out;
    }

    @Test
    void docsMatchTheCode() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String expected = apply(doc, generatedSections());
        if (Boolean.getBoolean("gru.docs.update")) {
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
            return;
        }
        assertThat(doc)
                .as("docs/core.md is out of date: ./mvnw -pl gru-core test -Dtest=CoreDocsTest -Dgru.docs.update=true")
                .isEqualTo(expected);
    }
}
