package org.opengru.scheduling.booking;

import java.util.UUID;
import org.opengru.core.error.ValidationException;
import org.opengru.scheduling.internal.Check;

/** Identifies a booking (rendez-vous); a UUIDv7 from the installation's id generator. Also the iCalendar UID. */
public record BookingId(UUID value) {

    public BookingId {
        Check.required("bookingId", value);
    }

    public static BookingId of(UUID value) {
        return new BookingId(value);
    }

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
