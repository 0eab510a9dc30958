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
    REQUIRED("required", "ce champ est à remplir"),
    NOT_APPLICABLE("not-applicable", "ce champ ne s'applique pas à votre situation : laissez-le vide"),
    UNKNOWN_FIELD("unknown-field", "ce champ ne fait pas partie de cette démarche"),
    /** The value is not of the expected kind (a list where text is expected...): a client's mistake. */
    WRONG_KIND("wrong-kind", "la réponse n'a pas la forme attendue"),
    TEXT_TOO_LONG("text.too-long", "%s caractères au plus"),
    TEXT_PATTERN("text.pattern", "la forme de la réponse n'est pas celle attendue"),
    NUMBER_INVALID("number.invalid", "indiquez un nombre, en chiffres"),
    NUMBER_TOO_SMALL("number.too-small", "le nombre doit être au moins %s"),
    NUMBER_TOO_LARGE("number.too-large", "le nombre doit être au plus %s"),
    DATE_INVALID("date.invalid", "indiquez une date (jour, mois et année)"),
    DATE_TOO_EARLY("date.too-early", "la date ne peut pas être avant le %s"),
    DATE_TOO_LATE("date.too-late", "la date ne peut pas être après le %s"),
    EMAIL_INVALID("email.invalid", "indiquez une adresse électronique, par exemple nom@exemple.fr"),
    PHONE_INVALID("phone.invalid", "indiquez un numéro de téléphone, par exemple 01 23 45 67 89"),
    SIRET_FORMAT("siret.format", "le numéro SIRET compte 14 chiffres"),
    SIRET_CHECKSUM("siret.checksum", "ce numéro SIRET n'existe pas : vérifiez-le"),
    IBAN_FORMAT("iban.format", "indiquez un IBAN, par exemple FR76 3000 6000 0112 3456 7890 189"),
    IBAN_CHECKSUM("iban.checksum", "cet IBAN n'est pas valide : vérifiez sa longueur et ses chiffres"),
    YES_NO_INVALID("yes-no.invalid", "répondez par oui ou par non"),
    CHOICE_INVALID("choice.invalid", "choisissez parmi les réponses proposées"),
    CHOICE_REPEATED("choice.repeated", "chaque réponse ne peut être choisie qu'une fois"),
    ADDRESS_INCOMPLETE("address.incomplete", "indiquez l'adresse complète : numéro et voie, code postal et commune"),
    ADDRESS_LINES("address.lines", "l'adresse tient en 4 lignes de 38 caractères au plus"),
    ADDRESS_POSTAL_CODE("address.postal-code", "le code postal compte 5 chiffres"),
    ADDRESS_COUNTRY("address.country", "indiquez le pays par son code à deux lettres, par exemple FR"),
    ADDRESS_NOT_FOUND(
            "address.not-found",
            "cette adresse est introuvable dans la Base Adresse Nationale : vérifiez le numéro, la voie et la commune"),
    ADDRESS_UNCERTAIN(
            "address.uncertain",
            "cette adresse est trop imprécise pour être localisée (la plus proche connue est « %s ») : précisez le"
                    + " numéro et le nom de la voie"),
    /** A field to verify was not through {@link AddressCheck} before submission: the service's mistake. */
    ADDRESS_UNCHECKED("address.unchecked", "l'adresse n'a pas encore été vérifiée : envoyez à nouveau le formulaire"),
    POINT_INVALID("point.invalid", "indiquez un point par sa latitude et sa longitude, en degrés décimaux"),
    POINT_OUT_OF_RANGE(
            "point.out-of-range", "la latitude est comprise entre -90 et 90 et la longitude entre -180 et 180"),
    POINT_OUTSIDE("point.outside", "ce point est en dehors du territoire de la commune : placez-le sur son territoire"),
    POINT_ACCURACY("point.accuracy", "la précision de la position se donne en mètres, 0 ou plus"),
    POINT_IMPRECISE(
            "point.imprecise", "la position est trop imprécise (à %s m près) : placez le point vous-même sur la carte"),
    COMMUNE_INVALID("commune.invalid", "choisissez une commune : son code INSEE et son nom"),
    COMMUNE_CODE("commune.code", "le code INSEE d'une commune compte 5 caractères, par exemple 45234 ou 2A004"),
    GROUP_TOO_FEW("group.too-few", "indiquez-en au moins %s"),
    GROUP_TOO_MANY("group.too-many", "vous pouvez en indiquer %s au plus"),
    FILE_INVALID("file.invalid", "joignez le fichier demandé"),
    FILE_WRONG_TYPE("file.wrong-type", "ce document n'est pas du type demandé ici"),
    DATE_RANGE_INVALID("date-range.invalid", "indiquez une date de début et une date de fin (jour, mois et année)"),
    DATE_RANGE_REVERSED("date-range.reversed", "la date de fin ne peut pas être avant la date de début"),
    DATE_RANGE_TOO_LONG("date-range.too-long", "la période ne peut pas dépasser %s jours");

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);

    private final String code;
    private final String french;

    FieldRefusal(String code, String french) {
        this.code = code;
        this.french = french;
    }

    /** The stable code, such as {@code text.too-long}. */
    public String code() {
        return code;
    }

    /**
     * The French sentence, with the arguments (a length, a bound...) in their French form: a date as {@code 1er
     * janvier 2010}, a decimal with a comma; a missing argument reads {@code …}.
     */
    public String french(Object... args) {
        int holes = french.split("%s", -1).length - 1;
        Object[] words = new Object[Math.max(holes, args.length)];
        for (int i = 0; i < words.length; i++) {
            words[i] = i < args.length ? word(args[i]) : "…"; // a missing argument never fails the message
        }
        return String.format(Locale.FRANCE, french, words);
    }

    /** The refusal with this code. */
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
