package org.opengru.examples.portal.agent;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opengru.core.outbox.OutboxRecord;
import org.opengru.core.outbox.OutboxStatus;

/**
 * One push of a request's event to a logiciel métier, in the agent's words: what it was about, its state
 * (remis, nouvel essai prévu, en attente, échec définitif) and whether it can be sent again.
 */
public record DeliveryRow(
        String event,
        String subscriber,
        String subscriberName,
        String state,
        @Nullable Instant at,
        int attempts,
        boolean dead,
        String eventId) {

    static DeliveryRow of(OutboxRecord r) {
        OutboxStatus s = r.status();
        String state;
        Instant at;
        if (s == OutboxStatus.DELIVERED) {
            state = "Remis";
            at = r.deliveredAt();
        } else if (s == OutboxStatus.DEAD) {
            state = "Échec définitif : plus aucun essai prévu";
            at = null;
        } else if (r.attempts() > 0) {
            state = "Échec, nouvel essai prévu";
            at = r.nextAttemptAt();
        } else {
            state = "En attente d'envoi";
            at = null;
        }
        return new DeliveryRow(
                event(r.message().eventType()),
                "Logiciel métier « " + r.subscriber() + " »",
                r.subscriber(),
                state,
                at,
                r.attempts(),
                s == OutboxStatus.DEAD,
                r.message().eventId().toString());
    }

    private static String event(String type) {
        return switch (type) {
            case "RequestCreated" -> "Demande créée";
            case "RequestSubmitted" -> "Demande reçue";
            case "RequestStatusChanged" -> "Changement d'état";
            case "ComplementRequested" -> "Compléments demandés";
            case "ComplementProvided" -> "Compléments reçus";
            case "DeadlineReached" -> "Échéance de décision implicite";
            default -> "Autre événement";
        };
    }
}
