/**
 * Signalements: a resident reports a problem in the public space (a dépôt sauvage, a broken street light)
 * with a category, a location, a description and photos; the {@link org.opengru.reports.ReportService}
 * checks it, routes it to the team in charge of the category and the zone, proposes the open reports
 * nearby before filing ("déjà signalé : +1"), and tells every reporter of each change of status.
 * Anonymous reports, when the commune allows them, are filed only once the e-mail that follows them is
 * verified. Agents list, merge and change reports in bulk; the public sees {@link
 * org.opengru.reports.PublicReport}s and the open-data export, which carry no personal data.
 */
@NullMarked
package org.opengru.reports;

import org.jspecify.annotations.NullMarked;
