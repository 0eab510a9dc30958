package org.opengru.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.opengru.core.internal.IsoInstant;

/**
 * The hash chain's arithmetic: SHA-256 over a length-prefixed canonical encoding (version tag, tenant,
 * request, position, time, actor, action, channel, sorted details, previous hash), so that no two
 * different entries encode alike. Published so that an auditor can re-check a trail without OpenGRU.
 */
public final class AuditHashes {

    /** The "previous hash" of the first entry of every chain. */
    public static final String GENESIS = "0".repeat(64);

    private AuditHashes() {}

    /**
     * The hash of an entry at that position after that previous hash, lower-case hex.
     *
     * @param r the record
     * @param position its position in the chain
     * @param previousHash the previous entry's hash
     * @return 64 hex digits
     */
    public static String entryHash(AuditRecord r, long position, String previousHash) {
        // One builder for the whole encoding (the prefix and suffix are not built as strings of their own).
        StringBuilder sb = new StringBuilder(512);
        appendPrefix(sb, r);
        field(sb, Long.toString(position));
        appendSuffix(sb, r);
        field(sb, previousHash);
        return sha256(sb.toString());
    }

    /**
     * The encoding of an entry before its position (version tag, tenant, request): with {@link #suffix},
     * what a database needs to finish the hash from the chain's head it locks, {@code sha256(prefix +
     * field(position) + suffix + field(previous))}, where {@code field(v)} is {@code length(v) + ":" + v +
     * ";"}.
     *
     * @param r the entry to append
     * @return the encoding of its fields before its position (scheme, collectivité, request)
     */
    public static String prefix(AuditRecord r) {
        return appendPrefix(new StringBuilder(96), r).toString();
    }

    private static StringBuilder appendPrefix(StringBuilder sb, AuditRecord r) {
        field(sb, "gru-audit-v1");
        field(sb, r.tenant().value());
        field(sb, r.requestId().toString());
        return sb;
    }

    /**
     * The encoding of an entry between its position and the previous hash (time, actor... details).
     *
     * @param r the entry to append
     * @return the encoding of its fields after its position, before the previous hash
     */
    public static String suffix(AuditRecord r) {
        return appendSuffix(new StringBuilder(192), r).toString();
    }

    private static StringBuilder appendSuffix(StringBuilder sb, AuditRecord r) {
        // Instant#toString's text, without the formatter (SubmissionEncodingUnchangedTest checks them alike).
        field(sb, IsoInstant.format(r.occurredAt()));
        field(sb, r.actor().toString());
        field(sb, r.action());
        field(sb, r.channel());
        field(sb, Integer.toString(r.details().size()));
        for (Map.Entry<String, String> e : r.details().entrySet()) {
            field(sb, e.getKey());
            field(sb, e.getValue());
        }
        return sb;
    }

    /**
     * A pseudonymous stand-in for a personal value in audit details: SHA-256 of a per-collectivité
     * pepper and the value. Keep the pepper out of the database, or the hash of a guessable value
     * (a birth date) could be found by trying them all.
     *
     * @param pepper the collectivité's secret pepper
     * @param value the personal value
     * @return 64 hex digits
     */
    public static String pseudonym(byte[] pepper, String value) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(pepper);
            md.update(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * SHA-256 of a text, lower-case hex.
     *
     * @param text the text, UTF-8
     * @return 64 hex digits
     */
    public static String sha256(String text) {
        return HEX.formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static final HexFormat HEX = HexFormat.of();

    /** Never updated, only cloned: a clone skips the provider lookup of {@code getInstance} (each submission hashes twice). */
    private static final MessageDigest SHA_256 = newSha256();

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return newSha256();
        }
    }

    private static void field(StringBuilder sb, String value) {
        sb.append(value.length()).append(':').append(value).append(';');
    }
}
