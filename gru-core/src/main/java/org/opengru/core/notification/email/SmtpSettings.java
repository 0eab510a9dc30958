package org.opengru.core.notification.email;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.opengru.core.internal.Checks;
import org.opengru.core.value.EmailAddress;

/**
 * How to reach the commune's SMTP relay.
 *
 * @param security {@link Security#STARTTLS} (port 587) or {@link Security#TLS} (port 465) in production;
 *     {@link Security#NONE} only for a relay on the same host or a test server
 * @param from the sender address ({@code ne-pas-repondre@mairie.fr} or the service's mailbox)
 * @param fromName the name shown, such as {@code Mairie de Trifouillis}
 * @param host the relay's host
 * @param port its port
 * @param username the login, or {@code null} without authentication
 * @param password the password, or {@code null} (never in {@link #toString()})
 * @param timeout the connection, read and write timeout
 */
public record SmtpSettings(
        String host,
        int port,
        Security security,
        @Nullable String username,
        @Nullable String password,
        EmailAddress from,
        String fromName,
        Duration timeout) {

    /** Transport security of the SMTP connection. */
    public enum Security {
        /** Plain SMTP: only for a relay on the same host or a test server. */
        NONE,
        /** SMTP upgraded with STARTTLS (port 587). */
        STARTTLS,
        /** SMTP over TLS from the start (port 465). */
        TLS
    }

    /**
     * Checks every part.
     *
     * @param host the relay's host
     * @param port its port
     * @param security {@link Security#STARTTLS} (port 587) or {@link Security#TLS} (port 465) in production;
     *     {@link Security#NONE} only for a relay on the same host or a test server
     * @param username the login, or {@code null} without authentication
     * @param password the password, or {@code null} (never in {@link #toString()})
     * @param from the sender address ({@code ne-pas-repondre@mairie.fr} or the service's mailbox)
     * @param fromName the name shown, such as {@code Mairie de Trifouillis}
     * @param timeout the connection, read and write timeout
     * @throws org.opengru.core.error.ValidationException naming {@code smtp.<part>} and the value
     */
    public SmtpSettings {
        host = Checks.text("smtp.host", host, 253);
        Checks.check(port > 0 && port < 65536, "smtp.port", port, "must be a TCP port");
        Checks.required("smtp.security", security);
        Checks.check(
                (username == null) == (password == null),
                "smtp.username",
                username,
                "needs a password, and vice versa");
        Checks.required("smtp.from", from);
        fromName = Checks.text("smtp.fromName", fromName, 100);
        Checks.check(
                timeout != null && !timeout.isNegative() && !timeout.isZero(),
                "smtp.timeout",
                timeout,
                "must be positive");
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", " + security + ", user=" + username + ", from=" + from + "]";
    }
}
