package org.opengru.core.webhook;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;
import org.opengru.core.webhook.WebhookSignatureException.Reason;

/**
 * For the receiving side (the logiciel métier): checks the {@value WebhookSignatures#SIGNATURE_HEADER}
 * header of a received body. Accepts several secrets during a rotation. Thread-safe.
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.of(Clock.systemUTC(), Duration.ofMinutes(5), secret);
 * verifier.verify(request.getHeader("OpenGRU-Signature"), bodyBytes); // throws WebhookSignatureException
 * }</pre>
 *
 * <p>The replay window bounds how old (or how far in the future, for clock skew) the signed timestamp
 * may be; within it, de-duplicate on the event id.
 */
public final class WebhookVerifier {

    private final Clock clock;
    private final Duration tolerance;
    private final List<WebhookSecret> secrets;

    private WebhookVerifier(Clock clock, Duration tolerance, List<WebhookSecret> secrets) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (tolerance.isNegative() || tolerance.isZero() || tolerance.compareTo(Duration.ofHours(1)) > 0) {
            throw new ValidationException("webhook.tolerance", tolerance, "must be between 1 second and 1 hour");
        }
        if (secrets.isEmpty()) {
            throw new ValidationException("webhook.secrets", "[]", "needs at least one secret");
        }
        this.tolerance = tolerance;
        this.secrets = List.copyOf(secrets);
    }

    /**
     * A verifier accepting any of the given secrets.
     *
     * @param clock the receiver's clock
     * @param tolerance the replay window, each way
     * @param secret the current secret
     * @param more older secrets still accepted during a rotation
     * @return the verifier
     */
    public static WebhookVerifier of(Clock clock, Duration tolerance, WebhookSecret secret, WebhookSecret... more) {
        List<WebhookSecret> all = new ArrayList<>();
        all.add(secret);
        all.addAll(List.of(more));
        return new WebhookVerifier(clock, tolerance, all);
    }

    /**
     * Throws a {@link WebhookSignatureException} unless the header signs this body, recently.
     *
     * @param header the {@value WebhookSignatures#SIGNATURE_HEADER} header, or {@code null} when missing
     * @param body the exact bytes received
     * @throws WebhookSignatureException with its {@link WebhookSignatureException.Reason}
     */
    public void verify(@Nullable String header, byte[] body) {
        if (header == null || header.isBlank()) {
            throw new WebhookSignatureException(Reason.MISSING, "no " + WebhookSignatures.SIGNATURE_HEADER + " header");
        }
        Long timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String p = part.strip();
            try {
                if (p.startsWith("t=")) {
                    timestamp = Long.parseLong(p.substring(2));
                } else if (p.startsWith("v1=")) {
                    signatures.add(HexFormat.of().parseHex(p.substring(3)));
                }
            } catch (IllegalArgumentException e) {
                throw new WebhookSignatureException(Reason.MALFORMED, "cannot parse '" + p + "'");
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            throw new WebhookSignatureException(
                    Reason.MALFORMED, "expected t=<seconds>,v1=<hex>, got '" + header + "'");
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - timestamp) > tolerance.toSeconds()) {
            throw new WebhookSignatureException(
                    Reason.OUTSIDE_REPLAY_WINDOW,
                    "signed at " + timestamp + ", now " + now + ", window " + tolerance.toSeconds() + " s");
        }
        for (WebhookSecret secret : secrets) {
            byte[] expected = WebhookSignatures.mac(secret, timestamp, body);
            for (byte[] candidate : signatures) {
                if (MessageDigest.isEqual(expected, candidate)) {
                    return;
                }
            }
        }
        throw new WebhookSignatureException(Reason.MISMATCH, "no v1 signature matches the body with a known secret");
    }
}
