package org.opengru.core.notification;

import java.util.List;
import org.opengru.core.jdbc.Migrations;

/**
 * The PostgreSQL scripts of the channels (notifications, inbox, contacts, surveys), shipped under {@code
 * db/migration/core/} with high version numbers ({@code V100__…}) so that Flyway applies them with the
 * other core scripts. Without Flyway, run {@code ChannelMigrations.migrations().migrate(dataSource)}
 * after {@code Migrations.core()}.
 */
public final class ChannelMigrations {

    /** The scripts, in order. Add new files here and never edit a released one. */
    public static final List<String> SCRIPTS =
            List.of("V100__notifications_inbox.sql", "V101__contacts_satisfaction.sql");

    private ChannelMigrations() {}

    public static Migrations migrations() {
        return Migrations.of("core", SCRIPTS);
    }
}
