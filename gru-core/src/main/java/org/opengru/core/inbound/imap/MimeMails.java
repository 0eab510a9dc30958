package org.opengru.core.inbound.imap;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.opengru.core.inbound.DeliveryReport;
import org.opengru.core.inbound.InboundAttachment;
import org.opengru.core.inbound.InboundMail;
import org.opengru.core.inbound.OversizedAttachmentException;

/**
 * Reads a {@link MimeMessage} into an {@link InboundMail}, never holding more than the size limit per part.
 * Takes the mail as it is: names of any length, media types in any case, no Message-ID; only what cannot
 * be read at all is an exception (the caller quarantines the mail with {@link #headersOnly(byte[], Instant,
 * String)}).
 */
public final class MimeMails {

    private static final String DEFAULT_NAME = "piece-jointe";
    private static final int MAX_RECIPIENT_FIELDS = 1000;

    private MimeMails() {}

    /**
     * The mail's parts. An attachment above {@code maxAttachmentBytes} stops the reading with an {@link
     * OversizedAttachmentException}. A delivery status notification (RFC 3464) is read as such: its report
     * and the returned headers, no attachments.
     *
     * @param m the message, downloaded whole
     * @param fallbackReceivedAt the time to keep when the message has no date
     * @param maxAttachmentBytes the largest attachment read
     * @return the mail
     * @throws jakarta.mail.MessagingException when the MIME structure cannot be read
     * @throws java.io.IOException when a part cannot be decoded
     */
    public static InboundMail read(MimeMessage m, Instant fallbackReceivedAt, long maxAttachmentBytes)
            throws MessagingException, IOException, OversizedAttachmentException {
        List<InboundAttachment> attachments = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        DeliveryReport report = null;
        if (isDeliveryReport(m)) {
            report = deliveryReport((Multipart) m.getContent(), text, html);
        } else {
            walk(m, text, html, attachments, maxAttachmentBytes);
        }
        String body = text.length() > 0 ? text.toString() : stripTags(html.toString());
        Instant received = m.getReceivedDate() != null ? m.getReceivedDate().toInstant() : fallbackReceivedAt;
        return mail(headers(m), () -> digest(m), received, body, attachments, report);
    }

    /**
     * The headers of a message in the mailbox, for quarantining one too large to download.
     *
     * @param m the message in the mailbox
     * @param fallbackReceivedAt the time to keep when the message has no date
     * @param note why only the headers are read, as the mail's text
     * @return the mail, without text nor attachments
     * @throws jakarta.mail.MessagingException when the headers cannot be read
     */
    public static InboundMail headersOnly(MimeMessage m, Instant fallbackReceivedAt, String note)
            throws MessagingException {
        InternetHeaders h = headers(m);
        Instant received = m.getReceivedDate() != null ? m.getReceivedDate().toInstant() : fallbackReceivedAt;
        return mail(
                h,
                () -> sha256(String.join("\n", lines(h)).getBytes(StandardCharsets.UTF_8)),
                received,
                note,
                List.of(),
                null);
    }

    /**
     * What can be read of a raw message's headers, for quarantining a mail that could not be read in full;
     * never fails (a field that cannot be read is left out).
     *
     * @param raw the message's bytes
     * @param receivedAt when the mailbox received it
     * @param note why only the headers are read, as the mail's text
     * @return the mail, without attachments
     */
    public static InboundMail headersOnly(byte[] raw, Instant receivedAt, String note) {
        InternetHeaders h;
        try {
            h = new InternetHeaders(new ByteArrayInputStream(raw));
        } catch (MessagingException | RuntimeException e) {
            h = new InternetHeaders();
        }
        return mail(h, () -> sha256(raw), receivedAt, note, List.of(), null);
    }

    private static InternetHeaders headers(MimeMessage m) throws MessagingException {
        InternetHeaders h = new InternetHeaders();
        Enumeration<Header> all = m.getAllHeaders();
        while (all.hasMoreElements()) {
            Header header = all.nextElement();
            h.addHeader(header.getName(), header.getValue());
        }
        return h;
    }

