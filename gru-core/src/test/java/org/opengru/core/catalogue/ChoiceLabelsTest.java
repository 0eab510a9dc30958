package org.opengru.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengru.core.error.ValidationException;

/**
 * The labels people read next to the codes machines keep: a choice field's {@code choiceLabels} in JSON and
 * YAML definitions, optional (definitions written before them still load and show their codes), all or none.
 */
class ChoiceLabelsTest {

    private final ProcedureDefinitions definitions = new ProcedureDefinitions();

    private static final String LABELLED = """
                choices: [jules-ferry, louise-michel]
                choiceLabels:
                  jules-ferry: École Jules-Ferry
                  louise-michel: École Louise-Michel
            """;

    private static String canteen() throws IOException {
        try (InputStream in = ChoiceLabelsTest.class.getResourceAsStream("/procedures/inscription-cantine.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static FieldDefinition school(Procedure p) {
        return p.schema().fields().stream()
                .filter(f -> f.name().equals("school"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aChoiceCarriesItsLabelNextToItsCodeAndTheDataKeepsTheCode() throws IOException {
        Procedure p = definitions.fromYaml(canteen().replace("    choices: [jules-ferry, louise-michel]\n", LABELLED));
        FieldDefinition school = school(p);
        assertThat(school.choices()).containsExactly("jules-ferry", "louise-michel");
        assertThat(school.choiceLabel("louise-michel")).isEqualTo("École Louise-Michel");
        assertThat(school.choiceLabels())
                .containsExactly(
                        Map.entry("jules-ferry", "École Jules-Ferry"),
                        Map.entry("louise-michel", "École Louise-Michel"));
        // The form data holds the code, as before.
        assertThat(p.schema()
                        .validate(FormData.of("school", "jules-ferry"), false)
                        .asMap())
                .containsEntry("school", "jules-ferry");
        assertThat(definitions.fromJson(definitions.toJson(p))).isEqualTo(p);
        assertThat(definitions.fromYaml(definitions.toYaml(p))).isEqualTo(p);
        assertThat(definitions.toJson(p)).contains("\"choiceLabels\"");
    }

    @Test
    void aDefinitionWithoutLabelsStillLoadsAndShowsItsCodes() throws IOException {
        Procedure p = definitions.fromYaml(canteen());
        assertThat(school(p).choiceLabels()).isNull();
        assertThat(school(p).choiceLabel("jules-ferry")).isEqualTo("jules-ferry");
        assertThat(definitions.toJson(p)).doesNotContain("choiceLabels");
    }

    @Test
    void labelsAreGivenForEveryChoiceAndOnlyForChoices() throws IOException {
        String yaml = canteen();
        assertThatThrownBy(() -> definitions.fromYaml(yaml.replace(
                        "    choices: [jules-ferry, louise-michel]\n",
                        LABELLED.replace("      louise-michel: École Louise-Michel\n", ""))))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.getMessage()).contains("field.school.choiceLabels"));
        assertThatThrownBy(
                        () -> FieldDefinition.choice("ecole", "École", FieldType.SINGLE_CHOICE, true, List.of("a", "b"))
                                .withChoiceLabels(Map.of("a", "A", "b", "B", "c", "C")))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("field.ecole.choiceLabels"));
        assertThatThrownBy(
                        () -> FieldDefinition.choice("ecole", "École", FieldType.SINGLE_CHOICE, true, List.of("a", "b"))
                                .withChoiceLabels(Map.of("a", "A", "b", " ")))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("field.ecole.choiceLabels.b"));
        assertThatThrownBy(() ->
                        FieldDefinition.of("nom", "Nom", FieldType.TEXT, true).withChoiceLabels(Map.of("a", "A")))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("field.nom.choiceLabels"));
    }

    @Test
    void theLabelsFollowTheOrderOfTheChoices() {
        Map<String, String> reversed = new LinkedHashMap<>();
        reversed.put("b", "Bé");
        reversed.put("a", "A");
        FieldDefinition f = FieldDefinition.choice("x", "X", FieldType.MULTIPLE_CHOICE, false, List.of("a", "b"))
                .withChoiceLabels(reversed);
        assertThat(f.choiceLabels().keySet()).containsExactly("a", "b");
    }
}
