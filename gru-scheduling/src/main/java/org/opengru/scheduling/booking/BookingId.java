package org.opengru.scheduling.booking;

import java.util.UUID;
import org.opengru.core.error.ValidationException;
import org.opengru.scheduling.internal.Check;

/**
 * Identifies a booking (rendez-vous); a UUIDv7 from the installation's id generator. Also the iCalendar UID.
 *
 * @param value the UUID
 */
public record BookingId(UUID value) {

    /**
     * Checks the id.
     *
     * @param value the UUID
     * @throws ValidationException when it is missing
     */
    public BookingId {
        Check.required("bookingId", value);
    }

    /**
     * The id of a UUID.
     *
     * @param value the UUID
     * @return the id
     */
    public static BookingId of(UUID value) {
        return new BookingId(value);
    }

    /**
     * Parses the canonical UUID text (from a link or a form).
     *
     * @param text the text
     * @return the id
     * @throws ValidationException when it is not a UUID
     */
    public static BookingId parse(String text) {
        try {
            return new BookingId(UUID.fromString(Check.required("bookingId", text)));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("bookingId", text, "must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
