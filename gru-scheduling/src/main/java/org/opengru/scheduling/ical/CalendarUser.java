package org.opengru.scheduling.ical;

import org.opengru.core.value.EmailAddress;
import org.opengru.scheduling.internal.Check;

/**
 * Someone in an invitation (RFC 5545 CAL-ADDRESS): the organiser (the site, with the commune's address)
 * or the attendee (the resident). Calendar clients match the address with the mailbox that received
 * the invitation, and answer to the organiser's.
 *
 * @param name the name shown (CN), for example the site's name or the resident's
 * @param email the e-mail address
 */
public record CalendarUser(String name, EmailAddress email) {

    /**
     * Checks the user.
     *
     * @param name the name shown (CN), for example the site's name or the resident's
     * @param email the e-mail address
     * @throws org.opengru.core.error.ValidationException when the name is blank or too long, or the address missing
     */
    public CalendarUser {
        name = Check.text("calendarUser.name", name, 200);
        Check.required("calendarUser.email", email);
    }
}
