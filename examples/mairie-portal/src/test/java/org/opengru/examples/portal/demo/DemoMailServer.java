package org.opengru.examples.portal.demo;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local mail server (GreenMail), for the demo profile only, on loopback: SMTP, which the starter's
 * notifications leave by, and IMAP, where the commune's reply mailbox is read by the starter's
 * {@code inbound-mail-commune-45000} job. Every address gets a mailbox at its first mail (login and password:
 * the address), so a resident's mails can be read with any IMAP client and answered by SMTP. A reply to
 * {@code reponses+<token>@...} lands in the commune's mailbox, as with Postfix's {@code recipient_delimiter=+}.
 */
public final class DemoMailServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoMailServer.class);

    private final GreenMail server;

    /**
     * @param mailbox the commune's reply address ({@code gru.tenants.*.mail.reply-address})
     * @param login the mailbox's IMAP login and {@code password} its password
     */
    public DemoMailServer(int smtpPort, int imapPort, String mailbox, String login, String password) {
        server = new GreenMail(new ServerSetup[] {
            new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
        });
        server.start();
        GreenMailUser commune = server.setUser(mailbox, login, password);
        UserManager users = server.getUserManager();
        MessageDeliveryHandler usual = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((message, address) -> {
            String email = address.getEmail();
            int plus = email.indexOf('+');
            int at = email.lastIndexOf('@');
            if (plus > 0 && plus < at && (email.substring(0, plus) + email.substring(at)).equalsIgnoreCase(mailbox)) {
                return commune;
            }
            return usual.handle(message, address);
        });
        log.info("Demo mail server: SMTP on 127.0.0.1:{}, IMAP on 127.0.0.1:{}", smtpPort, imapPort);
    }

    /** The server, to read what it received (tests, the demo's own checks). */
    public GreenMail server() {
        return server;
    }

    @Override
    public void close() {
        server.stop();
    }
}
