/** The job runner shared by the schedulers, and the local scheduler; not API. */
@NullMarked
package org.opengru.core.job.internal;

import org.jspecify.annotations.NullMarked;
