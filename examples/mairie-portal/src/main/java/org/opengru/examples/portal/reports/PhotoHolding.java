package org.opengru.examples.portal.reports;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;
import org.opengru.examples.portal.commune.FrenchReasons;
import org.opengru.reports.GeoPoint;
import org.opengru.reports.photo.PhotoProcessor;
import org.opengru.reports.photo.ProcessedPhoto;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The photos a resident has chosen but not yet filed, so that a form shown again (the photo's place to
 * confirm, a field to correct, the second step after the first) never asks to choose them again — a form
 * without JavaScript cannot keep a file. Each photo is checked and stripped of its metadata (gru-reports'
 * {@link PhotoProcessor}, as filing does) before it is held: what waits here is what would be stored, plus
 * the EXIF position read before stripping, to propose as the report's place.
 *
 * <p>Short-lived and bounded: per session (a random key kept in the session, never in a form), at most the
 * commune's number of photos; {@link #IDLE} after their last use, at the end of the session, or once filed,
 * they are gone; all sessions together hold at most {@link #MAX_TOTAL_BYTES}, beyond which a new photo is
 * refused in French rather than another resident's dropped. In the node's memory, as the session is.
 */
@Component
class PhotoHolding implements HttpSessionListener {

    /** How long a resident's photos wait after their last use. */
    static final Duration IDLE = Duration.ofMinutes(30);

    /** What every session's photos together may weigh. */
    static final long MAX_TOTAL_BYTES = 96L * 1024 * 1024;

    private static final String SESSION_KEY = PhotoHolding.class.getName();

    /** A photo waiting to be filed: stripped already, with the position its EXIF gave, if any. */
    record Held(byte[] bytes, String mediaType, @Nullable GeoPoint position) {}

    private static final class Holding {
        final List<Held> photos = new ArrayList<>();
        Instant used;

        Holding(Instant used) {
            this.used = used;
        }

        long bytes() {
            return photos.stream().mapToLong(p -> p.bytes().length).sum();
        }
    }

    private final InstantSource clock;
    private final PhotoProcessor processor;
    private final long maxTotalBytes;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Holding> holdings = new HashMap<>();

    @Autowired
    PhotoHolding(Clock clock) {
        // The processor ReportService uses unless told otherwise: a photo held is one filing takes.
        this(clock, PhotoProcessor.defaults(), MAX_TOTAL_BYTES);
    }

    PhotoHolding(InstantSource clock, PhotoProcessor processor, long maxTotalBytes) {
        this.clock = clock;
        this.processor = processor;
        this.maxTotalBytes = maxTotalBytes;
    }

    /**
     * Checks, strips and holds one photo for the session.
     *
     * @return null when held, else why not, in French
     */
    synchronized @Nullable String add(HttpSession session, byte[] upload, int maxPhotos) {
        purgeIdle();
        Holding holding = holdings.computeIfAbsent(key(session), k -> new Holding(clock.instant()));
        holding.used = clock.instant();
        if (holding.photos.size() >= maxPhotos) {
            return "Vous avez déjà joint " + maxPhotos + (maxPhotos > 1 ? " photos" : " photo")
                    + " : retirez-en une pour en joindre une autre.";
        }
        ProcessedPhoto photo;
        try {
            photo = processor.process("photos", upload);
        } catch (ValidationException e) {
            return FrenchReasons.of(e.violations().get(0));
        }
        if (total() + photo.bytes().length > maxTotalBytes) {
            return "Nous ne pouvons pas garder votre photo pour le moment : réessayez dans quelques minutes, ou"
                    + " envoyez le signalement sans photo.";
        }
        holding.photos.add(new Held(photo.bytes(), photo.type().mediaType(), photo.exifPosition()));
        return null;
    }

    /** The session's photos, in the order chosen; none once they waited longer than {@link #IDLE}. */
    synchronized List<Held> held(HttpSession session) {
        purgeIdle();
        Holding holding = holdings.get(existingKey(session));
        if (holding == null) {
            return List.of();
        }
        holding.used = clock.instant();
        return List.copyOf(holding.photos);
    }

    /** Drops the photo numbered from 1; a number it does not have changes nothing. */
    synchronized void remove(HttpSession session, int number) {
        Holding holding = holdings.get(existingKey(session));
        if (holding != null && number >= 1 && number <= holding.photos.size()) {
            holding.photos.remove(number - 1);
        }
    }

    /** Drops the session's photos: filed, or given up. */
    synchronized void clear(HttpSession session) {
        holdings.remove(existingKey(session));
    }

    /** What every session holds, in bytes. */
    synchronized long total() {
        return holdings.values().stream().mapToLong(Holding::bytes).sum();
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        clear(event.getSession());
    }

    private void purgeIdle() {
        Instant oldest = clock.instant().minus(IDLE);
        for (Iterator<Holding> it = holdings.values().iterator(); it.hasNext(); ) {
            if (it.next().used.isBefore(oldest)) {
                it.remove();
            }
        }
    }

    private String key(HttpSession session) {
        String key = existingKey(session);
        if (key.isEmpty()) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            key = HexFormat.of().formatHex(bytes);
            session.setAttribute(SESSION_KEY, key);
        }
        return key;
    }

    private static String existingKey(HttpSession session) {
        try {
            Object key = session.getAttribute(SESSION_KEY);
            return key instanceof String s ? s : "";
        } catch (IllegalStateException e) { // invalidated: its photos went with it
            return "";
        }
    }
}
