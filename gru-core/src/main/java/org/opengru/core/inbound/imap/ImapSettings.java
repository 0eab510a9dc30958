package org.opengru.core.inbound.imap;

import java.time.Duration;
import org.opengru.core.internal.Checks;

/**
 * How to reach the mailbox that receives the usagers' replies.
 *
 * @param tls IMAPS (port 993); {@code false} only for a test server on loopback
 * @param processedFolder where handled mails are moved (created when missing)
 * @param quarantineFolder where quarantined mails are moved, kept whole for an agent
 * @param host the IMAP server
 * @param port its port
 * @param username the mailbox's login
 * @param password its password (never in {@link #toString()})
 * @param inboxFolder the folder polled, usually {@code INBOX}
 * @param timeout the connection and read timeout
 */
public record ImapSettings(
        String host,
        int port,
        boolean tls,
        String username,
        String password,
        String inboxFolder,
        String processedFolder,
        String quarantineFolder,
        Duration timeout) {

    /**
     * Checks every part; the processed and quarantine folders differ from the inbox.
     *
     * @param host the IMAP server
     * @param port its port
     * @param tls IMAPS (port 993); {@code false} only for a test server on loopback
     * @param username the mailbox's login
     * @param password its password (never in {@link #toString()})
     * @param inboxFolder the folder polled, usually {@code INBOX}
     * @param processedFolder where handled mails are moved (created when missing)
     * @param quarantineFolder where quarantined mails are moved, kept whole for an agent
     * @param timeout the connection and read timeout
     * @throws org.opengru.core.error.ValidationException naming {@code imap.<part>} and the value
     */
    public ImapSettings {
        host = Checks.text("imap.host", host, 253);
        Checks.check(port > 0 && port < 65536, "imap.port", port, "must be a TCP port");
        username = Checks.text("imap.username", username, 320);
        Checks.required("imap.password", password);
        inboxFolder = Checks.text("imap.inboxFolder", inboxFolder, 200);
        processedFolder = Checks.text("imap.processedFolder", processedFolder, 200);
        quarantineFolder = Checks.text("imap.quarantineFolder", quarantineFolder, 200);
        Checks.check(
                !processedFolder.equals(inboxFolder) && !quarantineFolder.equals(inboxFolder),
                "imap.processedFolder",
                processedFolder,
                "must differ from the inbox folder");
        Checks.check(timeout != null && timeout.toMillis() > 0, "imap.timeout", timeout, "must be positive");
    }

    /**
     * Usual folders: INBOX, {@code OpenGRU-traite}, {@code OpenGRU-quarantaine}.
     *
     * @param host the IMAP server
     * @param port its port
     * @param tls IMAPS; {@code false} only on loopback
     * @param username the login
     * @param password the password
     * @return the settings, 30 s timeout
     */
    public static ImapSettings of(String host, int port, boolean tls, String username, String password) {
        return new ImapSettings(
                host,
                port,
                tls,
                username,
                password,
                "INBOX",
                "OpenGRU-traite",
                "OpenGRU-quarantaine",
                Duration.ofSeconds(30));
    }

    @Override
    public String toString() {
        return "ImapSettings[" + host + ":" + port + ", tls=" + tls + ", user=" + username + "]";
    }
}