    private static InboundMail mail(
            InternetHeaders h,
            Supplier<String> digest,
            Instant received,
            String body,
            List<InboundAttachment> attachments,
            @Nullable DeliveryReport report) {
        String messageId = header(h, "Message-ID");
        if (messageId == null || messageId.length() > 998) {
            messageId = "sha256:" + digest.get();
        }
        List<String> recipients = new ArrayList<>();
        for (String name : new String[] {"To", "Cc"}) {
            String value = h.getHeader(name, ",");
            if (value != null) {
                addAll(recipients, value);
            }
        }
        for (String name : new String[] {"Delivered-To", "X-Original-To"}) {
            String[] values = h.getHeader(name);
            if (values != null) {
                for (String v : values) {
                    recipients.add(v.strip());
                }
            }
        }
        String subject = header(h, "Subject");
        return new InboundMail(
                messageId,
                from(h),
                recipients,
                subject == null ? "" : decode(subject),
                body,
                attachments,
                received,
                h.getHeader("Authentication-Results", " ; "),
                header(h, "Auto-Submitted"),
                header(h, "Precedence"),
                header(h, "X-Autoreply") != null ? header(h, "X-Autoreply") : header(h, "X-Autorespond"),
                report);
    }

    private static @Nullable String header(InternetHeaders h, String name) {
        String v = h.getHeader(name, ", ");
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** The From address if it is exactly one well-formed address; {@code null} otherwise. */
    private static @Nullable String from(InternetHeaders h) {
        String raw = h.getHeader("From", null);
        if (raw == null) {
            return null;
        }
        try {
            InternetAddress[] parsed = InternetAddress.parseHeader(raw, true);
            return parsed.length == 1 ? parsed[0].getAddress() : null;
        } catch (MessagingException e) {
            return null;
        }
    }

    private static void addAll(List<String> out, String header) {
        Address[] addresses;
        try {
            addresses = InternetAddress.parseHeader(header, false);
        } catch (MessagingException e) {
            return;
        }
        for (Address a : addresses) {
            out.add(a instanceof InternetAddress ia ? ia.getAddress() : a.toString());
        }
    }

    private static String decode(String encoded) {
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(encoded));
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return encoded;
        }
    }

    private static boolean isDeliveryReport(Part m) throws MessagingException {
        if (!m.isMimeType("multipart/report")) {
            return false;
        }
        try {
            String type = new ContentType(m.getContentType()).getParameter("report-type");
            return type != null && type.strip().equalsIgnoreCase("delivery-status");
        } catch (MessagingException e) {
            return false;
        }
    }

    /** The report's fields and returned headers; its human-readable part goes to the text. */
    private static DeliveryReport deliveryReport(Multipart report, StringBuilder text, StringBuilder html)
            throws MessagingException, IOException {
        List<DeliveryReport.Recipient> recipients = new ArrayList<>();
        String original = null;
        for (int i = 0; i < report.getCount(); i++) {
            BodyPart part = report.getBodyPart(i);
            if (part.isMimeType("message/delivery-status") || part.isMimeType("message/global-delivery-status")) {
                recipients.addAll(recipientFields(part.getInputStream()));
            } else if (part.isMimeType("message/rfc822")
                    || part.isMimeType("text/rfc822-headers")
                    || part.isMimeType("message/global-headers")
                    || part.isMimeType("message/global")) {
                try (InputStream in = part.getInputStream()) {
                    String id = new InternetHeaders(in).getHeader("Message-ID", null);
                    original = id == null ? null : id.strip();
                }
            } else {
                walk(part, text, html, new ArrayList<>(), 0);
            }
        }
        return new DeliveryReport(original, recipients);
    }

    /** The per-recipient blocks of a {@code message/delivery-status} body (after the per-message block). */
    private static List<DeliveryReport.Recipient> recipientFields(InputStream raw)
            throws MessagingException, IOException {
        List<DeliveryReport.Recipient> out = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(raw)) {
            new InternetHeaders(in); // per-message fields: Reporting-MTA, Arrival-Date
            while (out.size() < MAX_RECIPIENT_FIELDS) {
                in.mark(1);
                if (in.read() < 0) {
                    break;
                }
                in.reset();
                InternetHeaders block = new InternetHeaders(in);
                String action = block.getHeader("Action", null);
                if (action != null) {
                    out.add(new DeliveryReport.Recipient(
                            address(block.getHeader("Final-Recipient", null)),
                            address(block.getHeader("Original-Recipient", null)),
                            action,
                            stripped(block.getHeader("Status", null)),
                            stripped(block.getHeader("Diagnostic-Code", null))));
                }
            }
        }
        return out;
    }

    /** {@code rfc822; lea@exemple.fr} → {@code lea@exemple.fr}. */
    private static @Nullable String address(@Nullable String typed) {
        if (typed == null) {
            return null;
        }
        int semi = typed.indexOf(';');
        return stripped(semi >= 0 ? typed.substring(semi + 1) : typed);
    }

    private static @Nullable String stripped(@Nullable String s) {
        if (s == null) {
            return null;
        }
        String v = MimeUtility.unfold(s).strip();
        return v.isEmpty() ? null : v;
    }

    private static void walk(
            Part part, StringBuilder text, StringBuilder html, List<InboundAttachment> attachments, long max)
            throws MessagingException, IOException, OversizedAttachmentException {
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart child = mp.getBodyPart(i);
                walk(child, text, html, attachments, max);
            }
            return;
        }
        String fileName = fileName(part);
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
        if (!attachment && part.isMimeType("text/plain") && text.length() == 0) {
            text.append(textOf(part));
            return;
        }
        if (!attachment && part.isMimeType("text/html") && html.length() == 0) {
            html.append(textOf(part));
            return;
        }
        if (!attachment || max <= 0) {
            return;
        }
        String name = fileName == null || fileName.isBlank() ? DEFAULT_NAME : fileName.strip();
        if (name.length() > InboundAttachment.MAX_NAME) {
            name = name.substring(0, InboundAttachment.MAX_NAME);
        }
        byte[] content = readBounded(part.getInputStream(), max, name);
        attachments.add(new InboundAttachment(name, baseType(part), content));
    }

    private static @Nullable String fileName(Part part) {
        try {
            return part.getFileName();
        } catch (MessagingException | RuntimeException e) {
            return DEFAULT_NAME; // a name that cannot be decoded still marks an attachment
        }
    }

    /** {@code Application/PDF; name=x} → {@code application/pdf}, as the request thread expects it. */
    private static String baseType(Part part) {
        try {
            return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            return "application/octet-stream";
        }
    }

    /** The text of a part; an unknown charset is read as Latin-1 rather than refused. */
    private static String textOf(Part part) throws MessagingException, IOException {
        try {
            return String.valueOf(part.getContent());
        } catch (UnsupportedEncodingException e) {
            try (InputStream in = part.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            }
        }
    }

    private static byte[] readBounded(InputStream in, long max, String name)
            throws IOException, OversizedAttachmentException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > max) {
                    throw new OversizedAttachmentException(name, total, max);
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static String stripTags(String html) {
        return html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ")
                .replaceAll("(?s)<[^>]+>", " ")
                .replace("&nbsp;", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
                .replaceAll("[ \\t]+", " ")
                .strip();
    }

    private static List<String> lines(InternetHeaders h) {
        List<String> out = new ArrayList<>();
        Enumeration<String> e = h.getAllHeaderLines();
        while (e.hasMoreElements()) {
            out.add(e.nextElement());
        }
        return out;
    }

    private static String digest(MimeMessage m) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.writeTo(out);
            return sha256(out.toByteArray());
        } catch (IOException | MessagingException e) {
            return sha256(String.valueOf(System.identityHashCode(m)).getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
