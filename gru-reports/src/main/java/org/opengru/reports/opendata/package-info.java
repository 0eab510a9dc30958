/** The open-data export of resolved signalements per month, as CSV and GeoJSON, small counts suppressed. */
@NullMarked
package org.opengru.reports.opendata;

import org.jspecify.annotations.NullMarked;
