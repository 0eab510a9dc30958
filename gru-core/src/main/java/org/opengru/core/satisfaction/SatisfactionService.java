package org.opengru.core.satisfaction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.error.AlreadyExistsException;
import org.opengru.core.error.IllegalTransitionException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.id.EventId;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.notification.NotificationId;
import org.opengru.core.notification.NotificationKind;
import org.opengru.core.notification.NotificationService;
import org.opengru.core.notification.UsagerNotice;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.tenancy.TenantId;

/**
 * The satisfaction survey: after a decision or an attended appointment, the usager is invited (once per
 * request or appointment) to answer one question from 1 to 5 with an optional comment; answering is
 * optional. Answers are aggregated per démarche and channel for the statistics export, without personal
 * data.
 */
public final class SatisfactionService {

    private final SatisfactionStore store;
    private final Clock clock;
    private final IdGenerator ids;
    private final Duration validity;

    /**
     * A survey whose invitations expire after {@code validity}.
     *
     * @param store where invitations and answers are kept
     * @param clock the installation's clock
     * @param ids the id generator
     * @param validity how long an invitation may be answered
     */
    public SatisfactionService(SatisfactionStore store, Clock clock, IdGenerator ids, Duration validity) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.validity = Objects.requireNonNull(validity, "validity");
    }

    /**
     * Invites the usager; returns the invitation, or {@code null} when one was issued already for that
     * request or appointment (the usager is asked once).
     *
     * @param tenant the collectivité
     * @param usager who is asked
     * @param occasion a decision or an attended appointment
     * @param subjectId the request's or appointment's id
     * @param procedureCode the démarche, for the statistics
     * @param channel the channel it came through, for the statistics
     * @return the invitation, or {@code null}
     */
    public @Nullable SurveyInvitation invite(
            TenantId tenant,
            UsagerId usager,
            SurveyOccasion occasion,
            String subjectId,
            String procedureCode,
            Channel channel) {
        Instant now = clock.instant();
        SurveyInvitation i = new SurveyInvitation(
                ids.nextUuid(), tenant, usager, occasion, subjectId, procedureCode, channel, now, now.plus(validity));
        return store.invite(i) ? i : null;
    }

    /**
     * Records the usager's answer. Refused: another usager's invitation ({@link AccessDeniedException}),
     * an expired one ({@link IllegalTransitionException}), a second answer ({@link
     * AlreadyExistsException}), a score outside 1-5 or a comment over 2000 characters ({@link
     * org.opengru.core.error.ValidationException}).
     *
     * @param who the usager answering
     * @param invitationId the invitation
     * @param score from 1 to 5
     * @param comment an optional comment, or {@code null}
     * @return the answer
     * @throws org.opengru.core.error.NotFoundException when the invitation does not exist in the collectivité
     */
    public SurveyResponse answer(UsagerPrincipal who, UUID invitationId, int score, @Nullable String comment) {
        SurveyInvitation i = store.invitation(who.tenant(), invitationId)
                .orElseThrow(() -> new NotFoundException("survey", invitationId.toString()));
        if (!i.usager().equals(who.usager())) {
            throw new AccessDeniedException(who.toString(), "answer", "survey", invitationId.toString());
        }
        Instant now = clock.instant();
        if (!now.isBefore(i.expiresAt())) {
            throw new IllegalTransitionException(
                    "survey",
                    invitationId.toString(),
                    "EXPIRED",
                    "answer",
                    who.toString(),
                    "expired at " + i.expiresAt());
        }
        SurveyResponse r = new SurveyResponse(
                i.id(), i.tenant(), i.occasion(), i.procedureCode(), i.channel(), score, comment, now);
        if (!store.answer(r)) {
            throw new AlreadyExistsException("survey answer", invitationId.toString());
        }
        return r;
    }

    /**
     * Sends the invitation as a {@code SATISFACTION_SURVEY} notification on the usager's channels, in the
     * caller's transaction; the link is {@code surveyBaseUrl} followed by the invitation id. Sending the
     * same invitation twice notifies once (the invitation id is the event id).
     *
     * @param notifications the notification service
     * @param invitation the invitation
     * @param surveyBaseUrl the portal's survey page, ending with {@code /}
     * @return the notification's id
     */
    public NotificationId notify(NotificationService notifications, SurveyInvitation invitation, String surveyBaseUrl) {
        return notifications.enqueue(new UsagerNotice(
                EventId.of(invitation.id()),
                invitation.tenant(),
                invitation.usager(),
                NotificationKind.SATISFACTION_SURVEY,
                invitation.issuedAt(),
                Map.of("surveyLink", surveyBaseUrl + invitation.id()),
                List.of()));
    }

    /**
     * The answers given in {@code [from, to)}, per démarche and channel, without personal data.
     *
     * @param tenant the collectivité
     * @param from the start, included
     * @param to the end, excluded
     * @return the aggregates
     */
    public List<SatisfactionAggregate> aggregates(TenantId tenant, Instant from, Instant to) {
        return store.aggregate(tenant, from, to);
    }

    /**
     * The aggregates as CSV for the open-data export: {@code procedure;channel;responses;mean;s1;s2;s3;s4;s5},
     * no personal data, no comment.
     *
     * @param tenant the collectivité
     * @param from the start, included
     * @param to the end, excluded
     * @return the CSV text
     */
    public String csv(TenantId tenant, Instant from, Instant to) {
        StringBuilder sb =
                new StringBuilder("procedure;channel;responses;mean;score_1;score_2;score_3;score_4;score_5\n");
        for (SatisfactionAggregate a : aggregates(tenant, from, to)) {
            long[] d = a.distribution();
            sb.append(csvField(a.procedureCode()))
                    .append(';')
                    .append(a.channel())
                    .append(';')
                    .append(a.responses())
                    .append(';')
                    .append(String.format(Locale.ROOT, "%.2f", a.mean()));
            for (long x : d) {
                sb.append(';').append(x);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String csvField(String s) {
        return s.matches("[A-Za-z0-9._-]*") ? s : '"' + s.replace("\"", "\"\"") + '"';
    }
}
