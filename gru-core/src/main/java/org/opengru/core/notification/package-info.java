/** Notifications to usagers on their preferred channel: preferences, kinds, templates with protected mandatory mentions, delivery through the transactional outbox with tracking, retries and fallback. */
@NullMarked
package org.opengru.core.notification;

import org.jspecify.annotations.NullMarked;
