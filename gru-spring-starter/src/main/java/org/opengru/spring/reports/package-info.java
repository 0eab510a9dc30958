/** The auto-configuration of gru-reports (signalements). */
@NullMarked
package org.opengru.spring.reports;

import org.jspecify.annotations.NullMarked;
