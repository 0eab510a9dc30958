package org.opengru.core.notification;

import org.opengru.core.internal.Checks;

/**
 * A notification's text for every channel, rendered from its template and the notice's values.
 *
 * @param subject the e-mail subject and inbox title, one line
 * @param text the full text
 * @param html the e-mail HTML part
 * @param sms the SMS text
 */
public record RenderedMessage(String subject, String text, String html, String sms) {

    /**
     * Checks every part; the subject is one line of at most 300 characters.
     *
     * @param subject the e-mail subject and inbox title, one line
     * @param text the full text
     * @param html the e-mail HTML part
     * @param sms the SMS text
     * @throws org.opengru.core.error.ValidationException naming {@code message.<part>}
     */
    public RenderedMessage {
        subject = Checks.text("message.subject", subject, 300);
        Checks.check(
                subject.indexOf('\r') < 0 && subject.indexOf('\n') < 0, "message.subject", subject, "must be one line");
        text = Checks.text("message.text", text);
        html = Checks.text("message.html", html);
        sms = Checks.text("message.sms", sms);
    }
}
