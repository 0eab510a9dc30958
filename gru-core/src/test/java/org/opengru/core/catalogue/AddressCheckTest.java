package org.opengru.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengru.core.GruCore;
import org.opengru.core.catalogue.geocoding.BanGeocoder;
import org.opengru.core.catalogue.geocoding.FakeBan;
import org.opengru.core.error.ValidationException;
import org.opengru.core.error.Violation;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.request.NewRequest;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestQuery;
import org.opengru.core.request.RequestStatus;
import org.opengru.core.testing.CoreFixture;

/**
 * Filing a signalement-like démarche with an address checked against the Base Adresse Nationale (a local
 * fake) and a point within the commune: what is stored, what is refused in French with nothing stored, and
 * what happens when the geocoder is down.
 */
class AddressCheckTest {

    /** Orléans, roughly. */
    private static final GeoBounds ORLEANS = GeoBounds.box(47.87, 1.85, 47.94, 1.96);

    private static final Procedure DEPOT = Procedure.builder("depot-sauvage", 1)
            .title("Signaler un dépôt sauvage")
            .team("etat-civil")
            .fields(
                    FieldDefinition.of("place", "Adresse du dépôt", FieldType.ADDRESS, true)
                            .verified(null),
                    FieldDefinition.of("point", "Point sur la carte", FieldType.GEO_POINT, false)
                            .within(ORLEANS, new BigDecimal("200")),
                    FieldDefinition.of("description", "Description", FieldType.TEXT, true))
            .build();

    private FakeBan ban;
    private AddressCheck check;
    private CoreFixture f;

    @BeforeEach
    void start() throws IOException {
        ban = new FakeBan();
        check = new AddressCheck(BanGeocoder.builder()
                .baseUrl(ban.baseUrl())
                .requestTimeout(Duration.ofMillis(700))
                .build());
        f = new CoreFixture();
        f.core.procedures().define(f.tenant, DEPOT);
    }

    @AfterEach
    void stop() {
        ban.close();
    }

    private static Map<String, Object> typed() {
        Map<String, Object> place = new LinkedHashMap<>();
        place.put("lines", List.of("10 rue de la Republique"));
        place.put("postalCode", "45100");
        place.put("city", "Orleans");
        return place;
    }

    private static FormData form(Map<String, Object> place) {
        return FormData.of("place", place, "description", "Matelas et gravats sur le trottoir");
    }

    private Request file(FormData data) {
        Request draft =
                f.core.requests().create(f.parentP, NewRequest.of("depot-sauvage", f.parent, Channel.WEB, data), null);
        return f.core.requests().submit(f.parentP, draft.id(), null);
    }

    private List<Request> stored() {
        return f.core.requests().list(f.parentP, RequestQuery.firstPage());
    }

    @Test
    void aFoundAddress_takesTheInseeCodePostcodeAndPositionOfTheBan_andKeepsTheResidentsLines() {
        ban.answerFeatures(FakeBan.orleans(0.91));

        Request sent = file(check.verify(DEPOT.schema(), form(typed())));

        assertThat(sent.data().get("place"))
                .isEqualTo(Map.of(
                        "lines", List.of("10 rue de la Republique"),
                        "postalCode", "45000",
                        "city", "Orléans",
                        "citycode", "45234",
                        "position", Map.of("lat", new BigDecimal("47.904035"), "lon", new BigDecimal("1.904502")),
                        "verification", "VERIFIED"));
        assertThat(ban.requests()).hasSize(1);
    }

    @Test
    void whatTheClientClaims_isReplacedByTheCheck() {
        ban.answerFeatures(FakeBan.orleans(0.91));
        Map<String, Object> forged = typed();
        forged.put("citycode", "45234");
        forged.put("position", Map.of("lat", 48.85, "lon", 2.35));
        forged.put("verification", "VERIFIED");

        FormData checked = check.verify(DEPOT.schema(), form(forged));

        @SuppressWarnings("unchecked")
        Map<String, Object> place = (Map<String, Object>) checked.get("place");
        assertThat(place.get("position"))
                .isEqualTo(Map.of("lat", new BigDecimal("47.904035"), "lon", new BigDecimal("1.904502")));
        // The resident's INSEE code narrows the search.
        assertThat(ban.requests().get(0).getRawQuery()).contains("citycode=45234");
    }

    @Test
    void anAddressNotFoundOrTooUncertain_isRefusedInFrench_andNothingIsStored() {
        ban.answerFeatures();
        Violation notFound = refusal(() -> file(check.verify(DEPOT.schema(), form(typed()))));
        assertThat(notFound.field()).isEqualTo("data.place");
        assertThat(notFound.code()).isEqualTo("address.not-found");
        assertThat(notFound.french()).startsWith("cette adresse est introuvable dans la Base Adresse Nationale");

        ban.answerFeatures(FakeBan.orleans(0.41));
        Violation uncertain = refusal(() -> file(check.verify(DEPOT.schema(), form(typed()))));
        assertThat(uncertain.code()).isEqualTo("address.uncertain");
        assertThat(uncertain.french()).contains("« 10 Rue de la République 45000 Orléans »");

        assertThat(stored()).isEmpty();
    }

