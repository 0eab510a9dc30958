/**
 * Contract tests of the channel ports (notifications, preferences, inbox, contacts, surveys): extend
 * each with your adapter's factory, as the in-memory and PostgreSQL adapters do.
 */
@NullMarked
package org.opengru.test.core.notification;

import org.jspecify.annotations.NullMarked;
