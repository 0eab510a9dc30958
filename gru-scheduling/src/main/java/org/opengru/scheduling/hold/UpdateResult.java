package org.opengru.scheduling.hold;

import java.util.List;

/** What a store did with a planned change of an item. */
public sealed interface UpdateResult<T> {

    /** Written, with the items the change promoted (the next on a waiting list), in order. */
    record Updated<T>(T item, List<T> promoted) implements UpdateResult<T> {
        /**
         * Copies the promoted items.
         *
         * @param item the item as written
         * @param promoted the items the change promoted, in order, empty when none
         */
        public Updated {
            promoted = List.copyOf(promoted);
        }
    }

    /** The item changed since it was read (another node): re-read and decide again. */
    record Stale<T>() implements UpdateResult<T> {}

    /** The change would take a period or place someone else has: nothing written. */
    record PlaceTaken<T>() implements UpdateResult<T> {}
}
