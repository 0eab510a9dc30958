package org.opengru.core.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.RequestId;
import org.opengru.core.internal.Checks;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.tenancy.TenantId;

/**
 * One fact to append to a request's audit trail.
 *
 * @param actor who acted, pseudonymously (kind and id, never a name)
 * @param action what was done, a stable code such as {@code submit} or {@code status:ACCEPTED}
 * @param channel through which channel (such as {@code WEB}, {@code COUNTER})
 * @param occurredAt when (stored to the microsecond)
 * @param details pseudonymous facts only: ids, codes, states and {@link AuditHashes#pseudonym pseudonyms} of
 *     personal values, never the values themselves (keys and values of at most 64 and 256 characters)
 *
 * @param tenant the collectivité
 * @param requestId the request whose chain it joins
 */
public record AuditRecord(
        TenantId tenant,
        RequestId requestId,
        ActorRef actor,
        String action,
        String channel,
        Instant occurredAt,
        Map<String, String> details) {

    /** Action and channel codes: {@code [A-Za-z0-9][A-Za-z0-9._:-]{0,127}}. */
    static final int CODE_MAX = 128;

    /** Detail keys: {@code [A-Za-z0-9][A-Za-z0-9._-]{0,63}}. */
    static final int KEY_MAX = 64;

    /**
     * Checks every part: codes for action and channel, bounded keys and values for the details; the time is
     * truncated to the microsecond.
     *
     * @param tenant the collectivité
     * @param requestId the request whose chain it joins
     * @param actor who acted, pseudonymously (kind and id, never a name)
     * @param action what was done, a stable code such as {@code submit} or {@code status:ACCEPTED}
     * @param channel through which channel (such as {@code WEB}, {@code COUNTER})
     * @param occurredAt when (stored to the microsecond)
     * @param details pseudonymous facts only: ids, codes, states and {@link AuditHashes#pseudonym pseudonyms} of
     *     personal values, never the values themselves (keys and values of at most 64 and 256 characters)
     * @throws org.opengru.core.error.ValidationException naming {@code audit.<part>} and the value
     */
    public AuditRecord {
        Checks.required("audit.tenant", tenant);
        Checks.required("audit.requestId", requestId);
        Checks.required("audit.actor", actor);
        // Written out rather than matched by a regular expression: every change of every request builds
        // one record, and the matcher was a tenth of a submission's client CPU.
        Checks.check(
                isCode(action, CODE_MAX, true),
                "audit.action",
                action,
                "must be a code of 1-128 characters such as submit");
        Checks.check(isCode(channel, CODE_MAX, true), "audit.channel", channel, "must be a code such as WEB");
        occurredAt = Checks.required("audit.occurredAt", occurredAt).truncatedTo(ChronoUnit.MICROS);
        Checks.required("audit.details", details);
        TreeMap<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, String> e : details.entrySet()) {
            String key = e.getKey();
            Checks.check(
                    isCode(key, KEY_MAX, false),
                    "audit.details",
                    key,
                    "must be keys of 1-64 characters of A-Z, a-z, 0-9, '.', '_', '-'");
            String value = e.getValue();
            if (value == null || value.length() > 256) {
                Checks.required("audit.details." + key, value);
                Checks.check(false, "audit.details." + key, value, "must be at most 256 characters");
            }
            sorted.put(key, value);
        }
        details = java.util.Collections.unmodifiableSortedMap(sorted);
    }

    /**
     * Whether {@code s} is 1 to {@code max} characters, the first an ASCII letter or digit, the others ASCII
     * letters, digits, {@code .}, {@code _}, {@code -} (and {@code :} when {@code colon}).
     */
    static boolean isCode(@Nullable String s, int max, boolean colon) {
        if (s == null || s.isEmpty() || s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alnum && (i == 0 || !(c == '.' || c == '_' || c == '-' || (colon && c == ':')))) {
                return false;
            }
        }
        return true;
    }
}
