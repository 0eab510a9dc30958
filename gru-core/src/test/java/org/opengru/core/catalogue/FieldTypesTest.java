package org.opengru.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengru.core.error.ValidationException;
import org.opengru.core.error.Violation;
import tools.jackson.databind.json.JsonMapper;

/**
 * The richer field types (address, point, commune, repeated group, file, date range): their definitions in
 * YAML and JSON, what each accepts, refuses (with a stable code and a French reason) and normalises, and
 * conditions across them.
 */
class FieldTypesTest {

    private final ProcedureDefinitions definitions = new ProcedureDefinitions();

    private Procedure centre() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/procedures/inscription-centre-loisirs.yaml")) {
            return definitions.fromYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static Map<String, Object> child(String firstName, String birthDate, boolean allergy) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("firstName", firstName);
        c.put("birthDate", birthDate);
        c.put("allergy", allergy);
        return c;
    }

    /** A complete, valid registration; {@code home} as AddressCheck leaves it. */
    private static Map<String, Object> valid() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put(
                "home",
                Map.of(
                        "lines", List.of("10 rue de la République"),
                        "postalCode", "45000",
                        "city", "Orléans",
                        "citycode", "45234",
                        "position", Map.of("lat", 47.904035, "lon", 1.904502),
                        "verification", "VERIFIED"));
        d.put("commune", Map.of("code", "45234", "name", "Orléans"));
        d.put("stay", Map.of("start", "2026-07-06", "end", "2026-07-17"));
        Map<String, Object> allergic = child("Jade", "2018-09-30", true);
        allergic.put("pai", "upload-7f3a");
        d.put("children", List.of(child("Léo", "2016-05-04", false), allergic));
        d.put("pickup", Map.of("lat", "47,9021", "lon", "1.9093", "accuracy", 12.25));
        return d;
    }

    private static FormData with(String field, Object value) {
        Map<String, Object> d = valid();
        d.put(field, value);
        return FormData.of(d);
    }

    private static FormData without(String field) {
        Map<String, Object> d = valid();
        d.remove(field);
        return FormData.of(d);
    }

    private static List<Violation> refusals(DataSchema schema, FormData data, boolean complete) {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> schema.validate(data, complete));
        assertThat(e).as("refused").isNotNull();
        return e.violations();
    }

    /** The one refusal of this data, which must carry its code and a French reason. */
    private static Violation refusal(DataSchema schema, FormData data) {
        List<Violation> all = refusals(schema, data, true);
        assertThat(all).hasSize(1);
        Violation v = all.get(0);
        assertThat(FieldRefusal.of(v.code())).as("a known code").isPresent();
        assertThat(v.french()).isNotBlank().doesNotContain("%s");
        return v;
    }

    // ---- definitions ---------------------------------------------------------------------------------

    @Test
    void theDefinition_readsFromYaml_andRoundTripsThroughJsonAndYaml() throws IOException {
        Procedure p = centre();
        FieldDefinition home = p.schema().field("home").orElseThrow();
        assertThat(home.type()).isEqualTo(FieldType.ADDRESS);
        assertThat(home.verify()).isTrue();
        assertThat(home.minScore()).isEqualByComparingTo("0.7");
        FieldDefinition children = p.schema().field("children").orElseThrow();
        assertThat(children.maxItems()).isEqualTo(4);
        assertThat(children.fields().field("pai").orElseThrow().documentType()).isEqualTo(DocumentTypeCode.of("pai"));
        FieldDefinition pickup = p.schema().field("pickup").orElseThrow();
        assertThat(pickup.bounds().polygons()).hasSize(1);
        assertThat(pickup.bounds().contains(47.90, 1.90)).isTrue();
        assertThat(p.schema().field("stay").orElseThrow().maxDays()).isEqualTo(14);

        String json = definitions.toJson(p);
        assertThat(definitions.fromJson(json)).isEqualTo(p);
        assertThat(definitions.fromYaml(definitions.toYaml(p))).isEqualTo(p);
        // Options a field does not use are not written out.
        String schema = json.substring(0, json.indexOf("\"pieces\""));
        assertThat(schema).doesNotContain("null").contains("\"verify\" : true");
        assertThat(json).containsOnlyOnce("\"verify\"");
    }

    @Test
    void aDefinitionGivingAnOptionToTheWrongTypeOrAnImpossibleCondition_isRefusedNamingIt() throws IOException {
        String yaml = new String(
                getClass()
                        .getResourceAsStream("/procedures/inscription-centre-loisirs.yaml")
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        assertField(
                yaml.replace("type: COMMUNE, required: true", "type: COMMUNE, required: true, verify: true"),
                "field.commune.verify");
        assertField(yaml.replace("maxDays: 14", "maxDays: 0"), "field.stay.maxDays");
        assertField(yaml.replace("documentType: attestation-assurance, ", ""), "field.insurance.documentType");
        assertField(yaml.replace("maxItems: 4", "maxItems: 4\n    minItems: 5"), "field.children.maxItems");
        assertField(yaml.replace("minScore: 0.7", "minScore: 1.5"), "field.home.minScore");
        assertField(
                yaml.replace(
                        "[[1.85, 47.87], [1.96, 47.87], [1.96, 47.94], [1.85, 47.94]]",
                        "[[1.85, 47.87], [1.96, 47.87], [1.85, 47.87]]"),
                "bounds.polygons");
        assertField(yaml.replace("[1.96, 47.94]", "[1.96, 147.94]"), "bounds.lat");
        // A point and a date range cannot be compared, only be present or absent.
        assertField(
                yaml.replace(
                        "when: { field: insurance, operator: PRESENT }",
                        "when: { field: stay, operator: EQUALS, values: [\"x\"] }"),
                "field.insurer.when");
        // A group compares its number of items.
        assertField(
                yaml.replace("values: [\"3\", \"4\"]", "values: [\"trois\"]"), "procedure.pieces.attestation-caf.when");
        // A condition inside a group refers to a field of the group.
        assertField(yaml.replace("when: { field: allergy,", "when: { field: commune,"), "field.pai.when");
        // A document type is asked once: as a file field or as a piece.
        assertField(yaml.replace("documentType: pai", "documentType: justificatif-domicile"), "procedure.pieces");

        DataSchema inner = DataSchema.of(FieldDefinition.of("x", "X", FieldType.TEXT, true));
        FieldDefinition group = FieldDefinition.group("g", "G", false, inner);
        assertThatThrownBy(() -> FieldDefinition.group("outer", "Outer", false, DataSchema.of(group)))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("field.outer.fields"));
        assertThatThrownBy(() -> FieldDefinition.of("g", "G", FieldType.REPEATED_GROUP, false))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("field.g.fields"));
        assertThatThrownBy(() ->
                        FieldDefinition.of("n", "N", FieldType.NUMBER, false).within(GeoBounds.box(47, 1, 48, 2), null))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("field.n.bounds"));
    }

    private void assertField(String yaml, String field) {
        assertThatThrownBy(() -> definitions.fromYaml(yaml))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    // ---- a whole form --------------------------------------------------------------------------------

    @Test
    void aValidForm_isNormalisedFieldByField() throws IOException {
        FormData out = centre().schema().validate(FormData.of(valid()), true);

        assertThat(out.get("commune")).isEqualTo(Map.of("code", "45234", "name", "Orléans"));
        assertThat(out.get("stay")).isEqualTo(Map.of("start", "2026-07-06", "end", "2026-07-17"));
        assertThat(out.get("pickup"))
                .isEqualTo(Map.of(
                        "lat", new BigDecimal("47.9021"),
                        "lon", new BigDecimal("1.9093"),
                        "accuracy", new BigDecimal("12.2")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> children = (List<Map<String, Object>>) out.get("children");
        assertThat(children).hasSize(2);
        assertThat(children.get(0)).containsOnlyKeys("firstName", "birthDate", "allergy");
        assertThat(children.get(1).get("pai")).isEqualTo(Map.of("type", "pai", "documentRef", "upload-7f3a"));
        assertThat(out.get("home"))
                .isEqualTo(Map.of(
                        "lines", List.of("10 rue de la République"),
                        "postalCode", "45000",
                        "city", "Orléans",
                        "citycode", "45234",
                        "position", Map.of("lat", new BigDecimal("47.904035"), "lon", new BigDecimal("1.904502")),
                        "verification", "VERIFIED"));
        assertThat(centre().schema().inlinePieces(out))
                .containsExactly(new InlinePiece("data.children[1].pai", DocumentTypeCode.of("pai"), "upload-7f3a"));
    }

    @Test
    void normalisedValues_readBackEqualFromJson_asAStoreKeepsThem() throws IOException {
        FormData out = centre().schema().validate(FormData.of(valid()), true);
        JsonMapper json = JsonMapper.builder().build();
        FormData back = json.readValue(json.writeValueAsString(out), FormData.class);
        assertThat(back).isEqualTo(out);
        assertThat(centre().schema().validate(back, true)).isEqualTo(out);
    }

    @Test
    void everyProblemOfAFormIsReported_eachWithItsPathCodeAndFrenchReason() throws IOException {
        Map<String, Object> d = valid();
        d.put("commune", Map.of("code", "99134", "name", "Espagne"));
        d.put("stay", Map.of("start", "2026-07-20", "end", "2026-07-06"));
        d.put("children", List.of(child("Léo", "2011-12-31", false), Map.of("firstName", "Jade", "nickname", "J")));
        d.put("pickup", Map.of("lat", 48.8566, "lon", 2.3522));

        List<Violation> all = refusals(centre().schema(), FormData.of(d), true);

        assertThat(all)
                .extracting(Violation::field, Violation::code)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("data.commune", "commune.code"),
                        org.assertj.core.groups.Tuple.tuple("data.outsideRate", "required"),
                        org.assertj.core.groups.Tuple.tuple("data.stay", "date-range.reversed"),
                        org.assertj.core.groups.Tuple.tuple("data.children[0].birthDate", "date.too-early"),
                        org.assertj.core.groups.Tuple.tuple("data.children[1].birthDate", "required"),
                        org.assertj.core.groups.Tuple.tuple("data.children[1].allergy", "required"),
                        org.assertj.core.groups.Tuple.tuple("data.children[1].nickname", "unknown-field"),
                        org.assertj.core.groups.Tuple.tuple("data.pickup", "point.outside"));
        assertThat(all).allSatisfy(v -> assertThat(v.french()).isNotBlank().doesNotContain("must", "%s"));
        assertThat(all)
                .filteredOn(v -> v.field().equals("data.children[0].birthDate"))
                .extracting(Violation::french, Violation::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "la date ne peut pas être avant le 1er janvier 2012", "must not be before 2012-01-01"));
        assertThat(centre().schema().labelOf("data.children[1].birthDate")).contains("Enfants n°2 : Date de naissance");
        assertThat(centre().schema().labelOf("data.children[1]")).contains("Enfants n°2");
        assertThat(centre().schema().labelOf("data.nothing")).isEmpty();
    }

    // ---- one type at a time --------------------------------------------------------------------------

    @Test
    void address_keepsItsPartsChecksThePostcodeAndTheInseeCode() {
        DataSchema schema = DataSchema.of(FieldDefinition.of("site", "Adresse du chantier", FieldType.ADDRESS, true));
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("lines", "Bâtiment B\n\n  3 allée des Cèdres  ");
        site.put("postalCode", "20000");
        site.put("city", "Ajaccio");
        site.put("citycode", "2a004");
        site.put("position", Map.of("lat", "41.9192", "lon", "8.7386"));
        assertThat(schema.validate(FormData.of("site", site), true).get("site"))
                .isEqualTo(Map.of(
                        "lines", List.of("Bâtiment B", "3 allée des Cèdres"),
                        "postalCode", "20000",
                        "city", "Ajaccio",
                        "citycode", "2A004",
                        "position", Map.of("lat", new BigDecimal("41.9192"), "lon", new BigDecimal("8.7386"))));

        assertCode(
                schema,
                "site",
                put(site, "postalCode", "2000"),
                "address.postal-code",
                "le code postal compte 5 chiffres");
        assertCode(schema, "site", put(site, "citycode", "20004"), "commune.code", null);
        assertCode(schema, "site", put(site, "lines", List.of("x".repeat(39))), "address.lines", null);
        assertCode(schema, "site", put(site, "city", " "), "address.incomplete", null);
        assertCode(schema, "site", put(site, "floor", "2"), "unknown-field", null);
        assertCode(schema, "site", put(site, "position", Map.of("lat", 91, "lon", 2)), "point.out-of-range", null);
        assertCode(schema, "site", "3 allée des Cèdres", "address.incomplete", null);
        // Only a field to verify carries a verification, and only AddressCheck sets it.
        assertCode(schema, "site", put(site, "verification", "VERIFIED"), "wrong-kind", null);
    }

    @Test
    void addressToVerify_mustHaveBeenThroughTheCheckBeforeSubmission_notForADraft() throws IOException {
        DataSchema schema = centre().schema();
        Map<String, Object> typed =
                Map.of("lines", List.of("10 rue de la République"), "postalCode", "45000", "city", "Orléans");
        Violation v = refusal(schema, with("home", typed));
        assertThat(v.field()).isEqualTo("data.home");
        assertThat(v.code()).isEqualTo("address.unchecked");
        assertThat(schema.validate(with("home", typed), false).get("home")).isNotNull();
        // A verified address always has its INSEE code and position.
        assertThat(refusal(schema, with("home", put(typed, "verification", "VERIFIED")))
                        .code())
                .isEqualTo("wrong-kind");
        assertThat(schema.validate(with("home", put(typed, "verification", "UNVERIFIED")), true)
                        .get("home"))
                .isEqualTo(put(typed, "verification", "UNVERIFIED"));
    }

    @Test
    void geoPoint_isWgs84_withAnOptionalAccuracy_withinTheBoundsOfTheCommune() throws IOException {
        DataSchema schema = centre().schema();
        assertCodeIn(schema, "pickup", Map.of("lat", 47.9), "point.invalid");
        assertCodeIn(schema, "pickup", Map.of("lat", "nord", "lon", 1.9), "point.invalid");
        assertCodeIn(schema, "pickup", Map.of("lat", 47.9, "lon", 181), "point.out-of-range");
        assertCodeIn(schema, "pickup", Map.of("lat", 47.9, "lon", 1.9, "accuracy", -1), "point.accuracy");
        Violation imprecise = refusal(schema, with("pickup", Map.of("lat", 47.9, "lon", 1.9, "accuracy", 350)));
        assertThat(imprecise.code()).isEqualTo("point.imprecise");
        assertThat(imprecise.french()).contains("à 350 m près");
        Violation outside = refusal(schema, with("pickup", Map.of("lat", 47.95, "lon", 1.9)));
        assertThat(outside.code()).isEqualTo("point.outside");
        assertThat(outside.french())
                .isEqualTo("ce point est en dehors du territoire de la commune : placez-le sur son territoire");
        // On the edge counts as inside.
        assertThat(schema.validate(with("pickup", Map.of("lat", 47.94, "lon", 1.9)), true)
                        .get("pickup"))
                .isEqualTo(Map.of("lat", new BigDecimal("47.94"), "lon", new BigDecimal("1.9")));
        // Without bounds, any point on Earth; coordinates to 7 decimals.
        DataSchema anywhere = DataSchema.of(FieldDefinition.of("p", "Point", FieldType.GEO_POINT, true));
        assertThat(anywhere.validate(FormData.of("p", Map.of("lat", -21.115141234, "lon", 55.536384)), true)
                        .get("p"))
                .isEqualTo(Map.of("lat", new BigDecimal("-21.1151412"), "lon", new BigDecimal("55.536384")));
        DataSchema boxed = DataSchema.of(FieldDefinition.of("p", "Point", FieldType.GEO_POINT, true)
                .within(GeoBounds.box(-21.4, 55.2, -20.8, 55.9), null));
        assertThat(refusal(boxed, FormData.of("p", Map.of("lat", 48.85, "lon", 2.35)))
                        .code())
                .isEqualTo("point.outside");
    }

    @Test
    void geoBounds_aPolygonWithAConcaveShape_andSeveralParts() {
        // An L shape: the notch at the top right is outside.
        GeoBounds l = GeoBounds.polygon(List.of(
                new GeoBounds.Position(0, 0),
                new GeoBounds.Position(2, 0),
                new GeoBounds.Position(2, 1),
                new GeoBounds.Position(1, 1),
                new GeoBounds.Position(1, 2),
                new GeoBounds.Position(0, 2)));
        assertThat(l.contains(0.5, 0.5)).isTrue();
        assertThat(l.contains(1.5, 0.5)).isTrue();
        assertThat(l.contains(0.5, 1.5)).isTrue();
        assertThat(l.contains(1.5, 1.5)).isFalse();
        assertThat(l.contains(1, 1.5)).isTrue();
        GeoBounds islands = new GeoBounds(
                null,
                List.of(
                        l.polygons().get(0),
                        GeoBounds.Polygon.of(List.of(
                                new GeoBounds.Position(10, 10),
                                new GeoBounds.Position(11, 10),
                                new GeoBounds.Position(11, 11)))));
        assertThat(islands.contains(10.2, 10.8)).isTrue();
        assertThat(islands.contains(5, 5)).isFalse();
    }

    @Test
    void commune_isACogCodeWithItsName_corsicaAndOverseasIncluded() {
        DataSchema schema = DataSchema.of(FieldDefinition.of("c", "Commune", FieldType.COMMUNE, true));
        assertThat(schema.validate(FormData.of("c", Map.of("code", " 2b033 ", "name", " Bastia ")), true)
                        .get("c"))
                .isEqualTo(Map.of("code", "2B033", "name", "Bastia"));
        for (String code : List.of("01001", "45234", "2A004", "95127", "97411", "97611", "97502", "98735")) {
            assertThat(schema.validate(FormData.of("c", Map.of("code", code, "name", "x")), true))
                    .as(code)
                    .isNotNull();
        }
        for (String code : List.of(
                "20004", "99134", "00123", "96001", "97911", "98501", "4523", "452340", "2C004", "01000", "97400")) {
            Violation v = refusal(schema, FormData.of("c", Map.of("code", code, "name", "x")));
            assertThat(v.code()).as(code).isEqualTo("commune.code");
            assertThat(v.value()).isEqualTo(code);
        }
        assertThat(refusal(schema, FormData.of("c", Map.of("code", "45234"))).code())
                .isEqualTo("commune.invalid");
        assertThat(refusal(schema, FormData.of("c", "45234")).code()).isEqualTo("commune.invalid");
    }

    @Test
    void repeatedGroup_countsItsItems_andChecksEachAgainstItsSubForm() throws IOException {
        DataSchema schema = centre().schema();
        List<Object> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(child("Enfant" + i, "2016-01-01", false));
        }
        Violation tooMany = refusal(schema, with("children", five));
        assertThat(tooMany.code()).isEqualTo("group.too-many");
        assertThat(tooMany.french()).isEqualTo("vous pouvez en indiquer 4 au plus");
        // required: at least one item; an empty list is no answer.
        assertThat(refusal(schema, with("children", List.of())).code()).isEqualTo("required");
        assertThat(refusal(schema, with("children", List.of("Léo"))).field()).isEqualTo("data.children[0]");
        assertThat(refusal(schema, with("children", "Léo")).code()).isEqualTo("wrong-kind");

        DataSchema twoAtLeast = DataSchema.of(FieldDefinition.group(
                        "coHolders",
                        "Cotitulaires",
                        false,
                        DataSchema.of(FieldDefinition.of("name", "Nom", FieldType.TEXT, true)))
                .withItems(2, null));
        FormData one = FormData.of("coHolders", List.of(Map.of("name", "A")));
        Violation tooFew = refusal(twoAtLeast, one);
        assertThat(tooFew.code()).isEqualTo("group.too-few");
        assertThat(tooFew.french()).isEqualTo("indiquez-en au moins 2");
        // A draft may hold fewer items, and items that miss required values.
        assertThat(twoAtLeast
                        .validate(FormData.of("coHolders", List.of(Map.of())), false)
                        .get("coHolders"))
                .isEqualTo(List.of(Map.of()));
        // Not required: no items at all is fine.
        assertThat(twoAtLeast.validate(FormData.empty(), true).has("coHolders")).isFalse();
    }

    @Test
    void file_isAReferenceToAStoredDocumentOfTheFieldsType() throws IOException {
        DataSchema schema = centre().schema();
        Map<String, Object> d = valid();
        d.put("insurance", Map.of("type", "attestation-assurance", "documentRef", " doc-0192 "));
        d.put("insurer", "MAIF");
        FormData out = schema.validate(FormData.of(d), true);
        assertThat(out.get("insurance")).isEqualTo(Map.of("type", "attestation-assurance", "documentRef", "doc-0192"));
        assertThat(schema.inlinePieces(out))
                .extracting(InlinePiece::field)
                .containsExactly("data.children[1].pai", "data.insurance");

        d.put("insurance", Map.of("type", "pai", "documentRef", "doc-0192"));
        Violation wrongType = refusal(schema, FormData.of(d));
        assertThat(wrongType.code()).isEqualTo("file.wrong-type");
        assertThat(wrongType.value()).isEqualTo("pai");
        d.put("insurance", Map.of("documentRef", "x".repeat(201)));
        assertThat(refusal(schema, FormData.of(d)).code()).isEqualTo("file.invalid");
        d.put("insurance", Map.of("type", "attestation-assurance"));
        assertThat(refusal(schema, FormData.of(d)).code()).isEqualTo("file.invalid");
    }

    @Test
    void dateRange_startsBeforeItEnds_withinItsBounds_andItsLongestLength() throws IOException {
        DataSchema schema = centre().schema();
        assertThat(schema.validate(with("stay", Map.of("start", "2026-08-15", "end", "2026-08-28")), true)
                        .get("stay"))
                .isEqualTo(Map.of("start", "2026-08-15", "end", "2026-08-28"));
        assertThat(schema.validate(with("stay", Map.of("start", "2026-07-06", "end", "2026-07-06")), true)
                        .get("stay"))
                .as("one day")
                .isNotNull();
        Violation tooLong = refusal(schema, with("stay", Map.of("start", "2026-07-06", "end", "2026-07-20")));
        assertThat(tooLong.code()).isEqualTo("date-range.too-long");
        assertThat(tooLong.french()).isEqualTo("la période ne peut pas dépasser 14 jours");
        assertThat(refusal(schema, with("stay", Map.of("start", "2026-07-01", "end", "2026-07-08")))
                        .french())
                .isEqualTo("la date ne peut pas être avant le 6 juillet 2026");
        assertThat(refusal(schema, with("stay", Map.of("start", "2026-08-25", "end", "2026-08-31")))
                        .code())
                .isEqualTo("date.too-late");
        assertThat(refusal(schema, with("stay", Map.of("start", "2026-07-10", "end", "2026-07-08")))
                        .code())
                .isEqualTo("date-range.reversed");
        assertThat(refusal(schema, with("stay", Map.of("start", "2026-07-10"))).code())
                .isEqualTo("date-range.invalid");
        assertThat(refusal(schema, with("stay", Map.of("start", "10/07/2026", "end", "2026-07-12")))
                        .code())
                .isEqualTo("date-range.invalid");
    }

    // ---- conditions across types ---------------------------------------------------------------------

    @Test
    void conditions_onACommuneCode_aFile_aGroupAndASiblingInsideAGroup() throws IOException {
        Procedure p = centre();
        DataSchema schema = p.schema();

        // EQUALS / NOT_EQUALS on a commune compares its code: residents of Orléans have no outside rate.
        assertThat(schema.validate(FormData.of(valid()), true).has("outsideRate"))
                .isFalse();
        FormData outside = with("commune", Map.of("code", "45232", "name", "Olivet"));
        assertThat(refusal(schema, outside).field()).isEqualTo("data.outsideRate");
        assertThat(schema.validate(outside.merge(FormData.of("outsideRate", true)), true)
                        .get("outsideRate"))
                .isEqualTo(true);
        // ...compared once normalised: a lower-case Corsican code is its upper-case self.
        DataSchema corsica = DataSchema.of(
                FieldDefinition.of("c", "Commune", FieldType.COMMUNE, true),
                FieldDefinition.of("port", "Port", FieldType.TEXT, true).when(Condition.equalTo("c", "2A004")));
        assertThat(refusal(corsica, FormData.of("c", Map.of("code", "2a004", "name", "Ajaccio")))
                        .field())
                .isEqualTo("data.port");

        // PRESENT on a file: the insurer is asked only with the certificate.
        assertThat(refusal(schema, with("insurer", "MAIF")).code()).isEqualTo("not-applicable");
        FormData insured = with("insurance", "doc-1");
        assertThat(refusal(schema, insured).field()).isEqualTo("data.insurer");

        // Inside a group, a condition refers to the same item: the PAI only for the allergic child.
        Map<String, Object> noAllergy = child("Léo", "2016-05-04", false);
        noAllergy.put("pai", "doc-2");
        Violation notApplicable = refusal(schema, with("children", List.of(noAllergy)));
        assertThat(notApplicable.field()).isEqualTo("data.children[0].pai");
        assertThat(notApplicable.code()).isEqualTo("not-applicable");
        Violation missing = refusal(schema, with("children", List.of(child("Jade", "2018-09-30", true))));
        assertThat(missing.field()).isEqualTo("data.children[0].pai");
        assertThat(missing.code()).isEqualTo("required");

        // A group compares its number of items: the CAF certificate from three children on.
        assertThat(p.piecesFor(schema.validate(FormData.of(valid()), true)))
                .extracting(r -> r.type().value())
                .containsExactly("justificatif-domicile");
        FormData three = with(
                "children",
                List.of(
                        child("A", "2016-01-01", false),
                        child("B", "2017-01-01", false),
                        child("C", "2018-01-01", false)));
        assertThat(p.piecesFor(schema.validate(three, true)))
                .extracting(r -> r.type().value())
                .containsExactly("justificatif-domicile", "attestation-caf");

        // PRESENT on a group: at least one item.
        DataSchema guardians = DataSchema.of(
                FieldDefinition.group(
                        "others",
                        "Autres responsables",
                        false,
                        DataSchema.of(FieldDefinition.of("name", "Nom", FieldType.TEXT, true))),
                FieldDefinition.of("agreement", "Accord des autres responsables", FieldType.YES_NO, true)
                        .when(Condition.present("others")));
        assertThat(guardians.validate(FormData.empty(), true).asMap()).isEmpty();
        assertThat(refusal(guardians, FormData.of("others", List.of(Map.of("name", "B"))))
                        .field())
                .isEqualTo("data.agreement");
        // ...and an address compares its INSEE code.
        assertThat(Condition.equalTo("home", "45234").test(FormData.of(valid())))
                .isTrue();
    }

    // ---- the existing types say their reasons in French too -----------------------------------------

    @Test
    void theExistingTypes_carryACodeAndAFrenchReasonToo() throws IOException {
        Procedure canteen;
        try (InputStream in = getClass().getResourceAsStream("/procedures/inscription-cantine.yaml")) {
            canteen = definitions.fromYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        FormData bad = FormData.of(Map.ofEntries(
                Map.entry("childName", "x".repeat(101)),
                Map.entry("birthDate", "2009-12-31"),
                Map.entry("school", "autre"),
                Map.entry("days", List.of("lundi", "lundi")),
                Map.entry("reducedRate", "oui"),
                Map.entry("parentEmail", "pas-une-adresse"),
                Map.entry("parentPhone", "12"),
                Map.entry("address", Map.of("lines", List.of("3 rue des Lilas"), "postalCode", "691", "city", "Lyon")),
                Map.entry("iban", "FR7630006000011234567890188"),
                Map.entry("employerSiret", "123"),
                Map.entry("allergyCode", "PAI-12")));
        Map<String, String> french = new LinkedHashMap<>();
        refusals(canteen.schema(), bad, true).forEach(v -> french.put(v.field() + " " + v.code(), v.french()));
        assertThat(french)
                .containsExactly(
                        Map.entry("data.childName text.too-long", "100 caractères au plus"),
                        Map.entry(
                                "data.birthDate date.too-early", "la date ne peut pas être avant le 1er janvier 2010"),
                        Map.entry("data.school choice.invalid", "choisissez parmi les réponses proposées"),
                        Map.entry("data.days choice.repeated", "chaque réponse ne peut être choisie qu'une fois"),
                        Map.entry("data.reducedRate yes-no.invalid", "répondez par oui ou par non"),
                        Map.entry(
                                "data.parentEmail email.invalid",
                                "indiquez une adresse électronique, par exemple nom@exemple.fr"),
                        Map.entry(
                                "data.parentPhone phone.invalid",
                                "indiquez un numéro de téléphone, par exemple 01 23 45 67 89"),
                        Map.entry("data.address address.postal-code", "le code postal compte 5 chiffres"),
                        Map.entry(
                                "data.iban iban.checksum",
                                "cet IBAN n'est pas valide : vérifiez sa longueur et ses chiffres"),
                        Map.entry("data.employerSiret siret.format", "le numéro SIRET compte 14 chiffres"),
                        Map.entry("data.allergyCode text.pattern", "la forme de la réponse n'est pas celle attendue"));
        Violation checksum = refusal(
                DataSchema.of(FieldDefinition.of("s", "SIRET", FieldType.SIRET, true)),
                FormData.of("s", "732 829 320 00075"));
        assertThat(checksum.code()).isEqualTo("siret.checksum");
        Violation quotient = refusals(canteen.schema(), FormData.of("reducedRate", true, "quotient", "5000,5"), false)
                .get(0);
        assertThat(quotient.french()).isEqualTo("le nombre doit être au plus 5000");
        // The English reason stays, for developers and logs.
        assertThat(quotient.reason()).isEqualTo("must be at most 5000");
    }

    @Test
    void everyRefusalHasAUniqueCodeAndAFrenchSentence() {
        assertThat(java.util.Arrays.stream(FieldRefusal.values()).map(FieldRefusal::code))
                .doesNotHaveDuplicates()
                .allMatch(c -> c.matches("[a-z-]+(\\.[a-z-]+)?"));
        assertThat(FieldRefusal.values())
                .allSatisfy(r -> assertThat(r.french("1")).doesNotContain("must", "%"));
        assertThat(FieldRefusal.of("group.too-many")).contains(FieldRefusal.GROUP_TOO_MANY);
        assertThat(FieldRefusal.NUMBER_TOO_SMALL.french(new BigDecimal("0.50"))).endsWith("au moins 0,5");
        assertThat(FieldRefusal.GROUP_TOO_FEW.french()).isEqualTo("indiquez-en au moins …");
    }

    @Test
    void formData_holdsNestedValues_fourLevelsDeepAtMost() {
        FormData ok =
                FormData.of("children", List.of(Map.of("home", Map.of("position", Map.of("lat", 47, "lon", 1.9)))));
        assertThat(ok.get("children").toString()).contains("lat=47");
        assertThatThrownBy(() -> FormData.of("x", List.of(Map.of("a", Map.of("b", Map.of("c", List.of("d")))))))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("data.x[0].a.b.c"));
        assertThatThrownBy(() -> FormData.of("x", List.of(List.of("a"))))
                .hasMessageContaining("lists may not hold lists");
        assertThatThrownBy(() -> FormData.of("x", Double.NaN)).hasMessageContaining("must be a finite number");
    }

    @Test
    void aViolationWithoutCode_staysAsBefore_andACodeComesWithItsFrenchReason() {
        Violation plain = new Violation("siret", "123", "must be 14 digits");
        assertThat(plain.code()).isNull();
        assertThat(plain.french()).isNull();
        assertThat(plain).hasToString("siret='123': must be 14 digits");
        assertThatThrownBy(() -> new Violation("f", null, "is required", "required", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Violation.of("a", 1, "r", "required", "ce champ est à remplir")
                        .at("data.b[0].a")
                        .field())
                .isEqualTo("data.b[0].a");
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static Map<String, Object> put(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    private static void assertCode(DataSchema schema, String field, Object value, String code, String french) {
        Violation v = refusal(schema, FormData.of(field, value));
        assertThat(v.field()).isEqualTo("data." + field);
        assertThat(v.code()).isEqualTo(code);
        if (french != null) {
            assertThat(v.french()).isEqualTo(french);
        }
    }

    private static void assertCodeIn(DataSchema schema, String field, Object value, String code) {
        Violation v = refusal(schema, with(field, value));
        assertThat(v.field()).isEqualTo("data." + field);
        assertThat(v.code()).isEqualTo(code);
    }
}
