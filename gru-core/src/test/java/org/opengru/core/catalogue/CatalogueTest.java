package org.opengru.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengru.core.error.AlreadyExistsException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.error.Violation;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.UsagerKind;

class CatalogueTest {

    private final ProcedureDefinitions definitions = new ProcedureDefinitions();

    private static String resource(String name) throws IOException {
        try (InputStream in = CatalogueTest.class.getResourceAsStream("/procedures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Procedure canteen() throws IOException {
        return definitions.fromYaml(resource("inscription-cantine.yaml"));
    }

    private static FormData valid() {
        return FormData.of(Map.of(
                "childName", "Léo Martin",
                "birthDate", "2019-05-04",
                "school", "jules-ferry",
                "days", List.of("lundi", "jeudi"),
                "reducedRate", true,
                "quotient", 712,
                "parentPhone", "06 12 34 56 78",
                "address", Map.of("lines", List.of("3 rue des Lilas"), "postalCode", "69100", "city", "Villeurbanne"),
                "iban", "FR76 3000 6000 0112 3456 7890 189",
                "employerSiret", "732 829 320 00074"));
    }

    @Test
    void yamlDefinition_loadsAsPlainData_andRoundTripsThroughJson() throws IOException {
        Procedure p = canteen();
        assertThat(p.ref()).isEqualTo(new ProcedureRef(ProcedureCode.of("inscription-cantine"), 3));
        assertThat(p.openTo()).containsExactlyInAnyOrder(UsagerKind.PERSON, UsagerKind.HOUSEHOLD);
        assertThat(p.implicitDecision().decision()).isEqualTo(ImplicitDecision.ACCEPTANCE);
        assertThat(p.implicitDecision().afterComplement()).isEqualTo(ComplementEffect.RESTART);
        assertThat(p.complementDelay()).isEqualTo(Period.ofDays(15));
        assertThat(p.retention()).isEqualTo(Period.ofYears(2));
        assertThat(p.schema().fields()).hasSize(12);
        assertThat(definitions.fromJson(definitions.toJson(p))).isEqualTo(p);
        assertThat(definitions.fromYaml(definitions.toYaml(p))).isEqualTo(p);
    }

    @Test
    void schema_normalisesEveryType() throws IOException {
        FormData checked = canteen().schema().validate(valid(), true);
        assertThat(checked.get("quotient")).isEqualTo(BigDecimal.valueOf(712));
        assertThat(checked.get("parentPhone")).isEqualTo("+33612345678");
        assertThat(checked.get("iban")).isEqualTo("FR7630006000011234567890189");
        assertThat(checked.get("employerSiret")).isEqualTo("73282932000074");
        assertThat(checked.get("address"))
                .isEqualTo(Map.of(
                        "lines",
                        List.of("3 rue des Lilas"),
                        "postalCode",
                        "69100",
                        "city",
                        "Villeurbanne",
                        "country",
                        "FR"));
    }

    @Test
    void schema_reportsEveryBadValueWithFieldAndValue() throws IOException {
        FormData bad = valid().merge(FormData.of(Map.of(
                "birthDate", "2009-12-31",
                "school", "autre",
                "days", List.of("lundi", "dimanche"),
                "quotient", "-3",
                "iban", "FR7630006000011234567890188",
                "employerSiret", "73282932000075",
                "allergyCode", "PAI-12",
                "nickname", "Léo")));
        assertThatThrownBy(() -> canteen().schema().validate(bad, true))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field, Violation::value)
                                .contains(
                                        org.assertj.core.groups.Tuple.tuple("data.birthDate", "2009-12-31"),
                                        org.assertj.core.groups.Tuple.tuple("data.school", "autre"),
                                        org.assertj.core.groups.Tuple.tuple("data.days", "dimanche"),
                                        org.assertj.core.groups.Tuple.tuple("data.quotient", "-3"),
                                        org.assertj.core.groups.Tuple.tuple("data.iban", "FR7630006000011234567890188"),
                                        org.assertj.core.groups.Tuple.tuple("data.employerSiret", "73282932000075"),
                                        org.assertj.core.groups.Tuple.tuple("data.allergyCode", "PAI-12"),
                                        org.assertj.core.groups.Tuple.tuple("data.nickname", "Léo")));
    }

