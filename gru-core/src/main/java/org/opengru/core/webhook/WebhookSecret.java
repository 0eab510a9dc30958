package org.opengru.core.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.opengru.core.error.ValidationException;

/**
 * A subscriber's shared HMAC secret: at least 32 bytes (256 bits). Never printed: {@link #toString()}
 * shows only its length.
 */
public final class WebhookSecret {

    private final byte[] key;

    private WebhookSecret(byte[] key) {
        if (key.length < 32) {
            throw new ValidationException(
                    "webhook.secret", "<" + key.length + " bytes>", "must be at least 32 bytes (256 bits)");
        }
        this.key = key.clone();
    }

    /**
     * A secret given as bytes (copied).
     *
     * @param key at least 32 bytes
     * @return the secret
     * @throws org.opengru.core.error.ValidationException naming {@code webhook.secret} (its length only) when the key
     *     is
     *     shorter than 32 bytes
     */
    public static WebhookSecret of(byte[] key) {
        return new WebhookSecret(key);
    }

    /**
     * A secret given as text (such as 43 base64url characters from a password manager), UTF-8 encoded.
     *
     * @param text at least 32 bytes once encoded
     * @return the secret
     * @throws org.opengru.core.error.ValidationException naming {@code webhook.secret} (its length only) when the text
     *     is
     *     shorter than 32 bytes
     */
    public static WebhookSecret of(String text) {
        return new WebhookSecret(text.getBytes(StandardCharsets.UTF_8));
    }

    byte[] key() {
        return key.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebhookSecret other && java.security.MessageDigest.isEqual(key, other.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "WebhookSecret[" + key.length + " bytes]";
    }
}
