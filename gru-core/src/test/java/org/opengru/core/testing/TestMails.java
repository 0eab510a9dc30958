package org.opengru.core.testing;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.activation.DataHandler;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.opengru.core.inbound.imap.ImapSettings;
import org.opengru.core.notification.email.SmtpSettings;
import org.opengru.core.value.EmailAddress;

/**
 * Mails as residents' clients and mail servers write them, the settings to reach a GreenMail server on
 * loopback, and a look into the commune's mailbox (user {@code mairie}, password {@code secret}).
 */
public final class TestMails {

    private static final Session SESSION = session();

    private TestMails() {}

    private static Session session() {
        Properties p = new Properties();
        p.setProperty("mail.imap.peek", "true"); // looking into the mailbox must not mark its mails read
        return Session.getInstance(p);
    }

    /** A plain reply with one small PDF per file name (none when the list is empty). */
    public static MimeMessage reply(String from, String to, String subject, String text, List<String> files)
            throws Exception {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (String name : files) {
            contents.put(name, new byte[] {37, 80, 68, 70});
        }
        return reply(from, to, subject, text, contents);
    }

    /** A plain reply with these PDF attachments, by file name. */
    public static MimeMessage reply(String from, String to, String subject, String text, Map<String, byte[]> files)
            throws Exception {
        MimeMessage m = new MimeMessage(SESSION);
        m.setFrom(new InternetAddress(from));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        m.setSubject(subject, "UTF-8");
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text, "UTF-8");
        mixed.addBodyPart(body);
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            MimeBodyPart file = new MimeBodyPart();
            file.setDataHandler(new DataHandler(new ByteArrayDataSource(f.getValue(), "application/pdf")));
            file.setFileName(f.getKey());
            file.setDisposition(MimeBodyPart.ATTACHMENT);
            mixed.addBodyPart(file);
        }
        m.setContent(mixed);
        m.saveChanges();
        return m;
    }

    /** The commune's relay: the GreenMail SMTP server, no TLS, no login. */
    public static SmtpSettings smtp(GreenMailExtension mail, EmailAddress from, String fromName) {
        return new SmtpSettings(
                "127.0.0.1",
                mail.getSmtp().getPort(),
                SmtpSettings.Security.NONE,
                null,
                null,
                from,
                fromName,
                Duration.ofSeconds(5));
    }

    /** The commune's mailbox on the GreenMail IMAP server, with the usual folders. */
    public static ImapSettings imap(GreenMailExtension mail) {
        return new ImapSettings(
                "127.0.0.1",
                mail.getImap().getPort(),
                false,
                "mairie",
                "secret",
                "INBOX",
                "OpenGRU-traite",
                "OpenGRU-quarantaine",
                Duration.ofSeconds(5));
    }

    /** A message parsed from its raw text, as a mail server would hand it over. */
    public static MimeMessage raw(String text) throws Exception {
        return new MimeMessage(
                SESSION,
                new ByteArrayInputStream(
                        text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
    }

    /** The messages of a folder of the user's mailbox, those marked deleted left out. */
    public static List<MimeMessage> messages(GreenMailExtension mail, String user, String password, String folder)
            throws Exception {
        try (Store store = SESSION.getStore("imap")) {
            store.connect("127.0.0.1", mail.getImap().getPort(), user, password);
            Folder f = store.getFolder(folder);
            List<MimeMessage> out = new ArrayList<>();
            if (!f.exists()) {
                return out;
            }
            f.open(Folder.READ_ONLY);
            try {
                for (Message m : f.getMessages()) {
                    if (!m.isSet(Flags.Flag.DELETED)) {
                        out.add(new MimeMessage((MimeMessage) m));
                    }
                }
                return out;
            } finally {
                f.close(false);
            }
        }
    }

    public static int count(GreenMailExtension mail, String user, String password, String folder) throws Exception {
        return messages(mail, user, password, folder).size();
    }
}
