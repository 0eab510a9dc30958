package org.opengru.core.inbound;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.RequestId;
import org.opengru.core.notification.Notification;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.value.EmailAddress;

/**
 * Per-request reply tokens: {@code r-} and 42 base32 characters holding the request id and an 80-bit
 * HMAC-SHA256 over the tenant and the request id. Without the installation's secret key nobody can make a
 * token for another request, and a token of one commune does not verify in another. Lower-case base32
 * survives mail clients and servers that change the case of addresses.
 *
 * <p>The token travels in the Reply-To address by plus-addressing ({@code mairie+r-…@commune.fr}) and,
 * optionally, in the subject ({@code [#r-…]}); either one threads the reply.
 */
public final class ReplyTokens {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private static final int MAC_BYTES = 10;
    private static final int TOKEN_CHARS = 42; // ceil((16 + 10) * 8 / 5)
    /** Anything that looks like a token, so that a malformed one is refused rather than ignored. */
    private static final Pattern CANDIDATE = Pattern.compile("(?i)(?<![a-z0-9])r-([a-z2-7]{20,60})(?![a-z0-9])");

    private final SecretKeySpec key;

    /**
     * Tokens signed with the installation's key.
     *
     * @param secret at least 32 random bytes, kept with the installation's other secrets
     * @throws org.opengru.core.error.ValidationException when the secret is shorter than 32 bytes
     */
    public ReplyTokens(byte[] secret) {
        if (secret == null || secret.length < 32) {
            throw new ValidationException(
                    "replyTokens.secret",
                    secret == null ? null : secret.length + " bytes",
                    "must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /**
     * The token of a request.
     *
     * @param tenant the collectivité
     * @param request the request
     * @return the token, {@code r-} and 42 base32 characters
     */
    public String token(TenantId tenant, RequestId request) {
        ByteBuffer b = ByteBuffer.allocate(16 + MAC_BYTES);
        b.putLong(request.value().getMostSignificantBits())
                .putLong(request.value().getLeastSignificantBits());
        b.put(mac(tenant, request.value()));
        return "r-" + base32(b.array());
    }

    /**
     * The reply address of a request: the mailbox with the token as plus-address.
     *
     * @param tenant the collectivité
     * @param request the request
     * @param mailbox the commune's mailbox
     * @return the plus-address
     */
    public EmailAddress replyAddress(TenantId tenant, RequestId request, EmailAddress mailbox) {
        String v = mailbox.value();
        int at = v.lastIndexOf('@');
        String local = v.substring(0, at);
        int plus = local.indexOf('+');
        if (plus >= 0) {
            local = local.substring(0, plus);
        }
        String candidate = local + "+" + token(tenant, request);
        if (candidate.length() > 64) {
            throw new ValidationException("replyTokens.mailbox", mailbox, "local part too long for a reply token");
        }
        return EmailAddress.parse(candidate + v.substring(at));
    }

    /**
     * The Reply-To of a notification for {@link org.opengru.core.notification.email.SmtpEmailSender}: the
     * request's reply address when the notification is about a request, none otherwise.
     *
     * @param mailbox the commune's mailbox
     * @return the function giving each notification's Reply-To
     */
    public Function<Notification, @Nullable EmailAddress> replyTo(EmailAddress mailbox) {
        replyAddress(TenantId.of("check"), RequestId.of(new UUID(0, 0)), mailbox);
        return n -> n.request() == null ? null : replyAddress(n.tenant(), n.request(), mailbox);
    }

    /**
     * The subject tag of a request, such as {@code [#r-…]}.
     *
     * @param tenant the collectivité
     * @param request the request
     * @return the tag
     */
    public String subjectTag(TenantId tenant, RequestId request) {
        return "[#" + token(tenant, request) + "]";
    }

    /**
     * The first token-like string of a text (an address or a subject), verified or not.
     *
     * @param text an address or a subject
     * @return the token, or empty
     */
    public static Optional<String> find(String text) {
        Matcher m = CANDIDATE.matcher(text);
        return m.find() ? Optional.of("r-" + m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /**
     * The request a token stands for in this tenant.
     *
     * @throws ForgedReplyTokenException when the token is malformed or its signature does not verify
     * @param tenant the collectivité whose mailbox received it
     * @param token the token
     * @return the request
     */
    public RequestId verify(TenantId tenant, String token) {
        String t = token.toLowerCase(Locale.ROOT);
        if (!t.startsWith("r-") || t.length() != 2 + TOKEN_CHARS) {
            throw new ForgedReplyTokenException(token, "malformed (expected r- and " + TOKEN_CHARS + " characters)");
        }
        byte[] raw = unbase32(t.substring(2));
        if (raw == null || raw.length < 16 + MAC_BYTES) {
            throw new ForgedReplyTokenException(token, "malformed (not base32)");
        }
        // The last character carries two padding bits: only the canonical spelling is accepted, so that a
        // token cannot be varied without the key.
        if (!base32(Arrays.copyOf(raw, 16 + MAC_BYTES)).equals(t.substring(2))) {
            throw new ForgedReplyTokenException(token, "malformed (non-canonical base32)");
        }
        ByteBuffer b = ByteBuffer.wrap(raw);
        UUID id = new UUID(b.getLong(), b.getLong());
        byte[] given = Arrays.copyOfRange(raw, 16, 16 + MAC_BYTES);
        if (!MessageDigest.isEqual(given, mac(tenant, id))) {
            throw new ForgedReplyTokenException(token, "signature does not verify for tenant " + tenant);
        }
        return RequestId.of(id);
    }

    private byte[] mac(TenantId tenant, UUID request) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] full = mac.doFinal(
                    ("opengru-reply-token|" + tenant.value() + "|" + request).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(full, MAC_BYTES);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String base32(byte[] data) {
        StringBuilder sb = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte d : data) {
            buffer = (buffer << 8) | (d & 0xFF);
            bits += 8;
            while (bits >= 5) {
                sb.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            sb.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return sb.toString();
    }

    private static byte @Nullable [] unbase32(String s) {
        byte[] out = new byte[s.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            int v = ALPHABET.indexOf(s.charAt(i));
            if (v < 0) {
                return null;
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out[n++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }
}
