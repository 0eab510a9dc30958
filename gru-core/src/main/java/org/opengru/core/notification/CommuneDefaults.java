package org.opengru.core.notification;

import org.jspecify.annotations.Nullable;
import org.opengru.core.internal.Checks;

/**
 * What a commune sets once for all its notifications.
 *
 * @param name the commune as its messages name it ({@code {{commune}}}, such as {@code Mairie de
 *     Villeurbanne}), for the notices that give none
 * @param smsQuietHours the SMS quiet hours of residents whose preferences come from their contact details
 *     (they set none themselves); {@code null}: none
 * @param replyHint the text of {@code {{replyHint}}}, such as {@code Vous pouvez répondre à ce message.}
 *     when replies are threaded into the request; empty: nothing
 */
public record CommuneDefaults(String name, @Nullable QuietHours smsQuietHours, String replyHint) {

    /**
     * Checks the name's length.
     *
     * @param name the commune as its messages name it ({@code {{commune}}}, such as {@code Mairie de
     *     Villeurbanne}), for the notices that give none
     * @param smsQuietHours the SMS quiet hours of residents whose preferences come from their contact details
     *     (they set none themselves); {@code null}: none
     * @param replyHint the text of {@code {{replyHint}}}, such as {@code Vous pouvez répondre à ce message.}
     *     when replies are threaded into the request; empty: nothing
     * @throws org.opengru.core.error.ValidationException naming {@code commune.name}
     */
    public CommuneDefaults {
        name = Checks.text("communeDefaults.name", name, 200);
        Checks.required("communeDefaults.replyHint", replyHint);
        Checks.check(
                replyHint.length() <= 1000, "communeDefaults.replyHint", replyHint, "must be at most 1000 characters");
    }
}
