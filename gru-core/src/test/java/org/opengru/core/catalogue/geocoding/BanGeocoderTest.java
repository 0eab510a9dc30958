package org.opengru.core.catalogue.geocoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opengru.core.catalogue.geocoding.GeocoderUnavailableException.Reason;
import org.opengru.core.error.ValidationException;

/** The BAN adapter against a local fake: what it sends, what it reads, and every way the service fails. */
class BanGeocoderTest {

    private FakeBan ban;
    private BanGeocoder geocoder;

    @BeforeEach
    void start() throws IOException {
        ban = new FakeBan();
        geocoder = geocoder(ban.baseUrl());
    }

    @AfterEach
    void stop() {
        ban.close();
    }

    private static BanGeocoder geocoder(URI base) {
        // Short timeouts so that the failure tests end quickly; nothing here measures time.
        return BanGeocoder.builder()
                .baseUrl(base)
                .connectTimeout(Duration.ofMillis(500))
                .requestTimeout(Duration.ofMillis(700))
                .build();
    }

    @Test
    void sendsTheQueryAndReadsTheFeatures() {
        ban.answerFeatures(
                FakeBan.orleans(0.93),
                FakeBan.feature(
                        "Rue de la République 45000 Orléans",
                        "",
                        "Rue de la République",
                        "45000",
                        "45234",
                        "Orléans",
                        0.71,
                        "street",
                        1.9041,
                        47.9042));

        var found = geocoder.search(new AddressQuery("  10 rue de la République, 45000 Orléans", "45234", 5));

        assertThat(found).hasSize(2);
        GeocodedAddress best = found.get(0);
        assertThat(best.label()).isEqualTo("10 Rue de la République 45000 Orléans");
        assertThat(best.houseNumber()).isEqualTo("10");
        assertThat(best.street()).isEqualTo("Rue de la République");
        assertThat(best.postcode()).isEqualTo("45000");
        assertThat(best.citycode()).isEqualTo("45234");
        assertThat(best.city()).isEqualTo("Orléans");
        assertThat(best.score()).isEqualTo(0.93);
        assertThat(best.type()).isEqualTo("housenumber");
        assertThat(best.lat()).isEqualTo(47.904035);
        assertThat(best.lon()).isEqualTo(1.904502);
        URI sent = ban.requests().get(0);
        assertThat(sent.getPath()).isEqualTo("/search/");
        assertThat(URLDecoder.decode(sent.getRawQuery(), StandardCharsets.UTF_8))
                .isEqualTo("q=10 rue de la République, 45000 Orléans&limit=5&citycode=45234");
    }

    @Test
    void theBaseUrlMayCarryAPath() {
        ban.answerFeatures(FakeBan.orleans(0.9));
        geocoder(URI.create(ban.baseUrl() + "/geocodage")).search(AddressQuery.of("10 rue de la République Orléans"));
        assertThat(ban.requests().get(0).getPath()).isEqualTo("/geocodage/search/");
        // The IGN Géoplateforme serves the same API at geocodage/search.
        BanGeocoder.builder()
                .baseUrl(URI.create(ban.baseUrl() + "/geocodage/"))
                .searchPath("search")
                .build()
                .search(AddressQuery.of("10 rue de la République Orléans"));
        assertThat(ban.requests().get(1).getPath()).isEqualTo("/geocodage/search");
    }

    @Test
    void judgesTheBestCandidate_matchNoMatchOrLowScore() {
        ban.answerFeatures(FakeBan.orleans(0.93));
        assertThat(geocoder.geocode(AddressQuery.of("10 rue de la République Orléans"), 0.6))
                .isInstanceOfSatisfying(
                        GeocodingResult.Match.class,
                        m -> assertThat(m.address().citycode()).isEqualTo("45234"));

        ban.answerFeatures();
        assertThat(geocoder.geocode(AddressQuery.of("nulle part"), 0.6)).isInstanceOf(GeocodingResult.NoMatch.class);

        ban.answerFeatures(FakeBan.orleans(0.42));
        assertThat(geocoder.geocode(AddressQuery.of("10 rue République"), 0.6))
                .isInstanceOfSatisfying(
                        GeocodingResult.LowScore.class,
                        l -> assertThat(l.best().score()).isEqualTo(0.42));

        // A well-scored answer that names only the commune does not locate the address.
        ban.answerFeatures(
                FakeBan.feature("Orléans", "", "", "45000", "45234", "Orléans", 0.95, "municipality", 1.9, 47.9));
        assertThat(geocoder.geocode(AddressQuery.of("Orléans"), 0.6)).isInstanceOf(GeocodingResult.LowScore.class);
    }

