package org.opengru.reports;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;
import org.opengru.core.error.Violation;

/**
 * Why a signalement (or a photo, a "+1", a verification) is refused: a stable code for the portal and a
 * French sentence for the resident, as gru-core's form refusals. A refusal always comes before anything
 * is stored.
 */
public enum ReportRefusal {
    LOCATION_MISSING(
            "report.location-missing", "Indiquez où se trouve le problème : un point sur la carte ou une adresse."),
    LOCATION_INVALID("report.location-invalid", "La position donnée n'est pas valable."),
    OUTSIDE_COMMUNE(
            "report.outside-commune",
            "Ce lieu est en dehors de la commune : nous ne pouvons pas traiter ce signalement."),
    ADDRESS_NOT_FOUND(
            "report.address-not-found",
            "Nous n'avons pas trouvé cette adresse. Vérifiez-la ou placez le point sur la carte."),
    GEOCODER_UNAVAILABLE(
            "report.geocoder-unavailable",
            "La recherche d'adresse ne répond pas pour le moment. Placez le point sur la carte ou réessayez plus tard."),
    CATEGORY_UNKNOWN("report.category-unknown", "Choisissez une catégorie de la liste."),
    DESCRIPTION_MISSING("report.description-missing", "Décrivez le problème en quelques mots."),
    DESCRIPTION_TOO_LONG("report.description-too-long", "La description est trop longue."),
    ANONYMOUS_NOT_ALLOWED(
            "report.anonymous-not-allowed",
            "Connectez-vous pour faire un signalement : la commune ne les accepte pas sans compte."),
    TOO_MANY_PHOTOS("report.too-many-photos", "Vous avez joint trop de photos."),
    PHOTO_NOT_IMAGE("report.photo-not-image", "Ce fichier n'est pas une photo : envoyez une image JPEG, PNG ou WebP."),
    PHOTO_HEIC(
            "report.photo-heic",
            "Les photos HEIC (le format des iPhone) ne peuvent pas être enregistrées : envoyez-la en JPEG. Sur"
                    + " iPhone : Réglages, Appareil photo, Formats, « Le plus compatible »."),
    PHOTO_TOO_LARGE("report.photo-too-large", "Cette photo est trop lourde ou trop grande."),
    PHOTO_UNREADABLE("report.photo-unreadable", "Cette photo est illisible ou abîmée : envoyez-en une autre."),
    TOKEN_INVALID("report.token-invalid", "Ce lien de confirmation n'est pas valable."),
    TOKEN_EXPIRED("report.token-expired", "Ce lien de confirmation a expiré : refaites le signalement."),
    REPORT_CLOSED("report.closed", "Ce signalement est clos : faites-en un nouveau si le problème est toujours là."),
    TOO_MANY_REPORTS(
            "report.too-many", "Trop de signalements envoyés depuis votre connexion. Réessayez dans un moment.");

    private final String code;
    private final String french;

    ReportRefusal(String code, String french) {
        this.code = code;
        this.french = french;
    }

    /** The stable code, for the portal and the logs. */
    public String code() {
        return code;
    }

    /** The sentence for the resident. */
    public String french() {
        return french;
    }

    /** A violation of this kind on the field, with the English reason for the logs. */
    public Violation violation(String field, @Nullable Object value, String reason) {
        return Violation.of(field, value, reason, code, french);
    }

    /** The exception to throw: nothing has been stored. */
    public ValidationException refuse(String field, @Nullable Object value, String reason) {
        return new ValidationException(List.of(violation(field, value, reason)));
    }
}
