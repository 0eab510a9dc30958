package org.opengru.examples.portal.commune;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opengru.core.error.Violation;

/**
 * The residents read plain French. The library says why a form value is refused in French itself ({@link
 * Violation#french()}); this table covers the few reasons that come without it (a value checked outside a
 * form, a generic check), in the words of the form. A reason nobody wrote a sentence for gets a plain French
 * sentence too, never the English text.
 */
public final class FrenchReasons {

    private record Rule(Pattern english, Function<Matcher, String> french) {}

    private static final List<Rule> RULES = List.of(
            rule("is required", m -> "ce champ est à remplir"),
            rule("must not be blank", m -> "ce champ est à remplir"),
            rule("must be at most (\\d+) characters", m -> m.group(1) + " caractères au plus"),
            rule("must be an e-mail address.*", m -> "indiquez une adresse électronique, par exemple nom@exemple.fr"),
            rule("must be a phone number.*", m -> "indiquez un numéro de téléphone, par exemple 01 23 45 67 89"),
            rule("must be 14 digits", m -> "le numéro SIRET compte 14 chiffres"),
            rule("must be 9 digits", m -> "le numéro SIREN compte 9 chiffres"),
            rule("must be 5 digits", m -> "indiquez 5 chiffres"),
            rule("must be W followed by 9 digits", m -> "le numéro RNA est un W suivi de 9 chiffres"),
            rule("fails the .* check|.*La Poste SIRET.*", m -> "ce numéro n'existe pas : vérifiez-le"),
            rule("a French number has 10 digits", m -> "un numéro français compte 10 chiffres"),
            rule("must be a country code, 2 check digits.*", m -> "indiquez un IBAN, par exemple FR76 …"),
            rule("must have 1 to 4 lines", m -> "indiquez l'adresse complète"));

    private FrenchReasons() {}

    private static Rule rule(String english, Function<Matcher, String> french) {
        return new Rule(Pattern.compile(english), french);
    }

    /** The refusal in plain French: the library's own sentence when it gives one. */
    public static String of(Violation violation) {
        String french = violation.french();
        return french != null ? french : of(violation.reason());
    }

    /** An English reason said in plain French. */
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
