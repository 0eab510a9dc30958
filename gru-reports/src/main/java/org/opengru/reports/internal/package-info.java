/** Implementation of the signalements: not API, may change in any release. */
@NullMarked
package org.opengru.reports.internal;

import org.jspecify.annotations.NullMarked;
