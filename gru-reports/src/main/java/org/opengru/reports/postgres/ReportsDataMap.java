package org.opengru.reports.postgres;

import static org.opengru.core.rgpd.DataMap.Content.PERSONAL;
import static org.opengru.core.rgpd.DataMap.Content.PSEUDONYMOUS;
import static org.opengru.core.rgpd.DataMap.Content.TECHNICAL;
import static org.opengru.core.rgpd.DataMap.column;

import java.util.List;
import org.opengru.core.rgpd.DataMap;

/** gru-reports' share of the {@link DataMap}: the tables of {@code classpath:db/opengru/reports}. */
public final class ReportsDataMap {

    private static final String MODULE = "gru-reports";
    private static final String NOT_A_REQUEST = "untouched: a signalement is not part of a request's file";
    private static final String KEPT = "until anonymised by ReportService.purge, the commune's keptAfterClosing"
            + " (one year by default) after it is resolved or rejected; an unverified anonymous report is"
            + " deleted when its link expires";

    private ReportsDataMap() {}

    /**
     * The reports' tables and columns of personal data, with their purpose and retention.
     *
     * @return the map, for gru-core's data map catalogue
     */
    public static DataMap map() {
        return new DataMap(List.of(
                DataMap.table(
                        MODULE,
                        "report",
                        "signalements: problems in the public space reported by residents, routed to a team",
                        KEPT,
                        NOT_A_REQUEST,
                        "ReportService.erase: the author's description and address replaced, photos deleted;"
                                + " category, point, zone and dates kept for the team and the open data",
                        "ReportService.export: the reports the person follows (description and address for"
                                + " their own)",
                        column("description", PERSONAL, "what the resident wrote (free text)"),
                        column("address", PERSONAL, "the address the resident typed, when given"),
                        column("category", TECHNICAL, "the category's code"),
                        column("zone", TECHNICAL, "the zone's id"),
                        column("status", TECHNICAL, "the state"),
                        column("team_id", TECHNICAL, "the team it is routed to")),
                DataMap.table(
                        MODULE,
                        "report_photo",
                        "the photos of a signalement, EXIF stripped, in the blob store",
                        "as the report; deleted with its anonymisation",
                        NOT_A_REQUEST,
                        "the author's photos deleted (rows and blobs)",
                        "counted in the export (the photos themselves on request)",
                        column("blob_key", TECHNICAL, "the photo's random key in the blob store"),
                        column("media_type", TECHNICAL, "image/jpeg, image/png or image/webp")),
                DataMap.table(
                        MODULE,
                        "report_follower",
                        "who follows a signalement (its author and each \"+1\") and is told of its changes",
                        "as the report; an unverified e-mail is dropped when its link expires",
                        NOT_A_REQUEST,
                        "the person's rows deleted (ReportService.erase, by usager or by e-mail)",
                        "ReportService.export (the reports followed and the role)",
                        column("usager_id", PSEUDONYMOUS, "the resident who follows it"),
                        column("email", PERSONAL, "the e-mail of a reporter without an account"),
                        column("token_hash", TECHNICAL, "the SHA-256 of the verification link's secret")),
                DataMap.table(
                        MODULE,
                        "report_flood_bucket",
                        "the flood guard's token buckets, one per collectivité and origin, shared by every node",
                        "until the origin's allowance is full again (at most the guard's period), then deleted by"
                                + " PostgresFloodGuard.removeExpired",
                        NOT_A_REQUEST,
                        "nothing to erase by person: the origin is only a digest, tied to no report nor account",
                        "not exported (a digest of an address, tied to no person)",
                        column("id", PSEUDONYMOUS, "the SHA-256 of the collectivité and the origin (an IP address)"),
                        column("state", TECHNICAL, "the bucket's tokens and last refill (Bucket4j)"),
                        column("expires_at", TECHNICAL, "when the bucket is full again, in ms since the epoch")),
                DataMap.table(
                        MODULE,
                        "report_history",
                        "the changes of status of a signalement",
                        "as the report",
                        NOT_A_REQUEST,
                        "kept: statuses, dates and the agent's id only",
                        "not exported (no personal data)",
                        column("from_status", TECHNICAL, "the state before"),
                        column("to_status", TECHNICAL, "the state after"),
                        column("actor", PSEUDONYMOUS, "who acted: reporter, system or agent:{id}"))));
    }
}
