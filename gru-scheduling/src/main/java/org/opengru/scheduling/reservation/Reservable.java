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
        boolean depositInPayment,
        Set<String> requiredPieces,
        Set<TeamId> teams,
        Duration paymentHold) {

    /** A piece's code: lower-case letters, digits and dashes (the documents module's piece kinds). */
    public static final Pattern PIECE_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /**
     * Checks every field; prefer {@link #builder}.
     *
     * @param tenant the collectivité
     * @param id the reservable's code
     * @param name the French name shown to residents, up to 200 characters
     * @param kind a room or equipment
     * @param zone the time zone of the opening rules
     * @param openingRules when a reservation may begin and end, at least one
     * @param minDuration the shortest reservation, 15 minutes to 366 days
     * @param maxDuration the longest reservation, from {@code minDuration} to 366 days
     * @param maxHorizon how far ahead a reservation may start, 1 day to 3 years
     * @param tariffs the tariff of each category admitted, at least one
     * @param depositCents the deposit (caution) in euro cents, 0 for none
     * @param depositInPayment whether the resident pays the deposit online with the price (else the commune
     *     takes it apart, a cheque de caution for instance)
     * @param requiredPieces the codes of the pieces to provide (attestation d'assurance...)
     * @param teams the teams whose agents approve, at least one
     * @param paymentHold how long an approved reservation waits for its payment, 5 minutes to 60 days
     * @throws org.opengru.core.error.ValidationException naming the missing or out-of-range field and its value
     */
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

    /**
     * A checking builder, with the defaults: a room in Europe/Paris, 1 hour to 3 days, up to a year ahead,
     * no deposit, no piece, a payment hold of 2 days.
     *
     * @param tenant the collectivité
     * @param id the reservable's code
     * @param name the French name, up to 200 characters
     * @return the builder
     * @throws org.opengru.core.error.ValidationException naming the missing or bad field
     */
    public static Builder builder(TenantId tenant, ReservableId id, String name) {
        return new Builder(tenant, id, name);
    }

    /**
     * The tariff of a category, if it may reserve.
     *
     * @param category the category of the usager reserving
     * @return the tariff, empty when the category may not reserve it
     */
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
        private boolean depositInPayment;
        private final Set<String> pieces = new LinkedHashSet<>();
        private final Set<TeamId> teams = new LinkedHashSet<>();
        private Duration paymentHold = Duration.ofDays(2);

        private Builder(TenantId tenant, ReservableId id, String name) {
            this.tenant = Check.required("reservable.tenant", tenant);
            this.id = Check.required("reservable.id", id);
            this.name = Check.text("reservable.name", name, 200);
        }

        /**
         * A room or equipment; a room by default.
         *
         * @param kind the kind
         * @return this builder
         */
        public Builder kind(ReservableKind kind) {
            this.kind = Check.required("reservable.kind", kind);
            return this;
        }

        /**
         * The time zone of its opening rules; Europe/Paris by default.
         *
         * @param zone the zone (Indian/Reunion, America/Cayenne... for the overseas communes)
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = Check.required("reservable.zone", zone);
            return this;
        }

        /**
         * Adds a rule of when a reservation may begin and end; at least one is needed.
         *
         * @param rule the rule
         * @return this builder
         */
        public Builder openingRule(OpeningRule rule) {
            rules.add(Check.required("reservable.openingRules", rule));
            return this;
        }

        /**
         * The shortest and longest reservation; 1 hour and 3 days by default.
         *
         * @param min 15 minutes to 366 days, whole minutes
         * @param max from {@code min} to 366 days, whole minutes
         * @return this builder
         * @throws org.opengru.core.error.ValidationException naming {@code reservable.minDuration} or {@code reservable.maxDuration}
         */
        public Builder durations(Duration min, Duration max) {
            Check.minutes("reservable.minDuration", min, Duration.ofMinutes(15), Duration.ofDays(366));
            Check.minutes("reservable.maxDuration", max, min, Duration.ofDays(366));
            this.minDuration = min;
            this.maxDuration = max;
            return this;
        }

        /**
         * How far ahead a reservation may start (horizon de réservation); 365 days by default.
         *
         * @param horizon 1 day to 3 years
         * @return this builder
         * @throws org.opengru.core.error.ValidationException naming {@code reservable.maxHorizon}
         */
        public Builder maxHorizon(Duration horizon) {
            this.maxHorizon =
                    Check.minutes("reservable.maxHorizon", horizon, Duration.ofDays(1), Duration.ofDays(3 * 366));
            return this;
        }

        /**
         * Admits a category at this tariff ({@link Tariff#FREE} for free); a category without one may not
         * reserve.
         *
         * @param category the category
         * @param tariff its tariff, replacing an earlier one
         * @return this builder
         */
        public Builder tariff(UsagerCategory category, Tariff tariff) {
            tariffs.put(Check.required("reservable.tariffs", category), Check.required("reservable.tariffs", tariff));
            return this;
        }

        /**
         * The deposit (caution) asked besides the price; none by default.
         *
         * @param cents 0 to 10,000,000 euro cents
         * @return this builder
         * @throws org.opengru.core.error.ValidationException naming {@code reservable.depositCents}
         */
        public Builder depositCents(long cents) {
            Check.that(
                    cents >= 0 && cents <= Tariff.MAX_CENTS,
                    "reservable.depositCents",
                    cents,
                    "must be between 0 and " + Tariff.MAX_CENTS + " cents");
            this.depositCents = cents;
            return this;
        }

        /**
         * The deposit is paid online with the price (counted in {@link Reservation#amountDueCents()}); by
         * default the commune takes it apart and an agent records it received.
         *
         * @return this builder
         */
        public Builder depositInPayment() {
            this.depositInPayment = true;
            return this;
        }

        /**
         * Adds a piece to provide before approval (attestation d'assurance...).
         *
         * @param code the piece's code, as {@link #PIECE_CODE}
         * @return this builder
         * @throws org.opengru.core.error.ValidationException naming {@code reservable.requiredPieces} when malformed
         */
        public Builder requiredPiece(String code) {
            pieces.add(Check.matches(
                    "reservable.requiredPieces", code, PIECE_CODE, "a piece code (lower-case, digits, dashes)"));
            return this;
        }

        /**
         * Adds a team whose agents approve; at least one is needed.
         *
         * @param team the team
         * @return this builder
         */
        public Builder team(TeamId team) {
            teams.add(Check.required("reservable.teams", team));
            return this;
        }

        /**
         * How long an approved reservation waits for its payment; 2 days by default.
         *
         * @param hold 5 minutes to 60 days
         * @return this builder
         * @throws org.opengru.core.error.ValidationException naming {@code reservable.paymentHold}
         */
        public Builder paymentHold(Duration hold) {
            this.paymentHold =
                    Check.minutes("reservable.paymentHold", hold, Duration.ofMinutes(5), Duration.ofDays(60));
            return this;
        }

        /**
         * The reservable.
         *
         * @return a new reservable
         * @throws org.opengru.core.error.ValidationException when no opening rule, tariff or team was given
         */
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
                    depositInPayment,
                    pieces,
                    teams,
                    paymentHold);
        }
    }
}
