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
 */
public record SmsMessage(PhoneNumber to, String sender, String text, String reference) {

    private static final Pattern SENDER = Pattern.compile("[A-Za-z0-9]{1,11}");

    public SmsMessage {
        Checks.required("sms.to", to);
        Checks.matches("sms.sender", sender, SENDER, "1 to 11 letters or digits");
        text = Checks.text("sms.text", text, 1600);
        reference = Checks.text("sms.reference", reference, 128);
    }
}
