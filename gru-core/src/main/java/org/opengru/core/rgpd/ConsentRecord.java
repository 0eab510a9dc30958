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

    public ConsentRecord {
        Checks.required("consent.tenant", tenant);
        Checks.required("consent.usager", usager);
        Checks.matches("consent.purpose", purpose, CODE, "a lower-case code such as sms-notifications");
        recordedAt = Checks.required("consent.recordedAt", recordedAt).truncatedTo(ChronoUnit.MICROS);
        textVersion = Checks.text("consent.textVersion", textVersion, 64);
        channel = Checks.text("consent.channel", channel, 32);
    }
}
