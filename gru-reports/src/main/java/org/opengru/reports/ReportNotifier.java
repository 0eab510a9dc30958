package org.opengru.reports;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opengru.core.notification.NotificationKind;
import org.opengru.core.notification.NotificationService;
import org.opengru.core.notification.UsagerNotice;

/**
 * Port: tells one reporter of a change. {@link #through} is the one to use: residents through gru-core's
 * {@link NotificationService} (kind {@link NotificationKind#REPORT_STATUS_CHANGED}, on their channels and
 * in their inbox, queued in the caller's transaction), e-mail followers through the {@link FollowerMailer}.
 */
public interface ReportNotifier {

    /**
     * Tells the reporter of the change.
     *
     * @param notice the change and the reporter
     */
    void notify(ReportNotice notice);

    /**
     * The notifier for both kinds of reporter.
     *
     * @param notifications gru-core's notifications, for residents
     * @param mailer the host's mails, for e-mail followers
     * @return the notifier
     */
    static ReportNotifier through(NotificationService notifications, FollowerMailer mailer) {
        Objects.requireNonNull(notifications, "notifications");
        Objects.requireNonNull(mailer, "mailer");
        return notice -> {
            if (notice.to() instanceof Reporter.Resident r) {
                notifications.enqueue(new UsagerNotice(
                        notice.eventId(),
                        notice.tenant(),
                        r.usager(),
                        NotificationKind.REPORT_STATUS_CHANGED,
                        notice.at(),
                        Map.of(
                                "reference",
                                notice.report().toString(),
                                "status",
                                notice.status().french()),
                        List.of()));
            } else if (notice.to() instanceof Reporter.Anonymous a) {
                mailer.sendStatus(notice.tenant(), a.email(), notice);
            }
        };
    }
}
