package org.opengru.core.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.notification.internal.NotificationCodec;
import org.opengru.core.outbox.Outbox;
import org.opengru.core.outbox.OutboxMessage;
import org.opengru.core.outbox.OutboxRecord;
import org.opengru.core.outbox.OutboxSubscriber;
import org.opengru.core.outbox.RetryPolicy;
import org.opengru.core.request.RequestStore;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.NotificationChannel;
import org.opengru.core.usager.Person;
import org.opengru.core.usager.Usager;
import org.opengru.core.usager.UsagerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells usagers what matters to them, on the channel they chose, and never twice nor for nothing.
 *
 * <ol>
 *   <li>{@link #enqueue} is called by the module that made the change, <em>inside its transaction</em>:
 *       it resolves the usager's preferences, renders the commune's template (bad input is refused here,
 *       with a typed exception) and writes the notification to the transactional outbox. A rolled-back
 *       change leaves nothing to send.
 *   <li>The outbox subscriber {@link #subscriber()} stores each notification once: a
 *       notice handed twice (same source event, usager and kind) gives one notification.
 *   <li>{@link #deliverDue()} (call it from any scheduler) tries the notification's channels in order,
 *       with retries per channel and a fallback to the next one (SMS, then e-mail, then the in-app inbox),
 *       keeps SMS out of quiet hours, and checks a reminder against the appointment's latest status right
 *       before sending it.
 * </ol>
 *
 * <pre>{@code
 * NotificationService notifications = NotificationService.builder(clock, outbox)
 *         .store(NotificationStore.inMemory())
 *         .sender(new SmtpEmailSender(smtp)).sender(new InAppSender(inbox))
 *         .build();
 * OutboxRelay relay = OutboxRelay.builder(outbox, clock).subscriber(notifications.subscriber()).build();
 * }</pre>
 *
 * @see org.opengru.core.outbox.OutboxRelay
 */
public final class NotificationService {

    /** The outbox subscriber name to configure the outbox with. */
    public static final String SUBSCRIBER = "notifications";

    /** The outbox event type of a queued notification. */
    public static final String EVENT_TYPE = "NotificationQueued";

    /** The outbox aggregate type; the aggregate is the usager, so that their notifications stay in order. */
    public static final String AGGREGATE_TYPE = "notification";

    private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);

    private final Clock clock;
    private final IdGenerator ids;
    private final Outbox outbox;
    private final NotificationStore store;
    private final NotificationPreferenceStore preferences;
    private final NotificationTemplates templates;
    private final Map<NotificationChannel, ChannelSender> senders;
    private final RetryPolicy retry;
    private final AppointmentStatusLookup appointments;
    private final RandomGenerator random;
    private final int batchSize;
    private final OutboxSubscriber subscriber = new Subscriber();
    private final @Nullable RequestStore requestStore;
    private final @Nullable UsagerStore usagers;
    private final @Nullable RequestNotices requestNotices;
    private final Function<TenantId, @Nullable CommuneDefaults> communeDefaults;
    private final boolean strictRendering;

    private NotificationService(Builder b) {
        this.clock = b.clock;
        this.ids = b.ids != null ? b.ids : IdGenerator.create(b.clock);
        this.outbox = b.outbox;
        this.store = b.store;
        this.preferences = b.preferences;
        this.templates = b.templates;
        this.senders = Map.copyOf(b.senders);
        this.retry = b.retry;
        this.appointments = b.appointments;
        this.random = b.random;
        this.batchSize = b.batchSize;
        this.requestStore = b.requestStore;
        this.usagers = b.usagers;
        this.requestNotices = b.requestNotices;
        this.communeDefaults = b.communeDefaults;
        this.strictRendering = b.strictRendering;
        if (!outbox.subscribers().contains(SUBSCRIBER)) {
            throw new ValidationException(
                    "notifications.outbox", outbox.subscribers(), "must write deliveries for subscriber " + SUBSCRIBER);
        }
    }

    /**
     * Starts a service writing to that outbox.
     *
     * @param clock the installation's clock
     * @param outbox the outbox of the caller's transactions
     * @return the builder
     */
    public static Builder builder(Clock clock, Outbox outbox) {
        return new Builder(clock, outbox);
    }

    /**
     * Queues the notification of a notice in the caller's transaction and returns its id. Refuses, with a
     * {@link ValidationException} naming the field, a notice whose values do not fill the template.
     *
     * @param notice what happened to whom
     * @return the notification's id
     */
    public NotificationId enqueue(Notice notice) {
        Objects.requireNonNull(notice, "notice");
        CommuneDefaults commune = communeDefaults.apply(notice.tenant());
        Optional<Usager> usager = usagers == null ? Optional.empty() : usagers.find(notice.tenant(), notice.usager());
        NotificationPreferences prefs = preferences
                .find(notice.tenant(), notice.usager())
                .or(() -> usager.map(u -> derived(notice, u, commune)))
                .orElseGet(() -> NotificationPreferences.inAppOnly(notice.tenant(), notice.usager()));
        Map<String, String> values = new HashMap<>(notice.variables());
        usager.ifPresent(u -> values.putIfAbsent("usagerName", greetingName(u)));
        if (commune != null) {
            values.putIfAbsent("commune", commune.name());
        }
        values.putIfAbsent("replyHint", commune == null ? "" : commune.replyHint());
        RenderedMessage message = strictRendering
                ? templates.renderStrictly(notice.tenant(), notice.kind(), prefs.register(), values)
                : templates.render(notice.tenant(), notice.kind(), prefs.register(), values);
        Instant now = clock.instant();
        RequestId request = notice instanceof RequestNotice r ? r.request() : null;
        AppointmentNotice appointment = notice instanceof AppointmentNotice a ? a : null;
        Notification n = new Notification(
                new NotificationId(ids.nextUuid()),
                notice.tenant(),
                notice.usager(),
                notice.eventId(),
                notice.kind(),
                notice.occurredAt(),
                request,
                appointment == null ? null : appointment.appointmentId(),
                appointment == null ? null : appointment.status(),
                appointment == null ? null : appointment.startsAt(),
                message,
                notice.attachments(),
                prefs.email(),
                prefs.phone(),
                prefs.smsQuietHours(),
                prefs.deliveryChain(),
                0,
                0,
                NotificationStatus.QUEUED,
                now,
                now,
                List.of());
        outbox.append(List.of(new OutboxMessage(
                ids.newEventId(),
                notice.tenant(),
                AGGREGATE_TYPE,
                notice.usager().toString(),
                EVENT_TYPE,
                now,
                NotificationCodec.toJson(n))));
        return n.id();
    }

    /**
     * The preferences of an usager who set none, from their contact details, with the commune's SMS quiet
     * hours.
     */
    private static NotificationPreferences derived(Notice notice, Usager u, @Nullable CommuneDefaults commune) {
        NotificationPreferences p = NotificationPreferences.fromContact(
                notice.tenant(), notice.usager(), u.contact(), LanguageRegister.STANDARD);
        return commune == null ? p : p.withQuietHours(commune.smsQuietHours());
    }

    /** How a greeting names the usager: a person by first given name and name, others by their label. */
    private static String greetingName(Usager u) {
        if (u instanceof Person p) {
            String family =
                    p.usedName() != null ? p.usedName().value() : p.familyName().value();
            List<String> given = p.givenNames().value();
            return given.isEmpty() ? family : given.get(0) + " " + family;
        }
        return u.displayName();
    }

    /**
     * The outbox subscriber that stores queued notifications (register it with the relay).
     *
     * @return the subscriber named {@link #SUBSCRIBER}
     */
    public OutboxSubscriber subscriber() {
        return subscriber;
    }

    /**
     * Runs one batch of due deliveries; returns how many notifications were handled.
     *
     * @return the number handled
     */
    public int deliverDue() {
        return store.processDue(batchSize, clock.instant(), this::attempt);
    }

    /**
     * Runs batches until nothing is due or {@code maxBatches} ran.
     *
     * @param maxBatches the most batches
     * @return the number handled
     */
    public int drain(int maxBatches) {
        int total = 0;
        for (int i = 0; i < maxBatches; i++) {
            int n = deliverDue();
            if (n == 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    /**
     * The usager's notifications with their delivery state, newest first (for the 360° view).
     *
     * @param tenant the collectivité
     * @param usager the usager
     * @param before the creation time the page ends before, or {@code null}
     * @param limit the most notifications
     * @return the notifications
     */
    public List<Notification> history(TenantId tenant, UsagerId usager, @Nullable Instant before, int limit) {
        return store.byUsager(tenant, usager, before, limit);
    }

    /**
     * Looks up a notification.
     *
     * @param tenant the collectivité
     * @param id the notification's id
     * @return the notification, or empty
     */
    public Optional<Notification> find(TenantId tenant, NotificationId id) {
        return store.find(tenant, id);
    }

    /**
     * Records a provider's delivery receipt (an SMS gateway's callback). A failure after the fact moves
     * the notification on to the next channel of its chain.
     *
     * @param providerId the provider's id of the message
     * @param delivered whether it was delivered
     * @param detail the provider's words
     * @return the notification as it now stands; empty when no attempt has that id
     */
    public Optional<Notification> recordReceipt(String providerId, boolean delivered, String detail) {
        Optional<Notification> found = store.byProviderId(providerId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Notification n = found.get();
        Instant now = clock.instant();
        NotificationChannel channel =
                n.currentChannel() != null ? n.currentChannel() : n.chain().get(0);
        Notification updated;
        if (delivered) {
            updated = n.next(
                    new DeliveryAttempt(channel, DeliveryAttempt.Outcome.RECEIPT_DELIVERED, now, detail, providerId),
                    NotificationStatus.DELIVERED,
                    n.channelIndex(),
                    n.attemptsOnChannel(),
                    n.nextAttemptAt());
        } else {
            updated = movedOn(n, channel, DeliveryAttempt.Outcome.RECEIPT_FAILED, detail, providerId);
        }
        store.update(updated);
        return Optional.of(updated);
    }

    /**
     * Records that a notification e-mail bounced (a delivery status notification found in the commune's
     * mailbox, see {@link org.opengru.core.inbound.NotificationBounces}): the e-mail is marked {@link
     * DeliveryAttempt.Outcome#BOUNCED} and the notification moves on to the next channel of its chain, the
     * in-app inbox at the latest. A bounce of an e-mail the notification has moved on from changes nothing,
     * so a report read twice falls back once.
     *
     * @param messageId the Message-ID of the e-mail, as the report returns it
     * @return the notification as it now stands; empty when the tenant sent no e-mail with that Message-ID
     * @param tenant the collectivité
     * @param detail the report's summary
     */
    public Optional<Notification> recordBounce(TenantId tenant, String messageId, String detail) {
        String id = messageId.strip();
        Optional<Notification> found =
                store.byProviderId(id).filter(n -> n.tenant().equals(tenant));
        if (found.isEmpty()) {
            return found;
        }
        Notification n = found.get();
        boolean onThatEmail = n.currentChannel() == NotificationChannel.EMAIL
                && (n.status() == NotificationStatus.SENT || n.status() == NotificationStatus.DELIVERED)
                && n.attempts().stream()
                        .reduce((a, b) -> b)
                        .map(last -> id.equals(last.providerId()))
                        .orElse(false);
        if (!onThatEmail) {
            return found;
        }
        Notification updated = movedOn(n, NotificationChannel.EMAIL, DeliveryAttempt.Outcome.BOUNCED, detail, id);
        LOG.info("notification {} bounced by e-mail, falls back: {}", n.id(), detail);
        store.update(updated);
        return Optional.of(updated);
    }

    /** The notification after a failure reported later on its channel: on to the next one, now. */
    private Notification movedOn(
            Notification n,
            NotificationChannel channel,
            DeliveryAttempt.Outcome outcome,
            String detail,
            @Nullable String providerId) {
        Instant now = clock.instant();
        int nextIndex = n.channelIndex() + 1;
        return n.next(
                new DeliveryAttempt(channel, outcome, now, detail, providerId),
                nextIndex < n.chain().size() ? NotificationStatus.QUEUED : NotificationStatus.FAILED,
                nextIndex,
                0,
                now);
    }

    /** One delivery pass over a due notification; pure apart from the senders. */
    Notification attempt(Notification n) {
        Instant now = clock.instant();
        if (n.kind() == NotificationKind.APPOINTMENT_REMINDER) {
            String why = staleReminder(n);
            if (why != null) {
                NotificationChannel ch = n.currentChannel() != null
                        ? n.currentChannel()
                        : n.chain().get(0);
                return n.next(
                        new DeliveryAttempt(ch, DeliveryAttempt.Outcome.SKIPPED, now, why, null),
                        NotificationStatus.SUPPRESSED,
                        n.channelIndex(),
                        n.attemptsOnChannel(),
                        n.nextAttemptAt());
            }
        }
        Notification current = n;
        while (current.channelIndex() < current.chain().size()) {
            NotificationChannel channel = current.chain().get(current.channelIndex());
            ChannelSender sender = senders.get(channel);
            String unusable = sender == null ? "no sender configured for " + channel : unusable(current, channel);
            if (unusable != null) {
                current = current.next(
                        new DeliveryAttempt(channel, DeliveryAttempt.Outcome.SKIPPED, now, unusable, null),
                        NotificationStatus.QUEUED,
                        current.channelIndex() + 1,
                        0,
                        now);
                continue;
            }
            QuietHours quiet = current.smsQuietHours();
            if (channel == NotificationChannel.SMS && quiet != null && quiet.contains(now)) {
                Instant resume = quiet.nextAllowed(now);
                return current.next(
                        new DeliveryAttempt(
                                channel, DeliveryAttempt.Outcome.DEFERRED, now, "quiet hours until " + resume, null),
                        NotificationStatus.QUEUED,
                        current.channelIndex(),
                        current.attemptsOnChannel(),
                        resume);
            }
            SendResult result;
            try {
                result = sender.send(current);
            } catch (RuntimeException e) {
                LOG.debug("sender {} failed on {}", channel, current.id(), e);
                result = SendResult.retry(e.toString());
            }
            if (result instanceof SendResult.Sent sent) {
                return current.next(
                        new DeliveryAttempt(
                                channel,
                                sent.delivered() ? DeliveryAttempt.Outcome.DELIVERED : DeliveryAttempt.Outcome.SENT,
                                now,
                                sent.detail(),
                                sent.providerId()),
                        sent.delivered() ? NotificationStatus.DELIVERED : NotificationStatus.SENT,
                        current.channelIndex(),
                        current.attemptsOnChannel(),
                        now);
            }
            SendResult.Failed failed = (SendResult.Failed) result;
            int failures = current.attemptsOnChannel() + 1;
            if (failed.permanent() || retry.exhausted(failures)) {
                LOG.info("notification {} falls back from {}: {}", current.id(), channel, failed.detail());
                current = current.next(
                        new DeliveryAttempt(
                                channel,
                                failed.permanent()
                                        ? DeliveryAttempt.Outcome.FAILED_PERMANENT
                                        : DeliveryAttempt.Outcome.FAILED_TRANSIENT,
                                now,
                                failed.detail(),
                                null),
                        NotificationStatus.QUEUED,
                        current.channelIndex() + 1,
                        0,
                        now);
                continue;
            }
            return current.next(
                    new DeliveryAttempt(channel, DeliveryAttempt.Outcome.FAILED_TRANSIENT, now, failed.detail(), null),
                    NotificationStatus.QUEUED,
                    current.channelIndex(),
                    failures,
                    now.plus(retry.delayAfter(failures, random)));
        }
        LOG.warn("notification {} to {} failed on every channel {}", current.id(), current.usager(), current.chain());
        return new Notification(
                current.id(),
                current.tenant(),
                current.usager(),
                current.sourceEventId(),
                current.kind(),
                current.occurredAt(),
                current.request(),
                current.appointmentId(),
                current.appointmentStatus(),
                current.appointmentStartsAt(),
                current.message(),
                current.attachments(),
                current.email(),
                current.phone(),
                current.smsQuietHours(),
                current.chain(),
                current.channelIndex(),
                current.attemptsOnChannel(),
                NotificationStatus.FAILED,
                current.createdAt(),
                now,
                current.attempts());
    }

    private static @Nullable String unusable(Notification n, NotificationChannel channel) {
        return switch (channel) {
            case EMAIL -> n.email() == null ? "no e-mail address" : null;
            case SMS -> n.phone() == null ? "no phone number" : null;
            default -> null;
        };
    }

    /** Why a reminder must not go out, or {@code null} when it still holds. */
    private @Nullable String staleReminder(Notification reminder) {
        String appointmentId = Objects.requireNonNull(reminder.appointmentId());
        AppointmentStatus status = reminder.appointmentStatus();
        Instant startsAt = reminder.appointmentStartsAt();
        Optional<AppointmentStatusLookup.State> authoritative = appointments.current(reminder.tenant(), appointmentId);
        if (authoritative.isPresent()) {
            status = authoritative.get().status();
            startsAt = authoritative.get().startsAt();
        } else {
            Optional<Notification> latest = store.latestAppointmentStatus(reminder.tenant(), appointmentId);
            if (latest.isPresent()) {
                // The latest status wins whatever the reminder claims (RDV Service Public #3144).
                status = latest.get().appointmentStatus();
                startsAt = latest.get().appointmentStartsAt();
            }
        }
        if (status == null || !status.upcoming()) {
            return "appointment " + appointmentId + " is " + status + ": no reminder";
        }
        if (startsAt != null && !startsAt.equals(reminder.appointmentStartsAt())) {
            return "appointment " + appointmentId + " moved to " + startsAt + ": this reminder is stale";
        }
        if (startsAt != null && !startsAt.isAfter(clock.instant())) {
            return "appointment " + appointmentId + " already started";
        }
        return null;
    }

    private final class Subscriber implements OutboxSubscriber {
        @Override
        public String name() {
            return SUBSCRIBER;
        }

        @Override
        public DeliveryResult deliver(OutboxRecord record) {
            if (!EVENT_TYPE.equals(record.message().eventType())) {
                if (requestNotices == null || requestStore == null) {
                    return DeliveryResult.ok("not a notification");
                }
                Optional<RequestNotice> notice;
                try {
                    notice = requestNotices.from(record, requestStore);
                } catch (RuntimeException e) {
                    return DeliveryResult.permanent("cannot read request event: " + e);
                }
                if (notice.isEmpty()) {
                    return DeliveryResult.ok("no notice for " + record.message().eventType());
                }
                // Joins the relay's transaction (PostgreSQL): the notice is queued with this outcome.
                return DeliveryResult.ok("notice queued as " + enqueue(notice.get()));
            }
            Notification n;
            try {
                n = NotificationCodec.fromJson(record.message().payload());
            } catch (IllegalArgumentException e) {
                return DeliveryResult.permanent(e.getMessage());
            }
            if (!n.tenant().equals(record.message().tenant())) {
                return DeliveryResult.permanent("tenant of the payload differs from the outbox record's");
            }
            boolean added = store.add(n);
            return DeliveryResult.ok(added ? "queued " + n.id() : "duplicate of source event " + n.sourceEventId());
        }
    }

    /** Configures the service; every setter checks its value at once. */
    public static final class Builder {
        private final Clock clock;
        private final Outbox outbox;
        private @Nullable IdGenerator ids;
        private NotificationStore store = NotificationStore.inMemory();
        private NotificationPreferenceStore preferences = NotificationPreferenceStore.inMemory();
        private NotificationTemplates templates = NotificationTemplates.defaults();
        private final Map<NotificationChannel, ChannelSender> senders = new EnumMap<>(NotificationChannel.class);
        private RetryPolicy retry =
                new RetryPolicy(3, java.time.Duration.ofMinutes(1), java.time.Duration.ofMinutes(30));
        private AppointmentStatusLookup appointments = AppointmentStatusLookup.none();
        private RandomGenerator random = RandomGenerator.getDefault();
        private int batchSize = 50;
        private @Nullable RequestStore requestStore;
        private @Nullable RequestNotices requestNotices;
        private @Nullable UsagerStore usagers;
        private Function<TenantId, @Nullable CommuneDefaults> communeDefaults = tenant -> null;
        private boolean strictRendering;

        private Builder(Clock clock, Outbox outbox) {
            this.clock = Objects.requireNonNull(clock, "clock");
            this.outbox = Objects.requireNonNull(outbox, "outbox");
        }

        /**
         * The id generator; one on the clock unless set.
         *
         * @param ids the generator
         * @return this builder
         */
        public Builder ids(IdGenerator ids) {
            this.ids = Objects.requireNonNull(ids, "ids");
            return this;
        }

        /**
         * Where notifications are kept; in memory unless set.
         *
         * @param store the store
         * @return this builder
         */
        public Builder store(NotificationStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Where the usagers' preferences are; in memory unless set.
         *
         * @param preferences the store
         * @return this builder
         */
        public Builder preferences(NotificationPreferenceStore preferences) {
            this.preferences = Objects.requireNonNull(preferences, "preferences");
            return this;
        }

        /**
         * The templates in force; the French defaults unless set.
         *
         * @param templates the templates
         * @return this builder
         */
        public Builder templates(NotificationTemplates templates) {
            this.templates = Objects.requireNonNull(templates, "templates");
            return this;
        }

        /**
         * Adds (or replaces) the sender of its channel.
         *
         * @param sender the sender
         * @return this builder
         */
        public Builder sender(ChannelSender sender) {
            senders.put(Objects.requireNonNull(sender, "sender").channel(), sender);
            return this;
        }

        /**
         * Attempts per channel before falling back to the next one, and the delays between them.
         *
         * @param retry the policy
         * @return this builder
         */
        public Builder retryPerChannel(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        /**
         * Where reminders are checked right before sending; the notices alone unless set.
         *
         * @param lookup the lookup
         * @return this builder
         */
        public Builder appointmentStatus(AppointmentStatusLookup lookup) {
            this.appointments = Objects.requireNonNull(lookup, "lookup");
            return this;
        }

        /**
         * The randomness of the retries' jitter.
         *
         * @param random the source
         * @return this builder
         */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * How many due notifications one pass handles.
         *
         * @param batchSize from 1 to 1000
         * @return this builder
         * @throws ValidationException naming {@code notifications.batchSize} when out of range
         */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1 || batchSize > 1000) {
                throw new ValidationException("notifications.batchSize", batchSize, "must be between 1 and 1000");
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Also notify the applicant of the request events the outbox carries (submitted, complement
         * requested, decided, agent message), read with the request from the store.
         *
         * @param store the request store
         * @param notices the mapping of request events to notices
         * @return this builder
         */
        public Builder requestEvents(RequestStore store, RequestNotices notices) {
            this.requestStore = Objects.requireNonNull(store, "store");
            this.requestNotices = Objects.requireNonNull(notices, "notices");
            return this;
        }

        /**
         * Where usagers are known: their name fills {@code {{usagerName}}} (the greeting), and for an usager
         * without stored preferences, their {@link org.opengru.core.usager.Contact} (channels, addresses,
         * consent) gives them, instead of the in-app inbox only.
         *
         * @param usagers the usager store
         * @return this builder
         */
        public Builder usagers(UsagerStore usagers) {
            this.usagers = Objects.requireNonNull(usagers, "usagers");
            return this;
        }

        /**
         * Each commune's defaults ({@code null} for a tenant without): its name for the notices that give
         * none, the SMS quiet hours of preferences derived from contact details, the reply hint.
         *
         * @param defaults each tenant's defaults, or {@code null} for none
         * @return this builder
         */
        public Builder communeDefaults(Function<TenantId, @Nullable CommuneDefaults> defaults) {
            this.communeDefaults = Objects.requireNonNull(defaults, "defaults");
            return this;
        }

        /**
         * The same defaults for every tenant (an installation for one commune).
         *
         * @param defaults the defaults
         * @return this builder
         */
        public Builder communeDefaults(CommuneDefaults defaults) {
            Objects.requireNonNull(defaults, "defaults");
            return communeDefaults(tenant -> defaults);
        }

        /**
         * Refuses, at {@link #enqueue}, a notice that leaves any placeholder of its template without a value,
         * the optional ones included ({@link NotificationTemplates#renderStrictly}). For tests: the one that
         * renders each producer's notices this way catches a value the producer forgot, where a lenient
         * rendering would close the gap up in the resident's message.
         *
         * @return this builder
         */
        public Builder strictRendering() {
            this.strictRendering = true;
            return this;
        }

        /**
         * Makes the service.
         *
         * @return the service
         */
        public NotificationService build() {
            return new NotificationService(this);
        }
    }

    /**
     * The channels a notification went through, for display.
     *
     * @param n the notification
     * @return the channels, in order
     */
    public static List<NotificationChannel> channelsTried(Notification n) {
        List<NotificationChannel> out = new ArrayList<>();
        for (DeliveryAttempt a : n.attempts()) {
            if (!out.contains(a.channel())) {
                out.add(a.channel());
            }
        }
        return out;
    }
}
