package org.opengru.core.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Port: letters waiting for the commune's print service (or a mail-merge export). {@link #add} is
 * idempotent on the notification id.
 */
public interface LetterQueue {

    /**
     * Queues the letter; {@code false} when the notification's letter is queued already.
     *
     * @param letter the letter
     * @return {@code true} when queued now
     */
    boolean add(PostalLetter letter);

    /**
     * Letters not printed yet, oldest first.
     *
     * @param tenant the collectivité
     * @param limit the most letters
     * @return the letters
     */
    List<PostalLetter> pending(org.opengru.core.tenancy.TenantId tenant, int limit);

    /**
     * Records that the print service took the letter; {@code false} when unknown or printed already.
     *
     * @param tenant the collectivité
     * @param notification the notification the letter carries
     * @param at when the print service took it
     * @return {@code true} when marked now
     */
    boolean markPrinted(org.opengru.core.tenancy.TenantId tenant, NotificationId notification, Instant at);

    /**
     * A queue in one JVM's memory.
     *
     * @return an empty queue
     */
    static LetterQueue inMemory() {
        return new LetterQueue() {
            private final Map<NotificationId, PostalLetter> letters = new LinkedHashMap<>();

            @Override
            public synchronized boolean add(PostalLetter letter) {
                return letters.putIfAbsent(letter.notification(), letter) == null;
            }

            @Override
            public synchronized List<PostalLetter> pending(org.opengru.core.tenancy.TenantId tenant, int limit) {
                List<PostalLetter> out = new ArrayList<>();
                for (PostalLetter l : letters.values()) {
                    if (l.tenant().equals(tenant) && l.printedAt() == null && out.size() < limit) {
                        out.add(l);
                    }
                }
                return out;
            }

            @Override
            public synchronized boolean markPrinted(
                    org.opengru.core.tenancy.TenantId tenant, NotificationId notification, Instant at) {
                PostalLetter l = letters.get(notification);
                if (l == null || !l.tenant().equals(tenant) || l.printedAt() != null) {
                    return false;
                }
                letters.put(
                        notification,
                        new PostalLetter(
                                l.notification(),
                                l.tenant(),
                                l.usager(),
                                l.address(),
                                l.subject(),
                                l.text(),
                                l.enclosures(),
                                l.queuedAt(),
                                at));
                return true;
            }
        };
    }
}