    @Test
    void rateLimitingAndServerErrorsAreOutagesNotAbsences() {
        ban.answer(429, "{\"message\":\"Too many requests\"}");
        assertReason(Reason.RATE_LIMITED);
        ban.answer(503, "");
        assertReason(Reason.SERVER_ERROR);
        ban.answer(500, "<html>oops</html>");
        assertReason(Reason.SERVER_ERROR);
        ban.answer(400, "{\"code\":400,\"message\":\"q must contain between 3 and 200 chars\"}");
        assertReason(Reason.BAD_RESPONSE);
    }

    @Test
    void anUnreadableAnswerIsAnOutage() {
        ban.answer(200, "<html>maintenance</html>");
        assertReason(Reason.BAD_RESPONSE);
        ban.answer(200, "{\"type\":\"FeatureCollection\"}");
        assertReason(Reason.BAD_RESPONSE);
        ban.answer(200, "{\"features\":[{\"properties\":{\"label\":\"x\"}}]}");
        assertReason(Reason.BAD_RESPONSE);
        ban.answerFeatures(FakeBan.orleans(0.9).replace("\"citycode\":\"45234\",", ""));
        assertReason(Reason.BAD_RESPONSE);
        ban.answerHuge(2 << 20);
        assertReason(Reason.BAD_RESPONSE);
    }

    @Test
    @Timeout(60) // a guard against hanging if the deadline broke, not a measure
    void noAnswerInTime_isATimeout_beforeTheHeadersOrInTheBody() {
        ban.stallBeforeHeaders();
        assertReason(Reason.TIMEOUT);
        ban.stallInBody();
        assertReason(Reason.TIMEOUT);
    }

    @Test
    void aClosedPortIsUnreachable() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        BanGeocoder closed = geocoder(URI.create("http://127.0.0.1:" + port));
        assertThatThrownBy(() -> closed.search(AddressQuery.of("10 rue de la République Orléans")))
                .isInstanceOfSatisfying(
                        GeocoderUnavailableException.class,
                        e -> assertThat(e.reason()).isIn(Reason.UNREACHABLE));
    }

    @Test
    void theOutageMessageNeverQuotesTheAddress() {
        ban.answer(503, "");
        assertThatThrownBy(() -> geocoder.search(AddressQuery.of("10 rue de la République Orléans")))
                .hasMessageNotContaining("République");
    }

    @Test
    void badQueriesAndSettingsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> AddressQuery.of(" ,; a"))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("query.text"));
        assertThat(AddressQuery.of("x".repeat(300)).text()).hasSize(200);
        assertThatThrownBy(() -> new AddressQuery("10 rue X", "99134x", 5))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("query.citycode"));
        assertThatThrownBy(() -> new AddressQuery("10 rue X", null, 0))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("query.limit"));
        assertThatThrownBy(() -> BanGeocoder.builder().baseUrl(URI.create("ftp://example.org")))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("geocoder.baseUrl"));
        assertThatThrownBy(() -> BanGeocoder.builder().searchPath("/search?x=1"))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("geocoder.searchPath"));
        assertThatThrownBy(() -> BanGeocoder.builder().requestTimeout(Duration.ZERO))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("geocoder.requestTimeout"));
    }

    private void assertReason(Reason reason) {
        assertThatThrownBy(() -> geocoder.search(AddressQuery.of("10 rue de la République Orléans")))
                .isInstanceOfSatisfying(
                        GeocoderUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
