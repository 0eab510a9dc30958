package org.opengru.core.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a value of a démarche's form was refused: the stable {@link #code()} each {@link
 * org.opengru.core.error.Violation} of the form carries, and the sentence a resident reads, in plain French
 * ({@link #french(Object...)}). A portal shows {@code Violation#french()} next to the field; to word a
 * reason differently, switch on the code. Codes never change meaning; new ones may be added.
 */
public enum FieldRefusal {
    /** No value where one is required. */
    REQUIRED("required", "ce champ est à remplir"),
    /** A value for a field whose condition does not hold. */
    NOT_APPLICABLE("not-applicable", "ce champ ne s'applique pas à votre situation : laissez-le vide"),
    /** A value for a field the form does not have. */
    UNKNOWN_FIELD("unknown-field", "ce champ ne fait pas partie de cette démarche"),
    /** The value is not of the expected kind (a list where text is expected...): a client's mistake. */
    WRONG_KIND("wrong-kind", "la réponse n'a pas la forme attendue"),
    /** A text longer than {@code maxLength}; the argument is the length. */
    TEXT_TOO_LONG("text.too-long", "%s caractères au plus"),
    /** A text that does not match the field's {@code pattern}. */
    TEXT_PATTERN("text.pattern", "la forme de la réponse n'est pas celle attendue"),
    /** Not a number. */
    NUMBER_INVALID("number.invalid", "indiquez un nombre, en chiffres"),
    /** A number below {@code min}; the argument is the bound. */
    NUMBER_TOO_SMALL("number.too-small", "le nombre doit être au moins %s"),
    /** A number above {@code max}; the argument is the bound. */
    NUMBER_TOO_LARGE("number.too-large", "le nombre doit être au plus %s"),
    /** Not a date. */
    DATE_INVALID("date.invalid", "indiquez une date (jour, mois et année)"),
    /** A date before {@code minDate}; the argument is the bound. */
    DATE_TOO_EARLY("date.too-early", "la date ne peut pas être avant le %s"),
    /** A date after {@code maxDate}; the argument is the bound. */
    DATE_TOO_LATE("date.too-late", "la date ne peut pas être après le %s"),
    /** Not an e-mail address. */
    EMAIL_INVALID("email.invalid", "indiquez une adresse électronique, par exemple nom@exemple.fr"),
    /** Not a phone number. */
    PHONE_INVALID("phone.invalid", "indiquez un numéro de téléphone, par exemple 01 23 45 67 89"),
    /** A SIRET without its 14 digits. */
    SIRET_FORMAT("siret.format", "le numéro SIRET compte 14 chiffres"),
    /** A SIRET whose Luhn key is wrong. */
    SIRET_CHECKSUM("siret.checksum", "ce numéro SIRET n'existe pas : vérifiez-le"),
    /** Not shaped like an IBAN. */
    IBAN_FORMAT("iban.format", "indiquez un IBAN, par exemple FR76 3000 6000 0112 3456 7890 189"),
    /** An IBAN whose length or mod-97 check is wrong. */
    IBAN_CHECKSUM("iban.checksum", "cet IBAN n'est pas valide : vérifiez sa longueur et ses chiffres"),
    /** Not yes or no. */
    YES_NO_INVALID("yes-no.invalid", "répondez par oui ou par non"),
    /** A code that is not one of the choices. */
    CHOICE_INVALID("choice.invalid", "choisissez parmi les réponses proposées"),
    /** A multiple choice with a code twice. */
    CHOICE_REPEATED("choice.repeated", "chaque réponse ne peut être choisie qu'une fois"),
    /** An address without its street line, postcode or commune. */
    ADDRESS_INCOMPLETE("address.incomplete", "indiquez l'adresse complète : numéro et voie, code postal et commune"),
    /** Too many or too long address lines (NF Z10-011). */
    ADDRESS_LINES("address.lines", "l'adresse tient en 4 lignes de 38 caractères au plus"),
    /** A French postcode not of 5 digits. */
    ADDRESS_POSTAL_CODE("address.postal-code", "le code postal compte 5 chiffres"),
    /** A country not given as its ISO 3166 two-letter code. */
    ADDRESS_COUNTRY("address.country", "indiquez le pays par son code à deux lettres, par exemple FR"),
    /** An address the Base Adresse Nationale does not know. */
    ADDRESS_NOT_FOUND(
            "address.not-found",
            "cette adresse est introuvable dans la Base Adresse Nationale : vérifiez le numéro, la voie et la commune"),
    /** An address found with too low a score; the argument is the closest address known. */
    ADDRESS_UNCERTAIN(
            "address.uncertain",
            "cette adresse est trop imprécise pour être localisée (la plus proche connue est « %s ») : précisez le"
                    + " numéro et le nom de la voie"),
    /** A field to verify was not through {@link AddressCheck} before submission: the service's mistake. */
    ADDRESS_UNCHECKED("address.unchecked", "l'adresse n'a pas encore été vérifiée : envoyez à nouveau le formulaire"),
    /** Not a point (latitude and longitude). */
    POINT_INVALID("point.invalid", "indiquez un point par sa latitude et sa longitude, en degrés décimaux"),
    /** A latitude or longitude out of range. */
    POINT_OUT_OF_RANGE(
            "point.out-of-range", "la latitude est comprise entre -90 et 90 et la longitude entre -180 et 180"),
    /** A point outside the field's {@code bounds}. */
    POINT_OUTSIDE("point.outside", "ce point est en dehors du territoire de la commune : placez-le sur son territoire"),
    /** A negative accuracy. */
    POINT_ACCURACY("point.accuracy", "la précision de la position se donne en mètres, 0 ou plus"),
    /** A point whose accuracy radius exceeds {@code maxAccuracy}; the argument is the radius in metres. */
    POINT_IMPRECISE(
            "point.imprecise", "la position est trop imprécise (à %s m près) : placez le point vous-même sur la carte"),
    /** Not a commune (code and name). */
    COMMUNE_INVALID("commune.invalid", "choisissez une commune : son code INSEE et son nom"),
    /** A commune code that is not an INSEE COG code. */
    COMMUNE_CODE("commune.code", "le code INSEE d'une commune compte 5 caractères, par exemple 45234 ou 2A004"),
    /** A group with fewer items than {@code minItems}; the argument is the bound. */
    GROUP_TOO_FEW("group.too-few", "indiquez-en au moins %s"),
    /** A group with more items than {@code maxItems}; the argument is the bound. */
    GROUP_TOO_MANY("group.too-many", "vous pouvez en indiquer %s au plus"),
    /** Not a file reference. */
    FILE_INVALID("file.invalid", "joignez le fichier demandé"),
    /** A file whose document type is not the field's. */
    FILE_WRONG_TYPE("file.wrong-type", "ce document n'est pas du type demandé ici"),
    /** Not a date range (start and end). */
    DATE_RANGE_INVALID("date-range.invalid", "indiquez une date de début et une date de fin (jour, mois et année)"),
    /** A date range that ends before it starts. */
    DATE_RANGE_REVERSED("date-range.reversed", "la date de fin ne peut pas être avant la date de début"),
    /** A date range longer than {@code maxDays}; the argument is the limit. */
    DATE_RANGE_TOO_LONG("date-range.too-long", "la période ne peut pas dépasser %s jours");

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);

    private final String code;
    private final String french;

    FieldRefusal(String code, String french) {
        this.code = code;
        this.french = french;
    }

    /**
     * The stable code, such as {@code text.too-long}.
     *
     * @return the code
     */
    public String code() {
        return code;
    }

    /**
     * The French sentence, with the arguments (a length, a bound...) in their French form: a date as {@code 1er
     * janvier 2010}, a decimal with a comma; a missing argument reads {@code …}.
     *
     * @param args the values of the sentence's holes, in order
     * @return the sentence
     */
    public String french(Object... args) {
        int holes = french.split("%s", -1).length - 1;
        Object[] words = new Object[Math.max(holes, args.length)];
        for (int i = 0; i < words.length; i++) {
            words[i] = i < args.length ? word(args[i]) : "…"; // a missing argument never fails the message
        }
        return String.format(Locale.FRANCE, french, words);
    }

    /**
     * The refusal with this code.
     *
     * @param code a code, such as {@code text.too-long}
     * @return the refusal, or empty for an unknown code
     */
    public static Optional<FieldRefusal> of(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }

    private static Object word(Object arg) {
        if (arg instanceof LocalDate d) {
            String text = FRENCH_DATE.format(d);
            return d.getDayOfMonth() == 1 ? "1er" + text.substring(1) : text;
        }
        if (arg instanceof BigDecimal n) {
            return n.stripTrailingZeros().toPlainString().replace('.', ',');
        }
        return String.valueOf(arg);
    }
}
