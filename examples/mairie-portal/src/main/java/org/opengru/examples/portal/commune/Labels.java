package org.opengru.examples.portal.commune;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.opengru.core.request.RequestAction;
import org.opengru.scheduling.booking.BookingStatus;
import org.springframework.stereotype.Component;

/** Plain-French labels and dates for the templates, as the bean {@code labels}. */
@Component("labels")
public class Labels {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter DAY_TIME =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH'h'mm", Locale.FRENCH);

    public String status(Object status) {
        return Commune.statusLabel(status.toString());
    }

    public String action(RequestAction action) {
        return switch (action) {
            case CREATE -> "Demande créée";
            case EDIT -> "Demande complétée";
            case SUBMIT -> "Demande envoyée à la mairie";
            case REGISTER_INCOMPLETE -> "Demande enregistrée, incomplète";
            case START_REVIEW -> "Prise en charge par un agent";
            case REQUEST_COMPLEMENT -> "Compléments demandés";
            case PROVIDE_COMPLEMENT -> "Compléments envoyés";
            case ACCEPT -> "Demande acceptée";
            case REJECT -> "Demande refusée";
            case CLOSE_WITHOUT_FOLLOW_UP -> "Demande classée sans suite";
            case WITHDRAW -> "Demande retirée";
            case REOPEN -> "Demande rouverte";
            default -> action.name().startsWith("IMPLICIT") ? "Décision implicite" : action.name();
        };
    }

    public String booking(BookingStatus status) {
        return switch (status) {
            case HELD -> "Réservé provisoirement";
            case BOOKED -> "Confirmé";
            case EXPIRED -> "Expiré";
            case CANCELLED_BY_USAGER -> "Annulé par vous";
            case CANCELLED_BY_AGENT -> "Annulé par la mairie";
            case ATTENDED -> "Honoré";
            case NO_SHOW -> "Absence";
        };
    }

    public String day(@Nullable Object date) {
        if (date == null) {
            return "";
        }
        if (date instanceof LocalDate d) {
            return DAY.format(d);
        }
        return DAY.format(((Instant) date).atZone(Commune.ZONE));
    }

    public String dateTime(@Nullable Instant at) {
        return at == null ? "" : DAY_TIME.format(at.atZone(Commune.ZONE));
    }

    public String time(Instant at) {
        return TIME.format(at.atZone(Commune.ZONE));
    }
}
