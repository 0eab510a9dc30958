package org.opengru.core.rgpd;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.opengru.core.id.UsagerId;
import org.opengru.core.internal.Checks;
import org.opengru.core.tenancy.TenantId;

/**
 * One line of the consent ledger: the usager agreed to ({@code granted}) or withdrew from a purpose, at
 * a time, on a given version of the text shown, through a channel.
 *
 * @param purpose a stable code such as {@code sms-notifications} or {@code newsletter}
 * @param textVersion the version of the text the usager saw (such as {@code 2026-01})
 * @param tenant the collectivité
 * @param usager the usager
 * @param granted {@code true} for a consent, {@code false} for a withdrawal
 * @param recordedAt when
 * @param channel the channel's code, such as {@code web}
 */
public record ConsentRecord(
        TenantId tenant,
        UsagerId usager,
        String purpose,
        boolean granted,
        Instant recordedAt,
        String textVersion,
        String channel) {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern CHANNEL = Pattern.compile("[A-Z][A-Z_]{0,31}");

    /**
     * Checks every part; purpose, text version and channel are codes, never free text.
     *
     * @param tenant the collectivité
     * @param usager the usager
     * @param purpose a stable code such as {@code sms-notifications} or {@code newsletter}
     * @param granted {@code true} for a consent, {@code false} for a withdrawal
     * @param recordedAt when
     * @param textVersion the version of the text the usager saw (such as {@code 2026-01})
     * @param channel the channel's code, such as {@code web}
     * @throws org.opengru.core.error.ValidationException naming {@code consent.<part>} and the value
     */
    public ConsentRecord {
        Checks.required("consent.tenant", tenant);
        Checks.required("consent.usager", usager);
        Checks.matches("consent.purpose", purpose, CODE, "a lower-case code such as sms-notifications");
        recordedAt = Checks.required("consent.recordedAt", recordedAt).truncatedTo(ChronoUnit.MICROS);
        // Codes, not free text: the ledger outlives the request and the identity (art. 7.1 RGPD), so nothing
        // personal may be written into it.
        Checks.matches("consent.textVersion", textVersion, VERSION, "a version code such as 2026-01");
        Checks.matches("consent.channel", channel, CHANNEL, "a channel code such as WEB");
    }
}
