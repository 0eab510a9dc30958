package org.opengru.core.notification;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every event that matters to an usager, with the mentions its message must carry whatever the commune
 * writes around them. A mention is a {@code {{placeholder}}} filled by OpenGRU: a commune may reword a
 * template, never drop a mandatory mention ({@link MissingMandatoryMentionException}). SMS are short, so
 * they carry a subset ({@link #smsMentions()}); the full text always goes to the e-mail, the in-app inbox
 * and the letter.
 */
public enum NotificationKind {
    /** Demande reçue; the accusé de réception is attached. */
    REQUEST_RECEIVED(List.of("reference", "procedure", "receivedOn"), List.of("reference")),
    /** Pièces complémentaires demandées: the list of missing pieces and the deadline. */
    COMPLEMENT_REQUESTED(List.of("reference", "missingPieces", "deadline"), List.of("reference", "deadline")),
    /** Décision (acceptation ou refus) with the means and delays of appeal. */
    DECISION(List.of("reference", "decision", "appealMeans"), List.of("reference", "decision")),
    /** Nouveau message d'un agent. */
    AGENT_MESSAGE(List.of("reference", "portalLink"), List.of("reference")),
    /** Rendez-vous réservé: date and place. */
    APPOINTMENT_BOOKED(List.of("appointmentDate", "place"), List.of("appointmentDate", "place")),
    /** Rappel de rendez-vous: checked against the appointment's latest status right before sending. */
    APPOINTMENT_REMINDER(List.of("appointmentDate", "place"), List.of("appointmentDate", "place")),
    /** Rendez-vous annulé: the date. */
    APPOINTMENT_CANCELLED(List.of("appointmentDate"), List.of("appointmentDate")),
    /** Rendez-vous déplacé: the new date and place. */
    APPOINTMENT_RESCHEDULED(
            List.of("appointmentDate", "previousDate", "place"), List.of("appointmentDate", "previousDate")),
    /** A cancelled appointment given back (RDV Service Public sends nothing then: #2538). */
    APPOINTMENT_RESTORED(List.of("appointmentDate", "place"), List.of("appointmentDate")),
    /** Proposition d'un créneau libéré à une personne en liste d'attente. */
    WAITING_LIST_OFFER(
            List.of("appointmentDate", "place", "offerExpiresAt"), List.of("appointmentDate", "offerExpiresAt")),
    /** Justificatif du coffre-fort bientôt expiré. */
    DOCUMENT_EXPIRING(List.of("documentName", "expiresOn"), List.of("documentName", "expiresOn")),
    /** Enquête de satisfaction (optional answer). */
    SATISFACTION_SURVEY(List.of("surveyLink"), List.of("surveyLink")),
    /** Signalement followed: its status changed (reçu, pris en charge, résolu, rejeté), sent to every reporter. */
    REPORT_STATUS_CHANGED(List.of("reference", "status"), List.of("reference", "status")),
    /** Réservation d'une salle ou d'un matériel acceptée: the amount to pay and where to pay it. */
    RESERVATION_APPROVED(
            List.of("reservable", "period", "amountDue", "paymentLink"), List.of("reservable", "period", "amountDue")),
    /** Réservation refusée, with the agent's reason. */
    RESERVATION_REFUSED(List.of("reservable", "period", "reason"), List.of("reservable", "period")),
    /**
     * Place libérée à un événement proposée à une personne en liste d'attente, until the deadline, with where to
     * take it.
     */
    EVENT_PLACE_OFFERED(
            List.of("event", "offerExpiresAt", "amountDue", "placeLink"), List.of("event", "offerExpiresAt")),
    /** Remboursement fait par le comptable public, recorded by an agent. */
    REFUND_RECORDED(List.of("subject", "amount"), List.of("subject", "amount"));

    /** Placeholders any template may use besides the kind's mentions. */
    public static final Set<String> COMMON_PLACEHOLDERS = Set.of("usagerName", "commune", "replyHint");

    private final List<String> mentions;
    private final List<String> smsMentions;

    NotificationKind(List<String> mentions, List<String> smsMentions) {
        this.mentions = mentions;
        this.smsMentions = smsMentions;
    }

    /**
     * The placeholders every full-text body (e-mail, inbox, letter) must contain.
     *
     * @return the placeholders, without braces
     */
    public List<String> mentions() {
        return mentions;
    }

    /**
     * The placeholders an SMS body must contain.
     *
     * @return the placeholders, without braces
     */
    public List<String> smsMentions() {
        return smsMentions;
    }

    /**
     * The placeholders a template of this kind may use.
     *
     * @return the mentions and the common placeholders
     */
    public Set<String> allowedPlaceholders() {
        Set<String> all = new LinkedHashSet<>(mentions);
        all.addAll(COMMON_PLACEHOLDERS);
        return all;
    }

    /**
     * Whether the notice concerns an appointment ({@link AppointmentNotice}).
     *
     * @return {@code true} for the appointment kinds
     */
    public boolean appointment() {
        return name().startsWith("APPOINTMENT_") || this == WAITING_LIST_OFFER;
    }

    /**
     * Whether the notice concerns a request ({@link RequestNotice} with a request id).
     *
     * @return {@code true} for the request kinds
     */
    public boolean request() {
        return this == REQUEST_RECEIVED || this == COMPLEMENT_REQUESTED || this == DECISION || this == AGENT_MESSAGE;
    }
}
