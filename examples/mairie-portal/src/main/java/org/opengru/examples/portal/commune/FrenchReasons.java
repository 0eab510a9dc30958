package org.opengru.examples.portal.commune;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The residents read plain French: the reasons the library gives for a refused value (in English, for
 * developers and logs) are said again here in the words of the form. A reason this table does not know
 * gets a plain French sentence too, never the English text.
 */
public final class FrenchReasons {

    private record Rule(Pattern english, Function<Matcher, String> french) {}

    private static final List<Rule> RULES = List.of(
            rule("is required", m -> "ce champ est à remplir"),
            rule("must not be blank", m -> "ce champ est à remplir"),
            rule("must be at most (\\d+) characters", m -> m.group(1) + " caractères au plus"),
            rule("must be a number", m -> "indiquez un nombre, en chiffres"),
            rule("must be at least (.+)", m -> "le nombre doit être au moins " + m.group(1)),
            rule("must be at most (.+)", m -> "le nombre doit être au plus " + m.group(1)),
            rule("must be a date as YYYY-MM-DD", m -> "indiquez une date (jour, mois et année)"),
            rule("must not be before (.+)", m -> "la date ne peut pas être avant le " + m.group(1)),
            rule("must not be after (.+)", m -> "la date ne peut pas être après le " + m.group(1)),
            rule("must be true or false", m -> "répondez par oui ou par non"),
            rule("must be (one of|among) .*", m -> "choisissez parmi les réponses proposées"),
            rule("must be a list of choices", m -> "choisissez parmi les réponses proposées"),
            rule("must not repeat a choice", m -> "chaque réponse ne peut être choisie qu'une fois"),
            rule("must match .*", m -> "la forme de la réponse n'est pas celle attendue"),
            rule("must be an e-mail address.*", m -> "indiquez une adresse électronique, par exemple nom@exemple.fr"),
            rule("must be a phone number.*", m -> "indiquez un numéro de téléphone, par exemple 01 23 45 67 89"),
            rule("must be 14 digits", m -> "le numéro SIRET compte 14 chiffres"),
            rule("must be 9 digits", m -> "le numéro SIREN compte 9 chiffres"),
            rule("must be 5 digits", m -> "indiquez 5 chiffres"),
            rule("must be W followed by 9 digits", m -> "le numéro RNA est un W suivi de 9 chiffres"),
            rule("fails the .* check|.*La Poste SIRET.*", m -> "ce numéro n'existe pas : vérifiez-le"),
            rule("a French number has 10 digits", m -> "un numéro français compte 10 chiffres"),
            rule("must be a country code, 2 check digits.*", m -> "indiquez un IBAN, par exemple FR76 …"),
            rule("must be an address object.*|must have 1 to 4 lines", m -> "indiquez l'adresse complète"),
            rule("does not apply when .*", m -> "ce champ ne s'applique pas à votre situation : laissez-le vide"),
            rule("is not a field of this démarche", m -> "ce champ ne fait pas partie de cette démarche"));

    private FrenchReasons() {}

    private static Rule rule(String english, Function<Matcher, String> french) {
        return new Rule(Pattern.compile(english), french);
    }

    /** The reason in plain French. */
    public static String of(String englishReason) {
        for (Rule r : RULES) {
            Matcher m = r.english().matcher(englishReason);
            if (m.matches()) {
                return r.french().apply(m);
            }
        }
        return "la valeur saisie n'est pas acceptée : vérifiez-la";
    }
}
