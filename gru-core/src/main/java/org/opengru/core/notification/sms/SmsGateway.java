package org.opengru.core.notification.sms;

/** Port: an SMS provider. */
public interface SmsGateway {

    /**
     * Hands the message to the provider and returns the provider's id for it; a refusal is an {@link
     * SmsGatewayException} telling whether a retry can help.
     *
     * @param message the SMS
     * @return the provider's id
     */
    String send(SmsMessage message);
}
