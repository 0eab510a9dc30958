package org.opengru.scheduling.reservation;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.TeamId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.internal.Check;

/**
 * A room or piece of equipment the commune rents out, with its rules: when a reservation may begin and
 * end, how short and how long it may be, how far ahead, the tariff of each category (a category without
 * one may not reserve it), the deposit (caution), the pieces to provide (attestation d'assurance...), the
 * teams whose agents approve, and how long an approved reservation waits for its payment.
 *
 * <pre>{@code
 * Reservable hall = Reservable.builder(TENANT, ReservableId.of("salle-des-fetes"), "Salle des fêtes")
 *         .openingRule(new OpeningRule(EnumSet.of(SATURDAY, SUNDAY), LocalTime.of(8, 0), LocalTime.of(22, 0)))
 *         .durations(Duration.ofHours(4), Duration.ofDays(2))
 *         .tariff(UsagerCategory.RESIDENT, new Tariff(15_000, 0))
 *         .depositCents(50_000)
 *         .requiredPiece("attestation-assurance")
 *         .team(TeamId.of("vie-associative"))
 *         .build();
 * }</pre>
 */
public record Reservable(
        TenantId tenant,
        ReservableId id,
        String name,
        ReservableKind kind,
        ZoneId zone,
        List<OpeningRule> openingRules,
        Duration minDuration,
        Duration maxDuration,
        Duration maxHorizon,
        Map<UsagerCategory, Tariff> tariffs,
        long depositCents,
        Set<String> requiredPieces,
        Set<TeamId> teams,
        Duration paymentHold) {

    /** A piece's code: lower-case letters, digits and dashes (the documents module's piece kinds). */
    public static final Pattern PIECE_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public Reservable {
        Check.required("reservable.tenant", tenant);
        Check.required("reservable.id", id);
        name = Check.text("reservable.name", name, 200);
        Check.required("reservable.kind", kind);
        Check.required("reservable.zone", zone);
        openingRules = List.copyOf(Check.required("reservable.openingRules", openingRules));
        Check.that(!openingRules.isEmpty(), "reservable.openingRules", openingRules, "must have at least one rule");
        Check.minutes("reservable.minDuration", minDuration, Duration.ofMinutes(15), Duration.ofDays(366));
        Check.minutes("reservable.maxDuration", maxDuration, minDuration, Duration.ofDays(366));
        Check.minutes("reservable.maxHorizon", maxHorizon, Duration.ofDays(1), Duration.ofDays(3 * 366));
        tariffs = Map.copyOf(Check.required("reservable.tariffs", tariffs));
        Check.that(!tariffs.isEmpty(), "reservable.tariffs", tariffs, "must price at least one category");
        Check.that(
                depositCents >= 0 && depositCents <= Tariff.MAX_CENTS,
                "reservable.depositCents",
                depositCents,
                "must be between 0 and " + Tariff.MAX_CENTS + " cents");
        requiredPieces = Set.copyOf(Check.required("reservable.requiredPieces", requiredPieces));
        for (String code : requiredPieces) {
            Check.matches("reservable.requiredPieces", code, PIECE_CODE, "a piece code (lower-case, digits, dashes)");
        }
        teams = Set.copyOf(Check.required("reservable.teams", teams));
        Check.that(!teams.isEmpty(), "reservable.teams", teams, "must name the team whose agents approve");
        Check.minutes("reservable.paymentHold", paymentHold, Duration.ofMinutes(5), Duration.ofDays(60));
    }

    public static Builder builder(TenantId tenant, ReservableId id, String name) {
        return new Builder(tenant, id, name);
    }

    /** The tariff of a category, if it may reserve. */
    public Optional<Tariff> tariff(UsagerCategory category) {
        return Optional.ofNullable(tariffs.get(category));
    }

    /** Checking builder: each setter refuses a bad value at once, naming the field. */
    public static final class Builder {
        private final TenantId tenant;
        private final ReservableId id;
        private final String name;
        private ReservableKind kind = ReservableKind.ROOM;
        private @Nullable ZoneId zone;
        private final List<OpeningRule> rules = new ArrayList<>();
        private Duration minDuration = Duration.ofHours(1);
        private Duration maxDuration = Duration.ofDays(3);
        private Duration maxHorizon = Duration.ofDays(365);
        private final Map<UsagerCategory, Tariff> tariffs = new EnumMap<>(UsagerCategory.class);
        private long depositCents;
        private final Set<String> pieces = new LinkedHashSet<>();
        private final Set<TeamId> teams = new LinkedHashSet<>();
        private Duration paymentHold = Duration.ofDays(2);

        private Builder(TenantId tenant, ReservableId id, String name) {
            this.tenant = Check.required("reservable.tenant", tenant);
            this.id = Check.required("reservable.id", id);
            this.name = Check.text("reservable.name", name, 200);
        }

        public Builder kind(ReservableKind kind) {
            this.kind = Check.required("reservable.kind", kind);
            return this;
        }

        /** The time zone of its opening rules; Europe/Paris by default. */
        public Builder zone(ZoneId zone) {
            this.zone = Check.required("reservable.zone", zone);
            return this;
        }

        public Builder openingRule(OpeningRule rule) {
            rules.add(Check.required("reservable.openingRules", rule));
            return this;
        }

        public Builder durations(Duration min, Duration max) {
            Check.minutes("reservable.minDuration", min, Duration.ofMinutes(15), Duration.ofDays(366));
            Check.minutes("reservable.maxDuration", max, min, Duration.ofDays(366));
            this.minDuration = min;
            this.maxDuration = max;
            return this;
        }

        public Builder maxHorizon(Duration horizon) {
            this.maxHorizon =
                    Check.minutes("reservable.maxHorizon", horizon, Duration.ofDays(1), Duration.ofDays(3 * 366));
            return this;
        }

        public Builder tariff(UsagerCategory category, Tariff tariff) {
            tariffs.put(Check.required("reservable.tariffs", category), Check.required("reservable.tariffs", tariff));
            return this;
        }

        public Builder depositCents(long cents) {
            Check.that(
                    cents >= 0 && cents <= Tariff.MAX_CENTS,
                    "reservable.depositCents",
                    cents,
                    "must be between 0 and " + Tariff.MAX_CENTS + " cents");
            this.depositCents = cents;
            return this;
        }

        public Builder requiredPiece(String code) {
            pieces.add(Check.matches(
                    "reservable.requiredPieces", code, PIECE_CODE, "a piece code (lower-case, digits, dashes)"));
            return this;
        }

        public Builder team(TeamId team) {
            teams.add(Check.required("reservable.teams", team));
            return this;
        }

        public Builder paymentHold(Duration hold) {
            this.paymentHold =
                    Check.minutes("reservable.paymentHold", hold, Duration.ofMinutes(5), Duration.ofDays(60));
            return this;
        }

        public Reservable build() {
            return new Reservable(
                    tenant,
                    id,
                    name,
                    kind,
                    zone == null ? ZoneId.of("Europe/Paris") : zone,
                    rules,
                    minDuration,
                    maxDuration,
                    maxHorizon,
                    tariffs,
                    depositCents,
                    pieces,
                    teams,
                    paymentHold);
        }
    }
}
