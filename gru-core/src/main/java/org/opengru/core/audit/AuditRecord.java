package org.opengru.core.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
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

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

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
        Checks.matches("audit.action", action, CODE, "a code of 1-128 characters such as submit");
        Checks.matches("audit.channel", channel, CODE, "a code such as WEB");
        occurredAt = Checks.required("audit.occurredAt", occurredAt).truncatedTo(ChronoUnit.MICROS);
        Checks.required("audit.details", details);
        TreeMap<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, String> e : details.entrySet()) {
            Checks.matches("audit.details", e.getKey(), KEY, "keys of 1-64 characters of A-Z, a-z, 0-9, '.', '_', '-'");
            String value = Checks.required("audit.details." + e.getKey(), e.getValue());
            Checks.check(value.length() <= 256, "audit.details." + e.getKey(), value, "must be at most 256 characters");
            sorted.put(e.getKey(), value);
        }
        details = java.util.Collections.unmodifiableSortedMap(sorted);
    }
}
