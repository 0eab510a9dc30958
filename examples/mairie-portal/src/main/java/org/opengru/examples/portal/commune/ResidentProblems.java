package org.opengru.examples.portal.commune;

import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.error.AlreadyExistsException;
import org.opengru.core.error.ConcurrentUpdateException;
import org.opengru.core.error.GruException;
import org.opengru.core.error.IdempotencyConflictException;
import org.opengru.core.error.IllegalTransitionException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.jdbc.TransientDataAccessException;
import org.opengru.documents.ingest.UploadRejectedException;
import org.opengru.documents.reuse.ConsentRequiredException;
import org.opengru.documents.reuse.DocumentNotUsableException;
import org.opengru.scheduling.booking.BookingRejectedException;

/**
 * What went wrong, said to a resident in plain French, with what to do next. The library's messages are
 * in English for developers and logs; a page shows this instead, never them.
 */
public final class ResidentProblems {

    private ResidentProblems() {}

    public static String french(GruException e) {
        if (e instanceof BookingRejectedException b) {
            return booking(b.reason());
        }
        if (e instanceof UploadRejectedException u) {
            return FileRefusals.french(u);
        }
        if (e instanceof ValidationException v) {
            return FrenchReasons.of(v.violations().get(0));
        }
        if (e instanceof ConcurrentUpdateException) {
            return "la page n'était plus à jour : rechargez-la et recommencez";
        }
        if (e instanceof IllegalTransitionException) {
            return "cette action n'est plus possible à ce stade : rechargez la page pour voir où en est votre"
                    + " dossier";
        }
        if (e instanceof IdempotencyConflictException || e instanceof AlreadyExistsException) {
            return "ce formulaire a déjà été envoyé : vérifiez dans votre espace avant de recommencer";
        }
        if (e instanceof AccessDeniedException) {
            return "vous n'avez pas accès à ce dossier";
        }
        if (e instanceof NotFoundException) {
            return "ce dossier est introuvable : il a peut-être été supprimé";
        }
        if (e instanceof ConsentRequiredException) {
            return "cochez la case d'accord pour réutiliser vos documents enregistrés";
        }
        if (e instanceof DocumentNotUsableException) {
            return "ce document ne peut pas servir ici (il a expiré, a été refusé ou n'est pas du bon type) :"
                    + " joignez-en un autre";
        }
        if (e instanceof TransientDataAccessException) {
            return "le service est momentanément indisponible : réessayez dans un instant";
        }
        return "le service n'a pas pu traiter votre demande : réessayez dans quelques minutes ou appelez la"
                + " mairie";
    }

    /** Every reason a booking is refused (the switch has no default: a new reason must be said here). */
    static String booking(BookingRejectedException.Reason reason) {
        return switch (reason) {
            case UNKNOWN_SITE -> "ce lieu d'accueil n'existe pas";
            case SERVICE_NOT_OFFERED -> "ce motif de rendez-vous n'est pas proposé à cet endroit";
            case IN_THE_PAST -> "ce créneau est déjà passé : choisissez-en un autre";
            case TOO_SHORT_NOTICE -> "ce créneau est trop proche : choisissez-en un plus tard";
            case BEYOND_HORIZON -> "ce créneau est trop lointain : les rendez-vous ne sont pas encore ouverts";
            case OUTSIDE_OPENING_HOURS -> "la mairie est fermée à cette heure-là : choisissez un autre créneau";
            case PUBLIC_HOLIDAY -> "ce jour est férié : choisissez un autre jour";
            case NOT_ON_SLOT_GRID -> "cet horaire ne correspond pas à un créneau proposé";
            case TOO_MANY_PEOPLE -> "ce créneau ne peut pas accueillir autant de personnes";
            case AGENTS_ONLY -> "ce rendez-vous se prend auprès d'un agent de la mairie : appelez-la";
            case ANTS_NUMBER_MISSING -> "indiquez le numéro de votre pré-demande ANTS";
            case ANTS_NUMBER_MALFORMED ->
                "le numéro de pré-demande ANTS compte 10 caractères, lettres et chiffres : vérifiez-le";
            case ACTIVE_BOOKING_EXISTS ->
                "vous avez déjà un rendez-vous pour ce motif : déplacez-le ou annulez-le depuis votre espace";
            case NO_SHOW_LIMIT ->
                "plusieurs rendez-vous n'ont pas été honorés : appelez la mairie pour en prendre un nouveau";
            case RATE_LIMITED -> "trop de tentatives en peu de temps : patientez une minute et réessayez";
            case HOLD_EXPIRED -> "le créneau réservé pour vous a expiré : choisissez-en un autre";
            case HOLD_LIMIT ->
                "vous gardez déjà des créneaux pour ce motif : confirmez-en un ou libérez-les avant d'en choisir un autre";
            case INVALID_CANCEL_TOKEN -> "ce lien d'annulation n'est pas valable : annulez depuis votre espace";
            case IDEMPOTENCY_KEY_REUSED -> "ce formulaire a déjà été envoyé : vérifiez dans votre espace";
            case LOTTERY_CLOSED -> "le tirage au sort de ces créneaux est terminé";
            case LOTTERY_NOT_CLOSED -> "les créneaux seront attribués par tirage au sort : revenez après le tirage";
        };
    }
}