    @Test
    void conditions_applyToFieldsAndPieces() throws IOException {
        Procedure p = canteen();
        FormData noReduction = valid().merge(FormData.of("reducedRate", false));
        assertThatThrownBy(() -> p.schema().validate(noReduction, true))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("data.quotient");
                    assertThat(e.getMessage()).contains("does not apply");
                });
        FormData withoutQuotient = FormData.of(noReduction.asMap().entrySet().stream()
                .filter(en -> !en.getKey().equals("quotient"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertThat(p.schema().validate(withoutQuotient, true).has("quotient")).isFalse();
        assertThat(p.piecesFor(withoutQuotient))
                .extracting(r -> r.type().value())
                .containsExactly("justificatif-domicile");
        assertThat(p.piecesFor(valid()))
                .extracting(r -> r.type().value())
                .containsExactly("justificatif-domicile", "attestation-caf");
        // A draft may miss required values, not hold bad ones.
        assertThat(p.schema()
                        .validate(FormData.of("school", "jules-ferry"), false)
                        .asMap())
                .containsOnlyKeys("school");
    }

    @Test
    void badDefinitions_areRefusedNamingTheFieldAndValue() throws IOException {
        String yaml = resource("inscription-cantine.yaml");
        assertThatThrownBy(() ->
                        definitions.fromYaml(yaml.replace("code: inscription-cantine", "code: Inscription Cantine")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("procedure.code");
                    assertThat(e.value()).isEqualTo("Inscription Cantine");
                });
        assertThatThrownBy(() -> definitions.fromYaml(yaml.replace("maxLength: 100", "maxLenght: 100")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("maxLenght");
        assertThatThrownBy(() -> definitions.fromYaml(
                        yaml.replace("field: reducedRate, operator: EQUALS", "field: unknownField, operator: EQUALS")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("unknownField");
        assertThatThrownBy(() -> definitions.fromYaml(yaml.replace("type: DATE", "type: TIMESTAMP")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("TIMESTAMP");
        assertThatThrownBy(
                        () -> definitions.fromYaml(yaml.replace("pattern: \"PAI-[0-9]{4}\"", "pattern: \"PAI-[0-9\"")))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("field.allergyCode.pattern"));
    }

    @Test
    void jsonDefinition_withDefaults() {
        Procedure p = definitions.fromJson("""
                {"code": "certificat-residence", "version": 1, "title": "Certificat de résidence", "team": "etat-civil",
                 "openTo": ["PERSON"], "retention": "P1Y", "implicitDecision": {"decision": "REJECTION"}}
                """);
        assertThat(p.implicitDecision().period()).isEqualTo(DecisionPeriod.TWO_MONTHS);
        assertThat(p.implicitDecision().afterComplement()).isEqualTo(ComplementEffect.CONTINUE);
        assertThat(p.schema().fields()).isEmpty();
        assertThat(p.pieces()).isEmpty();
    }

    @Test
    void store_keepsVersionsImmutableAndOrdered() throws IOException {
        ProcedureStore store = ProcedureStore.inMemory();
        TenantId a = TenantId.of("ville-a");
        Procedure v3 = canteen();
        store.define(a, v3);
        assertThatThrownBy(() -> store.define(a, v3)).isInstanceOf(AlreadyExistsException.class);
        Procedure v2 = definitions.fromJson(definitions.toJson(v3).replace("\"version\" : 3", "\"version\" : 2"));
        assertThatThrownBy(() -> store.define(a, v2))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("procedure.version"));
        assertThat(store.latest(a, v3.code())).contains(v3);
        assertThat(store.latest(TenantId.of("ville-b"), v3.code())).isEmpty();
        assertThat(store.catalogue(a)).containsExactly(v3);
        assertThat(LocalDate.of(2026, 1, 1)).isNotNull();
    }
}
