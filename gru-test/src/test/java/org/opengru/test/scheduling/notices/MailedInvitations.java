package org.opengru.test.scheduling.notices;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.jspecify.annotations.Nullable;

/**
 * A mail as the SMTP server received it, parsed again from its raw bytes: its text, and its calendar part
 * read by an independent parser (ical4j).
 */
public record MailedInvitations(String subject, String text, ContentType calendarType, Calendar calendar) {

    public static MailedInvitations read(MimeMessage received) throws Exception {
        MimeMessage m = new MimeMessage(
                Session.getInstance(new Properties()),
                new ByteArrayInputStream(GreenMailUtil.getWholeMessage(received).getBytes(StandardCharsets.UTF_8)));
        Multipart mixed = (Multipart) m.getContent();
        String text = null;
        ContentType type = null;
        String ics = null;
        for (int i = 0; i < mixed.getCount(); i++) {
            BodyPart part = mixed.getBodyPart(i);
            ContentType t = new ContentType(part.getContentType());
            if (t.match("multipart/alternative")) {
                text = (String) ((Multipart) part.getContent()).getBodyPart(0).getContent();
            } else if (t.match("text/calendar")) {
                type = t;
                ics = new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        if (type == null || ics == null || text == null) {
            throw new AssertionError("no text or no calendar part in " + m.getSubject());
        }
        return new MailedInvitations(m.getSubject(), text, type, new CalendarBuilder().build(new StringReader(ics)));
    }

    @Nullable
    public String method() {
        return calendar.getProperty(Property.METHOD).map(Property::getValue).orElse(null);
    }

    public VEvent event() {
        return (VEvent) calendar.getComponent("VEVENT").orElseThrow();
    }

    @Nullable
    public String event(String property) {
        return event().getProperty(property).map(Property::getValue).orElse(null);
    }

    Instant start() {
        return Instant.from(event().getStartDate().orElseThrow().getDate());
    }
}
