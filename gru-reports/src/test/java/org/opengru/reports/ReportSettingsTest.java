package org.opengru.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.TeamId;

/** The settings' builder refuses a bad value at once, naming it; areas are checked by JTS. */
class ReportSettingsTest {

    private final ReportSettings.Builder b = ReportSettings.builder(
            ReportsFixture.TENANT, ReportsFixture.square(48.84, 2.34, 48.87, 2.36), TeamId.of("accueil"));

    @Test
    void eachBadValueIsNamed() {
        assertThatThrownBy(() -> b.category("Dépôt", "x")).hasMessageContaining("category.code");
        assertThatThrownBy(() -> b.route("inconnue", null, TeamId.of("voirie")))
                .hasMessageContaining("reports.routing.category")
                .hasMessageContaining("inconnue");
        assertThatThrownBy(() -> b.duplicateRadiusMetres(0)).hasMessageContaining("reports.duplicateRadiusMetres");
        assertThatThrownBy(() -> b.verificationValidity(Duration.ofDays(30)))
                .hasMessageContaining("reports.verificationValidity");
        assertThatThrownBy(b::build).hasMessageContaining("reports.categories");
        b.category("eclairage", "Éclairage");
        assertThatThrownBy(() -> b.category("eclairage", "Encore")).hasMessageContaining("twice");
        b.route("eclairage", null, TeamId.of("voirie"));
        assertThatThrownBy(() -> b.route("eclairage", null, TeamId.of("autre"))).hasMessageContaining("routed twice");
    }

    @Test
    void aSelfCrossingRingIsRefusedAndAnEdgeCountsAsInside() {
        assertThatThrownBy(() -> Area.polygon(
                        List.of(new GeoPoint(0, 0), new GeoPoint(1, 1), new GeoPoint(0, 1), new GeoPoint(1, 0))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("area.polygons[0]");
        Area square = ReportsFixture.square(0, 0, 1, 1);
        assertThat(square.contains(new GeoPoint(0, 0.5))).isTrue();
        assertThat(square.contains(new GeoPoint(0.5, 0.5))).isTrue();
        assertThat(square.contains(new GeoPoint(1.0001, 0.5))).isFalse();
    }

    @Test
    void aCommuneInSeveralPartsContainsEachPart() {
        Area two = Area.of(List.of(
                ReportsFixture.square(0, 0, 1, 1).rings().get(0),
                ReportsFixture.square(2, 2, 3, 3).rings().get(0)));

        assertThat(two.contains(new GeoPoint(2.5, 2.5))).isTrue();
        assertThat(two.contains(new GeoPoint(1.5, 1.5))).isFalse();
    }
}