    @Test
    void whenTheGeocoderIsDown_theAddressIsKeptAsTyped_flaggedUnverified_andTheRequestGoesThrough() {
        ban.answer(503, "");
        Map<String, Object> place = typed();
        place.put("citycode", "45234");
        place.put("position", Map.of("lat", 47.9, "lon", 1.9));
        Map<String, Object> second = typed();

        DataSchema two = DataSchema.of(
                FieldDefinition.of("a", "A", FieldType.ADDRESS, true).verified(null),
                FieldDefinition.group(
                        "others",
                        "Autres adresses",
                        false,
                        DataSchema.of(FieldDefinition.of("b", "B", FieldType.ADDRESS, true)
                                .verified(null))));
        FormData checkedTwo = check.verify(two, FormData.of("a", place, "others", List.of(Map.of("b", second))));
        assertThat(ban.requests())
                .as("the failing service is asked once per form")
                .hasSize(1);
        assertThat(checkedTwo.get("others").toString()).contains("verification=UNVERIFIED");

        Request sent = file(check.verify(DEPOT.schema(), form(place)));

        Map<String, Object> expected = typed();
        expected.put("citycode", "45234");
        expected.put("verification", "UNVERIFIED");
        assertThat(sent.data().get("place"))
                .as("no position the BAN did not give")
                .isEqualTo(expected);
        assertThat(sent.data().get("description")).isEqualTo("Matelas et gravats sur le trottoir");
    }

    @Test
    void aTimeoutToo_acceptsTheAddressUnverified() {
        ban.stallBeforeHeaders();
        FormData checked = check.verify(DEPOT.schema(), form(typed()));
        assertThat(checked.get("place").toString()).contains("verification=UNVERIFIED");
    }

    @Test
    void anAddressThatSkippedTheCheck_isRefusedAtSubmission() {
        Violation v = refusal(() -> file(form(typed())));
        assertThat(v.code()).isEqualTo("address.unchecked");
        // The draft (any values are fine in a draft) stays a draft.
        assertThat(stored()).extracting(Request::status).containsExactly(RequestStatus.DRAFT);
    }

    @Test
    void aPointOutsideTheCommune_isRefusedWithAFrenchReason_andNothingIsStored() {
        ban.answerFeatures(FakeBan.orleans(0.91));
        FormData checked = check.verify(DEPOT.schema(), form(typed()));
        // The Eiffel Tower is not in Orléans.
        FormData outside = checked.merge(FormData.of("point", Map.of("lat", 48.8584, "lon", 2.2945, "accuracy", 8)));

        ValidationException e = catchThrowableOfType(
                ValidationException.class,
                () -> f.core.requests()
                        .create(f.parentP, NewRequest.of("depot-sauvage", f.parent, Channel.WEB, outside), null));

        assertThat(e.violations()).hasSize(1);
        Violation v = e.violations().get(0);
        assertThat(v.field()).isEqualTo("data.point");
        assertThat(v.code()).isEqualTo("point.outside");
        assertThat(v.french())
                .isEqualTo("ce point est en dehors du territoire de la commune : placez-le sur son territoire");
        assertThat(stored()).isEmpty();

        FormData inside = checked.merge(FormData.of("point", Map.of("lat", 47.9029, "lon", 1.9093, "accuracy", 8)));
        assertThat(file(inside).data().get("point"))
                .isEqualTo(Map.of(
                        "lat",
                        new BigDecimal("47.9029"),
                        "lon",
                        new BigDecimal("1.9093"),
                        "accuracy",
                        BigDecimal.valueOf(8)));
    }

    @Test
    void theDocumentedUsage() {
        ban.answerFeatures(FakeBan.orleans(0.91));
        URI banUrl = ban.baseUrl(); // https://api-adresse.data.gouv.fr by default
        Procedure procedure = DEPOT;
        FormData posted = form(typed()).merge(FormData.of("point", Map.of("lat", 47.95, "lon", 1.9)));
        List<String> shown = new java.util.ArrayList<>();
        GruCore core = f.core;
        UsagerPrincipal me = f.parentP;
        UsagerId claire = f.parent;
        // tag::address-check[]
        AddressCheck check = new AddressCheck(BanGeocoder.builder()
                .baseUrl(banUrl)
                .connectTimeout(Duration.ofSeconds(2))
                .requestTimeout(Duration.ofSeconds(5)) // the whole call, body included
                .build());
        try {
            FormData checked = check.verify(procedure.schema(), posted); // once per form from outside
            core.requests().create(me, NewRequest.of("depot-sauvage", claire, Channel.WEB, checked), null);
        } catch (ValidationException e) {
            for (Violation v : e.violations()) { // data.point, point.outside, "ce point est en dehors…"
                shown.add(procedure.schema().labelOf(v.field()).orElse(v.field()) + " : " + v.french());
            }
        }
        // end::address-check[]
        assertThat(shown)
                .containsExactly("Point sur la carte : ce point est en dehors du territoire de la commune : placez-le"
                        + " sur son territoire");
        assertThat(stored()).isEmpty();
    }

    private static Violation refusal(Runnable call) {
        ValidationException e = catchThrowableOfType(ValidationException.class, call::run);
        assertThat(e).isNotNull();
        assertThat(e.violations()).hasSize(1);
        return e.violations().get(0);
    }
}
