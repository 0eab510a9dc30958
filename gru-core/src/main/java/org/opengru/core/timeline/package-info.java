/**
 * The 360° view (vue à 360°): an usager's timeline across channels and modules, newest first, with
 * keyset pagination. Each module contributes its entries through a {@link
 * org.opengru.core.timeline.TimelineContributor}; gru-core contributes request events through its {@link
 * org.opengru.core.timeline.TimelineStore}.
 */
@NullMarked
package org.opengru.core.timeline;

import org.jspecify.annotations.NullMarked;
