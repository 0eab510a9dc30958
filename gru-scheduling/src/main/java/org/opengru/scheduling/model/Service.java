package org.opengru.scheduling.model;

import java.time.Duration;
import java.util.Objects;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.internal.Check;

/**
 * A kind of appointment (motif: passeport, carte d'identité, état civil, urbanisme...). Slots start every
 * {@code step} from the opening of a desk, independently of the {@code duration}: a 20-minute passport
 * appointment can start every 10 minutes. Buffers before and after keep the desk busy (preparation,
 * filing) without being part of the appointment. A group or family booking for {@code n} people takes
 * {@code n} consecutive durations on one desk, up to {@code maxPeople}.
 *
 * @param minNotice the shortest delay between now and the start of a bookable slot (délai de prévenance)
 * @param maxHorizon the furthest ahead a slot may start (horizon de réservation)
 * @param antsNumberRequired whether the booking must carry an ANTS pre-application number
 * @param maxHolds how many slots one person may hold at once for this service while filling the form
 *     (waiting-list offers included), enforced by the store; 2 by default
 * @param tenant the collectivité
 * @param id the service's code
 * @param name the French name, shown to residents and agents
 * @param duration the length of one appointment
 * @param step the time between two slots' starts
 * @param bufferBefore the desk's time before each appointment
 * @param bufferAfter the desk's time after each appointment
 * @param audience who may book: residents online or agents only
 * @param maxPeople the most people one appointment takes
 * @param priceCents what the appointment costs, in euro cents; 0 (the default) for a free one. A paying
 *     appointment is held until paid ({@code BookingPayments}), never confirmed otherwise online
 */
