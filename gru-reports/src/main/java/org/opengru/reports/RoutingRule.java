package org.opengru.reports;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.TeamId;

/**
 * Routes the reports of a category, in a zone, to a team. Either may be left out to match any; the most
 * specific rule wins (category and zone, then category, then zone), then the commune's default team.
 *
 * @param category the category's code, or {@code null} for any
 * @param zone the zone's id, or {@code null} for any
 * @param team the team in charge
 */
public record RoutingRule(
        @Nullable String category, @Nullable String zone, TeamId team) {

    /**
     * Checks that the team is present.
     *
     * @param category the category's code, or {@code null} for any
     * @param zone the zone's id, or {@code null} for any
     * @param team the team in charge
     * @throws NullPointerException when it is missing
     */
    public RoutingRule {
        Objects.requireNonNull(team, "team");
    }

    int specificity() {
        return (category != null ? 2 : 0) + (zone != null ? 1 : 0);
    }

    boolean matches(String c, @Nullable String z) {
        return (category == null || category.equals(c)) && (zone == null || zone.equals(z));
    }
}
