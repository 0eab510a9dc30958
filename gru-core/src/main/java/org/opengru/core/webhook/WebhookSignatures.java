package org.opengru.core.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature scheme. Header {@value #SIGNATURE_HEADER}: {@code t=<unix seconds>,v1=<hex>} where
 * {@code v1 = HEX(HMAC-SHA256(secret, t + "." + body))}, the body being the exact bytes received. The
 * timestamp inside the signed content lets the receiver refuse a replayed request outside a window.
 */
public final class WebhookSignatures {

    /** The signature header. */
    public static final String SIGNATURE_HEADER = "OpenGRU-Signature";
    /** The event id (also in the body): de-duplicate on it, delivery is at least once. */
    public static final String EVENT_ID_HEADER = "OpenGRU-Event-Id";
    /** The event type (also in the body). */
    public static final String EVENT_TYPE_HEADER = "OpenGRU-Event-Type";
    /** The envelope's schema version (also in the body). */
    public static final String SCHEMA_VERSION_HEADER = "OpenGRU-Schema-Version";

    private WebhookSignatures() {}

    /**
     * The header value for a body sent at {@code epochSeconds}.
     *
     * @param secret the subscriber's secret
     * @param epochSeconds the time of sending
     * @param body the exact body
     * @return the header's value
     */
    public static String header(WebhookSecret secret, long epochSeconds, byte[] body) {
        return "t=" + epochSeconds + ",v1=" + HexFormat.of().formatHex(mac(secret, epochSeconds, body));
    }

    static byte[] mac(WebhookSecret secret, long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            mac.update((epochSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
