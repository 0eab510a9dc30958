package org.opengru.core.outbox.internal;

import java.util.Set;
import java.util.regex.Pattern;
import org.opengru.core.internal.Checks;

/** Checks subscriber names (shared by the adapters). */
public final class Subscribers {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    private Subscribers() {}

    public static Set<String> check(Set<String> names) {
        Checks.required("outbox.subscribers", names);
        for (String name : names) {
            Checks.matches("outbox.subscribers", name, NAME, "a lower-case slug such as logiciel-metier");
        }
        return Set.copyOf(names);
    }
}
