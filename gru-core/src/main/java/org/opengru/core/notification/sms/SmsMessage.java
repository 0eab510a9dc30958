package org.opengru.core.notification.sms;

import java.util.regex.Pattern;
import org.opengru.core.internal.Checks;
import org.opengru.core.value.PhoneNumber;

/**
 * One SMS to send.
 *
 * @param sender the alphanumeric sender id shown on the handset (1-11 letters or digits, such as
 *     {@code MAIRIE})
 * @param reference the caller's reference, echoed in delivery receipts
 * @param to the number
 * @param text the text
 */
public record SmsMessage(PhoneNumber to, String sender, String text, String reference) {

    private static final Pattern SENDER = Pattern.compile("[A-Za-z0-9]{1,11}");

    /**
     * Checks the sender id and the other parts.
     *
     * @param to the number
     * @param sender the alphanumeric sender id shown on the handset (1-11 letters or digits, such as
     *     {@code MAIRIE})
     * @param text the text
     * @param reference the caller's reference, echoed in delivery receipts
     * @throws org.opengru.core.error.ValidationException naming {@code sms.<part>} and the value
     */
    public SmsMessage {
        Checks.required("sms.to", to);
        Checks.matches("sms.sender", sender, SENDER, "1 to 11 letters or digits");
        text = Checks.text("sms.text", text, 1600);
        reference = Checks.text("sms.reference", reference, 128);
    }
}
