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
    /** Neither a point nor an address was given. */
    LOCATION_MISSING(
            "report.location-missing", "Indiquez où se trouve le problème : un point sur la carte ou une adresse."),
    /** A latitude or longitude out of range. */
    LOCATION_INVALID("report.location-invalid", "La position donnée n'est pas valable."),
    /** The point lies outside the commune's territory. */
    OUTSIDE_COMMUNE(
            "report.outside-commune",
            "Ce lieu est en dehors de la commune : nous ne pouvons pas traiter ce signalement."),
    /** The address could not be geocoded. */
    ADDRESS_NOT_FOUND(
            "report.address-not-found",
            "Nous n'avons pas trouvé cette adresse. Vérifiez-la ou placez le point sur la carte."),
    /** The geocoder did not answer: the resident may place the point instead. */
    GEOCODER_UNAVAILABLE(
            "report.geocoder-unavailable",
            "La recherche d'adresse ne répond pas pour le moment. Placez le point sur la carte ou réessayez plus tard."),
    /** A category the commune does not take. */
    CATEGORY_UNKNOWN("report.category-unknown", "Choisissez une catégorie de la liste."),
    /** No description. */
    DESCRIPTION_MISSING("report.description-missing", "Décrivez le problème en quelques mots."),
    /** A description longer than the commune's maximum. */
    DESCRIPTION_TOO_LONG("report.description-too-long", "La description est trop longue."),
    /** A report without an account where the commune requires one. */
    ANONYMOUS_NOT_ALLOWED(
            "report.anonymous-not-allowed",
            "Connectez-vous pour faire un signalement : la commune ne les accepte pas sans compte."),
    /** More photos than the commune's maximum. */
    TOO_MANY_PHOTOS("report.too-many-photos", "Vous avez joint trop de photos."),
    /** A file that is neither JPEG, PNG nor WebP. */
    PHOTO_NOT_IMAGE("report.photo-not-image", "Ce fichier n'est pas une photo : envoyez une image JPEG, PNG ou WebP."),
    /** A HEIC photo (an iPhone's default format), which is not stored: the resident sends a JPEG instead. */
    PHOTO_HEIC(
            "report.photo-heic",
            "Les photos HEIC (le format des iPhone) ne peuvent pas être enregistrées : envoyez-la en JPEG. Sur"
                    + " iPhone : Réglages, Appareil photo, Formats, « Le plus compatible »."),
    /** A photo too heavy or too many pixels. */
    PHOTO_TOO_LARGE("report.photo-too-large", "Cette photo est trop lourde ou trop grande."),
    /** A photo that cannot be decoded. */
    PHOTO_UNREADABLE("report.photo-unreadable", "Cette photo est illisible ou abîmée : envoyez-en une autre."),
    /** A verification link whose token is unknown. */
    TOKEN_INVALID("report.token-invalid", "Ce lien de confirmation n'est pas valable."),
    /** A verification link past its validity. */
    TOKEN_EXPIRED("report.token-expired", "Ce lien de confirmation a expiré : refaites le signalement."),
    /** A "+1" on a resolved or rejected report. */
    REPORT_CLOSED("report.closed", "Ce signalement est clos : faites-en un nouveau si le problème est toujours là."),
    /** Too many reports from one origin ({@link TooManyReportsException}). */
    TOO_MANY_REPORTS(
            "report.too-many", "Trop de signalements envoyés depuis votre connexion. Réessayez dans un moment.");

    private final String code;
    private final String french;

    ReportRefusal(String code, String french) {
        this.code = code;
        this.french = french;
    }

    /**
     * The stable code, for the portal and the logs.
     *
     * @return such as {@code report.outside-commune}
     */
    public String code() {
        return code;
    }

    /**
     * The sentence for the resident.
     *
     * @return the French sentence
     */
    public String french() {
        return french;
    }

    /**
     * A violation of this kind on the field, with the English reason for the logs.
     *
     * @param field the field refused, such as {@code location}
     * @param value the value refused, or {@code null}
     * @param reason why, in English
     * @return the violation, with this refusal's code and French sentence
     */
    public Violation violation(String field, @Nullable Object value, String reason) {
        return Violation.of(field, value, reason, code, french);
    }

    /**
     * The exception to throw: nothing has been stored.
     *
     * @param field the field refused
     * @param value the value refused, or {@code null}
     * @param reason why, in English
     * @return the exception, to throw
     */
    public ValidationException refuse(String field, @Nullable Object value, String reason) {
        return new ValidationException(List.of(violation(field, value, reason)));
    }
}
