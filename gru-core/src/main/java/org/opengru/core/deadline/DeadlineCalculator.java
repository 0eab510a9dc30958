package org.opengru.core.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opengru.core.catalogue.ComplementEffect;
import org.opengru.core.catalogue.ImplicitDecisionRule;

/**
 * Computes implicit-decision dates. The receipt date is the calendar day in the collectivité's zone
 * (Europe/Paris by default: a request sent at 00:30 on 1 March Paris time, still 28 February in UTC, is
 * received on 1 March). The period ends on receipt date + period ({@code java.time} calendar arithmetic:
 * received 31 January, one month gives 28 or 29 February), and the implicit decision is born when that
 * last day has ended in the same zone (at midnight, whatever the daylight-saving offset): a period
 * expires on its last day at midnight (the rule of article 642 of the code de procédure civile, which
 * the administrative judge applies to the CRPA's periods), so an express decision taken during that day
 * comes first.
 *
 * <p>While a complement is awaited the period is suspended. Silence vaut accord: until it arrives; then
 * {@link ComplementEffect#CONTINUE} pushes the date back by the days spent waiting and {@link
 * ComplementEffect#RESTART} starts a full period on the day of arrival, and the date never moves earlier.
 * Silence vaut rejet (L114-5 CRPA): only during the time given to produce the pieces; the period runs
 * again when they arrive or when that time runs out, whichever comes first.
 */
public final class DeadlineCalculator {

    /** The zone of metropolitan France. */
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final ZoneId zone;

    /**
     * The zones of French collectivités: metropolitan France, the overseas departments and collectivities.
     * Deadlines computed in any other zone would be wrong by a day near midnight, so others are refused.
     */
    public static final java.util.Set<ZoneId> FRENCH_ZONES = java.util.Set.of(
            PARIS,
            ZoneId.of("America/Guadeloupe"),
            ZoneId.of("America/Martinique"),
            ZoneId.of("America/Cayenne"),
            ZoneId.of("Indian/Reunion"),
            ZoneId.of("Indian/Mayotte"),
            ZoneId.of("America/Miquelon"),
            ZoneId.of("America/St_Barthelemy"),
            ZoneId.of("America/Marigot"),
            ZoneId.of("Pacific/Noumea"),
            ZoneId.of("Pacific/Tahiti"),
            ZoneId.of("Pacific/Wallis"));

    /**
     * A calculator counting days in the collectivité's zone.
     *
     * @param zone the collectivité's zone, one of {@link #FRENCH_ZONES}
     * @throws org.opengru.core.error.ValidationException for a zone that is not a French collectivité's
     */
    public DeadlineCalculator(ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        org.opengru.core.internal.Checks.check(
                FRENCH_ZONES.contains(zone),
                "zone",
                zone,
                "is not the time zone of a French collectivité (" + PARIS + ", overseas zones)");
        this.zone = zone;
    }

    /**
     * A calculator for metropolitan France.
     *
     * @return a calculator in {@link #PARIS}
     */
    public static DeadlineCalculator paris() {
        return new DeadlineCalculator(PARIS);
    }