public record Service(
        TenantId tenant,
        ServiceId id,
        String name,
        Duration duration,
        Duration step,
        Duration bufferBefore,
        Duration bufferAfter,
        Duration minNotice,
        Duration maxHorizon,
        BookingAudience audience,
        boolean antsNumberRequired,
        int maxPeople,
        int maxHolds,
        long priceCents) {

    private static final Duration DAY = Duration.ofDays(1);

    /** Holds one person may keep at once per service unless the service says otherwise. */
    public static final int DEFAULT_MAX_HOLDS = 2;

    /**
     * Checks the service.
     *
     * @param tenant the collectivité
     * @param id the service's code
     * @param name the French name, shown to residents and agents
     * @param duration the length of one appointment
     * @param step the time between two slots' starts
     * @param bufferBefore the desk's time before each appointment
     * @param bufferAfter the desk's time after each appointment
     * @param minNotice the shortest delay between now and the start of a bookable slot (délai de prévenance)
     * @param maxHorizon the furthest ahead a slot may start (horizon de réservation)
     * @param audience who may book: residents online or agents only
     * @param antsNumberRequired whether the booking must carry an ANTS pre-application number
     * @param maxPeople the most people one appointment takes
     * @param maxHolds how many slots one person may hold at once for this service while filling the form (waiting-list
     *     offers included), enforced by the store; 2 by default
     * @param priceCents what the appointment costs, in euro cents, 0 to 10,000,000; 0 for a free one
     * @throws org.opengru.core.error.ValidationException naming the missing or out-of-range field
     */
    public Service {
        Check.required("service.tenant", tenant);
        Check.required("service.id", id);
        name = Check.text("service.name", name, 200);
        Check.minutes("service.duration", duration, Duration.ofMinutes(1), Duration.ofHours(8));
        Check.minutes("service.step", step, Duration.ofMinutes(1), Duration.ofHours(8));
        Check.minutes("service.bufferBefore", bufferBefore, Duration.ZERO, Duration.ofHours(2));
        Check.minutes("service.bufferAfter", bufferAfter, Duration.ZERO, Duration.ofHours(2));
        Check.minutes("service.minNotice", minNotice, Duration.ZERO, Duration.ofDays(365));
        Check.minutes("service.maxHorizon", maxHorizon, Duration.ofMinutes(1), Duration.ofDays(3 * 365));
        Check.that(
                maxHorizon.compareTo(minNotice) > 0,
                "service.maxHorizon",
                maxHorizon,
                "must exceed minNotice " + minNotice);
        Check.required("service.audience", audience);
        Check.that(maxPeople >= 1 && maxPeople <= 10, "service.maxPeople", maxPeople, "must be between 1 and 10");
        Check.that(
                duration.multipliedBy(maxPeople).compareTo(DAY) < 0,
                "service.maxPeople",
                maxPeople,
                "makes a group appointment longer than a day");
        checkMaxHolds(maxHolds);
        checkPrice(priceCents);
    }

    private static long checkPrice(long value) {
        Check.that(
                value >= 0 && value <= 10_000_000, "service.priceCents", value, "must be between 0 and 10000000 cents");
        return value;
    }

    /**
     * Whether the appointment must be paid before it is confirmed.
     *
     * @return {@code true} when the price is above zero
     */
    public boolean paying() {
        return priceCents > 0;
    }

    private static int checkMaxHolds(int value) {
        Check.that(value >= 1 && value <= 100, "service.maxHolds", value, "must be between 1 and 100");
        return value;
    }

    /**
     * The appointment length for a group of {@code people}: that many consecutive durations.
     *
     * @param people how many people
     * @return the length
     */
    public Duration durationFor(int people) {
        return duration.multipliedBy(people);
    }

    /**
     * Starts a service (motif) with 15-minute appointments.
     *
     * @param tenant the collectivité
     * @param id the service's code
     * @param name its French name, shown to residents
     * @return a builder
     */
    public static Builder builder(TenantId tenant, ServiceId id, String name) {
        return new Builder(tenant, id, name);
    }

    /**
     * Builds a service; defaults: 15 min, step = duration, no buffer, no notice, 90 days ahead, public, one
     * person, two holds per person.
     */
    public static final class Builder {
        private final TenantId tenant;
        private final ServiceId id;
        private final String name;
        private Duration duration = Duration.ofMinutes(15);
        private Duration step;
        private Duration bufferBefore = Duration.ZERO;
        private Duration bufferAfter = Duration.ZERO;
        private Duration minNotice = Duration.ZERO;
        private Duration maxHorizon = Duration.ofDays(90);
        private BookingAudience audience = BookingAudience.PUBLIC;
        private boolean antsNumberRequired;
        private int maxPeople = 1;
        private int maxHolds = DEFAULT_MAX_HOLDS;
        private long priceCents;

        private Builder(TenantId tenant, ServiceId id, String name) {
            this.tenant = tenant;
            this.id = id;
            this.name = name;
        }

        /**
         * The length of one appointment.
         *
         * @param value 1 minute to 8 hours, in whole minutes
         * @return this builder
         */
        public Builder duration(Duration value) {
            this.duration = Check.minutes("service.duration", value, Duration.ofMinutes(1), Duration.ofHours(8));
            return this;
        }

        /**
         * The time between two slots' starts.
         *
         * @param value 1 minute to 8 hours, in whole minutes
         * @return this builder
         */
        public Builder step(Duration value) {
            this.step = Check.minutes("service.step", value, Duration.ofMinutes(1), Duration.ofHours(8));
            return this;
        }

        /**
         * The desk's time before and after each appointment (preparation, filing).
         *
         * @param before 0 to 2 hours
         * @param after 0 to 2 hours
         * @return this builder
         */
        public Builder buffers(Duration before, Duration after) {
            this.bufferBefore = Check.minutes("service.bufferBefore", before, Duration.ZERO, Duration.ofHours(2));
            this.bufferAfter = Check.minutes("service.bufferAfter", after, Duration.ZERO, Duration.ofHours(2));
            return this;
        }

        /**
         * The least time between booking and the appointment.
         *
         * @param value the notice
         * @return this builder
         */
        public Builder minNotice(Duration value) {
            this.minNotice = Objects.requireNonNull(value, "minNotice");
            return this;
        }

        /**
         * The farthest ahead an appointment may be booked.
         *
         * @param value the horizon
         * @return this builder
         */
        public Builder maxHorizon(Duration value) {
            this.maxHorizon = Objects.requireNonNull(value, "maxHorizon");
            return this;
        }

        /**
         * Who may book: residents online ({@code PUBLIC}) or agents only ({@code AGENTS_ONLY}).
         *
         * @param value the audience
         * @return this builder
         */
        public Builder audience(BookingAudience value) {
            this.audience = Objects.requireNonNull(value, "audience");
            return this;
        }

        /**
         * Whether a pré-demande ANTS number is required (passport, ID card).
         *
         * @param value {@code true} to require it
         * @return this builder
         */
        public Builder antsNumberRequired(boolean value) {
            this.antsNumberRequired = value;
            return this;
        }

        /**
         * The most people one appointment takes (a family).
         *
         * @param value at least 1
         * @return this builder
         */
        public Builder maxPeople(int value) {
            this.maxPeople = value;
            return this;
        }

        /**
         * How many slots one person may hold at once for this service (1 to 100, default 2).
         *
         * @param value the number of holds
         * @return this builder
         */
        public Builder maxHolds(int value) {
            this.maxHolds = checkMaxHolds(value);
            return this;
        }

        /**
         * What the appointment costs, in euro cents (0 to 10,000,000; 0, free, by default).
         *
         * @param value the price in euro cents
         * @return this builder
         */
        public Builder priceCents(long value) {
            this.priceCents = checkPrice(value);
            return this;
        }

        /**
         * Builds the service.
         *
         * @return the service
         * @throws org.opengru.core.error.ValidationException naming the field out of range
         */
        public Service build() {
            return new Service(
                    tenant,
                    id,
                    name,
                    duration,
                    step == null ? duration : step,
                    bufferBefore,
                    bufferAfter,
                    minNotice,
                    maxHorizon,
                    audience,
                    antsNumberRequired,
                    maxPeople,
                    maxHolds,
                    priceCents);
        }
    }
}
