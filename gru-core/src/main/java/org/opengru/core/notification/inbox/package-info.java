/** The in-app inbox (messagerie de l'espace usager): notifications kept with the usager, read or unread. */
@NullMarked
package org.opengru.core.notification.inbox;

import org.jspecify.annotations.NullMarked;