    /**
     * The zone in which days are counted.
     *
     * @return the collectivité's zone
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * The calendar day of an instant in the zone.
     *
     * @param instant an instant
     * @return its date in the collectivité's zone
     */
    public LocalDate day(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /**
     * The instant the implicit decision is born when {@code lastDay} is the last day of the period: the end
     * of that day in the zone (the start of the next). The administration may decide expressly until then.
     *
     * @param lastDay the period's last day
     * @return the start of the next day in the zone
     */
    public Instant endOf(LocalDate lastDay) {
        return lastDay.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /**
     * The deadline of a request received at that instant, or {@code null} when the rule has none.
     *
     * @param rule the démarche's rule (SVA, SVR or none)
     * @param receivedAt when the request was received
     * @return the running deadline
     */
    public @Nullable ImplicitDeadline start(ImplicitDecisionRule rule, Instant receivedAt) {
        if (!rule.applies()) {
            return null;
        }
        LocalDate date = rule.period().addTo(day(receivedAt));
        return new ImplicitDeadline(rule.decision(), date, endOf(date), null, false);
    }

    /**
     * The deadline of a request received incomplete at that instant: suspended from the start, its period
     * starting only when the missing pieces arrive; {@code null} when the rule has none.
     *
     * @param rule the démarche's rule
     * @param receivedAt when the incomplete request was received
     * @return the suspended deadline
     */
    public @Nullable ImplicitDeadline startOnComplement(ImplicitDecisionRule rule, Instant receivedAt) {
        ImplicitDeadline provisional = start(rule, receivedAt);
        return provisional == null
                ? null
                : new ImplicitDeadline(
                        provisional.outcome(), provisional.date(), provisional.dueAt(), day(receivedAt), true);
    }

    /**
     * The deadline of a request received incomplete, whose missing pieces are due by {@code piecesDueBy}:
     * silence vaut accord starts only when they arrive ({@link #startOnComplement}); silence vaut rejet
     * runs from receipt, suspended during the time given ({@link #suspend(ImplicitDeadline, Instant,
     * LocalDate)}). L114-5 CRPA.
     *
     * @param rule the démarche's rule
     * @param receivedAt when the incomplete request was received
     * @param piecesDueBy the last day given to produce the pieces
     * @return the deadline, or {@code null} when the rule has none
     */
    public @Nullable ImplicitDeadline receiveIncomplete(
            ImplicitDecisionRule rule, Instant receivedAt, LocalDate piecesDueBy) {
        if (rule.decision() == org.opengru.core.catalogue.ImplicitDecision.REJECTION) {
            ImplicitDeadline running = start(rule, receivedAt);
            return running == null ? null : suspend(running, receivedAt, piecesDueBy);
        }
        return startOnComplement(rule, receivedAt);
    }

    /**
     * The deadline once a complement is asked for, due by {@code piecesDueBy}: silence vaut rejet is
     * suspended during the time given only ({@link #suspend(ImplicitDeadline, Instant, LocalDate)}),
     * silence vaut accord until the pieces arrive ({@link #suspend(ImplicitDeadline, Instant)}).
     *
     * @param deadline the running deadline
     * @param at when the complement was asked for
     * @param piecesDueBy the last day given to produce the pieces
     * @return the suspended deadline
     */
    public ImplicitDeadline suspendForComplement(ImplicitDeadline deadline, Instant at, LocalDate piecesDueBy) {
        return deadline.outcome() == org.opengru.core.catalogue.ImplicitDecision.REJECTION
                ? suspend(deadline, at, piecesDueBy)
                : suspend(deadline, at);
    }

    /**
     * The deadline suspended from that instant during the time given to produce the pieces, which ends
     * with {@code piecesDueBy}: it runs again the day after, pieces or not, so {@code date} moves by the
     * whole suspension now and moves back if they arrive earlier ({@link #resume}). Already suspended:
     * unchanged.
     *
     * @param deadline the running deadline
     * @param at when the complement was asked for
     * @param piecesDueBy the last day given to produce the pieces
     * @return the deadline suspended until the day after {@code piecesDueBy}
     */
    public ImplicitDeadline suspend(ImplicitDeadline deadline, Instant at, LocalDate piecesDueBy) {
        if (deadline.suspended()) {
            return deadline;
        }
        LocalDate suspendedOn = day(at);
        LocalDate resumesOn = piecesDueBy.plusDays(1);
        if (resumesOn.isBefore(suspendedOn)) {
            resumesOn = suspendedOn;
        }
        LocalDate date = deadline.date().plusDays(ChronoUnit.DAYS.between(suspendedOn, resumesOn));
        return new ImplicitDeadline(deadline.outcome(), date, endOf(date), suspendedOn, false, resumesOn);
    }

    /**
     * The deadline suspended at that instant (a complement was requested). Already suspended: unchanged.
     *
     * @param deadline the running deadline
     * @param at when the complement was asked for
     * @return the deadline suspended until the pieces arrive
     */
    public ImplicitDeadline suspend(ImplicitDeadline deadline, Instant at) {
        if (deadline.suspended()) {
            return deadline;
        }
        return new ImplicitDeadline(deadline.outcome(), deadline.date(), deadline.dueAt(), day(at), false);
    }

    /**
     * The deadline once the complement arrived at that instant. The result is never earlier than the
     * suspended one.
     *
     * @param rule the démarche's rule
     * @param deadline the suspended deadline
     * @param at when the complement arrived
     * @return the running deadline
     */
    public ImplicitDeadline resume(ImplicitDecisionRule rule, ImplicitDeadline deadline, Instant at) {
        LocalDate suspendedOn = deadline.suspendedOn();
        if (suspendedOn == null) {
            return deadline;
        }
        LocalDate today = day(at);
        LocalDate date = projected(rule, deadline, today);
        return new ImplicitDeadline(deadline.outcome(), date, endOf(date), null, false);
    }

    /**
     * The date the decision would be born if the complement arrived on {@code today}: what a UI shows while
     * the period is suspended. Non-decreasing in {@code today}.
     *
     * @param rule the démarche's rule
     * @param deadline the suspended deadline
     * @param today the day the complement would arrive
     * @return the period's last day in that case
     */
    public LocalDate projected(ImplicitDecisionRule rule, ImplicitDeadline deadline, LocalDate today) {
        LocalDate suspendedOn = deadline.suspendedOn();
        if (suspendedOn == null) {
            return deadline.date();
        }
        LocalDate resumesOn = deadline.resumesOn();
        if (resumesOn != null) {
            // date counts the whole suspension; pieces arriving earlier give back the days not waited.
            LocalDate arrived = today.isBefore(suspendedOn) ? suspendedOn : today;
            return arrived.isBefore(resumesOn)
                    ? deadline.date().minusDays(ChronoUnit.DAYS.between(arrived, resumesOn))
                    : deadline.date();
        }
        LocalDate resumedOn = today.isBefore(suspendedOn) ? suspendedOn : today;
        LocalDate date;
        if (deadline.startsOnResume() || rule.afterComplement() == ComplementEffect.RESTART) {
            date = rule.period().addTo(resumedOn);
        } else {
            long waited = ChronoUnit.DAYS.between(suspendedOn, resumedOn);
            date = deadline.date().plusDays(waited);
        }
        // A restart on the day of suspension cannot end before the running period (month arithmetic clamps).
        return date.isBefore(deadline.date()) ? deadline.date() : date;
    }
}
