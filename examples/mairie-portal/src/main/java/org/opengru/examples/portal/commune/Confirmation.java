package org.opengru.examples.portal.commune;

import java.util.Map;

/**
 * The page that asks before an action that cannot be undone (withdrawing a request, cancelling an
 * appointment, an agent's decision): it says what will happen, and only its own form, posting the same
 * fields with {@code confirme=oui}, does it. Plain HTML, no JavaScript; "no" is a link back.
 *
 * @param question the page's heading ("Retirer votre demande ?")
 * @param about what the action is on ("Demande 7K3P-2Q9X : Inscription à la cantine scolaire")
 * @param consequence what happens and what cannot be undone, in plain French
 * @param action where the confirmed form posts
 * @param fields the form's other fields, posted again as they were
 * @param yes the confirming button's text ("Oui, retirer ma demande")
 * @param back where "no" leads
 */
public record Confirmation(
        String question,
        String about,
        String consequence,
        String action,
        Map<String, String> fields,
        String yes,
        String back) {

    /** The field that says the person confirmed; without it, the action shows this page instead. */
    public static final String CONFIRMED = "confirme";

    public Confirmation {
        fields = Map.copyOf(fields);
    }

    /** Whether the posted form carries the confirmation. */
    public static boolean given(Map<String, String> posted) {
        return "oui".equals(posted.get(CONFIRMED));
    }
}
