package org.opengru.reports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.opengru.core.catalogue.FieldDefinition;
import org.opengru.core.catalogue.geocoding.AddressGeocoder;
import org.opengru.core.catalogue.geocoding.AddressQuery;
import org.opengru.core.catalogue.geocoding.GeocoderUnavailableException;
import org.opengru.core.catalogue.geocoding.GeocodingResult;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.error.ConcurrentUpdateException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.error.Violation;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.TeamId;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.tenancy.TenantId;
import org.opengru.documents.storage.BlobKey;
import org.opengru.documents.storage.BlobStore;
import org.opengru.documents.storage.BlobUpload;
import org.opengru.reports.photo.PhotoProcessor;
import org.opengru.reports.photo.ProcessedPhoto;

/**
 * Signalements, from the resident's report to the agents' work and the public page. Thread-safe;
 * instance-scoped (several communes, each with its {@link ReportSettings}).
 *
 * <p>Every refusal comes before anything is written: a {@link ValidationException} whose violations carry
 * a {@link ReportRefusal} code and French sentence, or a {@link TooManyReportsException}. A change and the
 * notices it sends to the reporters are made in one transaction of the store ({@link
 * ReportStore#inTransaction}): with the PostgreSQL store built on the same {@code JdbcTransactions} as
 * gru-core's notifications, a status change is never stored without its notices, nor the notices queued
 * for a change that was not stored.
 */
public final class ReportService {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final double METRES_PER_DEGREE = 111_320;
    private static final int PURGE_BATCH = 500;
    /** As the ADDRESS field's default: below it, the Base Adresse Nationale is guessing. */
    private static final double MIN_SCORE = FieldDefinition.DEFAULT_MIN_SCORE.doubleValue();
    /** A "+1" races other "+1" on a popular report: it is read and written again this many times. */
    private static final int SUPPORT_ATTEMPTS = 10;

    private final Clock clock;
    private final IdGenerator ids;
    private final ReportStore store;
    private final BlobStore blobs;
    private final ReportNotifier notifier;
    private final FollowerMailer mailer;
    private final FloodGuard floodGuard;
    private final PhotoProcessor photos;
    private final @Nullable AddressGeocoder geocoder;
    private final SecureRandom random;
    private final Map<TenantId, ReportSettings> settings;

    private ReportService(Builder b) {
        this.clock = b.clock;
        this.ids = IdGenerator.create(b.clock);
        this.store = b.store;
        this.blobs = b.blobs;
        this.notifier = b.notifier;
        this.mailer = b.mailer;
        this.floodGuard = b.floodGuard;
        this.photos = b.photos;
        this.geocoder = b.geocoder;
        this.random = b.random;
        this.settings = new ConcurrentHashMap<>(b.settings);
    }

    /**
     * Starts the service; add each commune's {@link ReportSettings}.
     *
     * @param clock the installation's clock
     * @param store where reports are kept
     * @param blobs where photos are kept (stripped of their metadata)
     * @param notifier tells reporters of changes
     * @param mailer sends the verification links to reporters without an account
     * @return the builder
     */
    public static Builder builder(
            Clock clock, ReportStore store, BlobStore blobs, ReportNotifier notifier, FollowerMailer mailer) {
        return new Builder(clock, store, blobs, notifier, mailer);
    }

    /**
     * The commune's settings.
     *
     * @param tenant the collectivité
     * @return its settings
     * @throws NotFoundException when the collectivité has no settings
     */
    public ReportSettings settings(TenantId tenant) {
        ReportSettings s = settings.get(tenant);
        if (s == null) {
            throw new ValidationException("tenant", tenant, "has no signalement settings");
        }
        return s;
    }

    // ---- Before filing: where, and is it already reported?

    /**
     * The photo's EXIF position, to suggest as the report's location: empty when it has none or when it
     * lies outside the commune.
     *
     * @param tenant the collectivité
     * @param photo the photo as uploaded
     * @return the position, or empty
     */
    public Optional<GeoPoint> suggestLocation(TenantId tenant, byte[] photo) {
        ReportSettings s = settings(tenant);
        return photos.position(photo).filter(p -> s.commune().contains(p));
    }

    /**
     * The point of an address typed by the resident (the keyboard alternative to the map), through the
     * geocoder; refused with a French reason when not found, outside the commune, or the geocoder is down.
     *
     * @param tenant the collectivité
     * @param address the address as typed
     * @return the point
     * @throws ValidationException with {@link ReportRefusal#ADDRESS_NOT_FOUND}, {@link ReportRefusal#OUTSIDE_COMMUNE}
     *     or
     *     {@link ReportRefusal#GEOCODER_UNAVAILABLE}
     */
    public GeoPoint locate(TenantId tenant, String address) {
        ReportSettings s = settings(tenant);
        List<Violation> violations = new ArrayList<>();
        GeoPoint p = geocode(s, "address", address, violations);
        if (p == null) {
            throw new ValidationException(violations);
        }
        return p;
    }

    /**
     * The open reports of the category within the commune's duplicate radius of the point, nearest first:
     * what the portal proposes as "déjà signalé : +1" before filing.
     *
     * @param tenant the collectivité
     * @param category the category's code
     * @param point where the resident is about to report
     * @return the nearby open reports, possibly none
     */
    public List<NearbyReport> nearby(TenantId tenant, String category, GeoPoint point) {
        ReportSettings s = settings(tenant);
        if (s.category(category).isEmpty()) {
            throw ReportRefusal.CATEGORY_UNKNOWN.refuse("category", category, "is not a category of the commune");
        }
        double radius = s.duplicateRadiusMetres();
        double dLat = radius / METRES_PER_DEGREE;
        double dLon = radius / (METRES_PER_DEGREE * Math.max(0.01, Math.cos(Math.toRadians(point.lat()))));
        List<NearbyReport> out = new ArrayList<>();
        for (Report r : store.openInBox(
                tenant, category, point.lat() - dLat, point.lon() - dLon, point.lat() + dLat, point.lon() + dLon)) {
            double d = r.location().distanceMetres(point);
            if (d <= radius && r.category().equals(category) && r.status().open()) {
                out.add(new NearbyReport(
                        r.id(), r.category(), r.status(), d, r.zone(), day(receivedAt(r)), supporters(r)));
            }
        }
        out.sort(Comparator.comparingDouble(NearbyReport::distanceMetres));
        return out;
    }

    // ---- Filing

    /**
     * Checks and files a report. A resident's is filed at once ({@link ReportStatus#RECEIVED}, routed,
     * its author told); an anonymous one waits for its e-mail's verification, sent now.
     *
     * @throws TooManyReportsException when the origin has sent too many
     * @throws ValidationException naming every refused part, with French reasons; nothing stored
     * @param draft what the resident sent
     * @return the report, filed or awaiting verification, and the photo's position if it had one
     */
    public Filing file(ReportDraft draft) {
        Objects.requireNonNull(draft, "draft");
        if (!floodGuard.tryAcquire(draft.tenant(), draft.origin())) {
            throw new TooManyReportsException(draft.origin());
        }
        ReportSettings s = settings(draft.tenant());
        List<Violation> violations = new ArrayList<>();
        if (draft.reporter() instanceof Reporter.Anonymous && !s.anonymousAllowed()) {
            violations.add(ReportRefusal.ANONYMOUS_NOT_ALLOWED.violation(
                    "reporter", "anonymous", "the commune takes reports from signed-in residents only"));
        }
        String category = draft.category() == null ? "" : draft.category().strip();
        if (s.category(category).isEmpty()) {
            violations.add(ReportRefusal.CATEGORY_UNKNOWN.violation(
                    "category", draft.category(), "is not a category of the commune"));
        }
        String description =
                draft.description() == null ? "" : draft.description().strip();
        if (description.isEmpty()) {
            violations.add(ReportRefusal.DESCRIPTION_MISSING.violation("description", "", "is required"));
        } else if (description.length() > s.maxDescription()) {
            violations.add(ReportRefusal.DESCRIPTION_TOO_LONG.violation(
                    "description", description.length() + " characters", "is over " + s.maxDescription()));
        }
        GeoPoint location = null;
        String address = null;
        if (draft.point() != null) {
            location = inside(s, "location", draft.point(), violations);
        } else if (draft.address() != null && !draft.address().isBlank()) {
            location = geocode(s, "address", draft.address(), violations);
            address = location == null ? null : draft.address().strip();
        } else {
            violations.add(ReportRefusal.LOCATION_MISSING.violation("location", null, "needs a point or an address"));
        }
        if (draft.photos().size() > s.maxPhotos()) {
            violations.add(ReportRefusal.TOO_MANY_PHOTOS.violation(
                    "photos", draft.photos().size(), "is over " + s.maxPhotos()));
        }
        List<ProcessedPhoto> processed = new ArrayList<>();
        for (int i = 0; i < draft.photos().size() && i < s.maxPhotos(); i++) {
            try {
                processed.add(photos.process("photos[" + i + "]", draft.photos().get(i)));
            } catch (ValidationException e) {
                violations.addAll(e.violations());
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        Objects.requireNonNull(location);

        Instant now = clock.instant();
        String zone = s.zoneOf(location).map(Zone::id).orElse(null);
        List<ReportPhoto> stored = store(processed);
        String token = null;
        Follower author;
        ReportStatus status;
        List<ReportChange> history = new ArrayList<>();
        if (draft.reporter() instanceof Reporter.Anonymous a) {
            token = token();
            author = new Follower(a, now, false, hash(token), now.plus(s.verificationValidity()));
            status = ReportStatus.AWAITING_VERIFICATION;
            history.add(new ReportChange(now, null, status, "reporter"));
        } else {
            author = Follower.resident((Reporter.Resident) draft.reporter(), now);
            status = ReportStatus.RECEIVED;
            history.add(new ReportChange(now, null, status, "reporter"));
        }
        Report report = new Report(
                draft.tenant(),
                new ReportId(ids.nextUuid()),
                category,
                location,
                address,
                zone,
                description,
                stored,
                status,
                s.route(category, zone),
                List.of(author),
                history,
                now,
                status == ReportStatus.RECEIVED ? now : null,
                null,
                null,
                0);
        boolean verifying = token != null;
        try {
            store.inTransaction(() -> {
                store.insert(report);
                if (!verifying) {
                    tell(report, List.of(author), report.status(), null);
                }
                return report;
            });
        } catch (RuntimeException e) {
            stored.forEach(p -> blobs.delete(p.blob()));
            throw e;
        }
        if (token != null) {
            Reporter.Anonymous a = (Reporter.Anonymous) draft.reporter();
            mailer.sendVerification(report.tenant(), a.email(), report.id(), token, author.tokenExpiresAt());
        }
        GeoPoint suggested = processed.stream()
                .map(ProcessedPhoto::exifPosition)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        return new Filing(report, suggested);
    }

    /**
     * Follows a verification link: the e-mail is verified, and an anonymous report waiting for it is
     * filed (reçu, routed). Refused with a French reason when the link is unknown or expired.
     *
     * @param tenant the collectivité
     * @param token the link's secret
     * @return the report the address follows
     * @throws ValidationException with {@link ReportRefusal#TOKEN_INVALID} or {@link ReportRefusal#TOKEN_EXPIRED}
     */
    public Report verify(TenantId tenant, String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw ReportRefusal.TOKEN_INVALID.refuse("token", null, "is not a verification token");
        }
        String hash = hash(token.strip());
        Report r = store.findByTokenHash(tenant, hash)
                .orElseThrow(() -> ReportRefusal.TOKEN_INVALID.refuse("token", null, "matches no follower"));
        Instant now = clock.instant();
        List<Follower> followers = new ArrayList<>();
        Follower verified = null;
        for (Follower f : r.followers()) {
            if (hash.equals(f.tokenHash())) {
                if (Objects.requireNonNull(f.tokenExpiresAt()).isBefore(now)) {
                    throw ReportRefusal.TOKEN_EXPIRED.refuse("token", null, "expired at " + f.tokenExpiresAt());
                }
                verified = f.verify();
                followers.add(verified);
            } else {
                followers.add(f);
            }
        }
        Report updated = r.withFollowers(followers);
        if (updated.status() == ReportStatus.AWAITING_VERIFICATION) {
            updated = moved(updated, ReportStatus.RECEIVED, now, "reporter");
        }
        Report toSave = updated;
        Follower told = Objects.requireNonNull(verified);
        return store.inTransaction(() -> {
            Report saved = save(toSave);
            if (r.status() == ReportStatus.AWAITING_VERIFICATION) {
                tell(saved, List.of(told), saved.status(), null);
            }
            return saved;
        });
    }

    /**
     * "Déjà signalé : +1": the reporter follows an open report and is told of its changes. Idempotent for
     * one reporter; an e-mail follower is told only once the link sent now is followed. Several "+1" at
     * once on one report (or on several nodes) all land: one that lost the race is read and tried again.
     *
     * @param tenant the collectivité
     * @param id the report
     * @param reporter who supports it
     * @param origin the client's address, for the flood guard
     * @return the report with its new follower
     * @throws TooManyReportsException when the origin has sent too many
     * @throws ValidationException with {@link ReportRefusal#REPORT_CLOSED} when the report is not open, or
     *     {@link ReportRefusal#ANONYMOUS_NOT_ALLOWED}
     * @throws NotFoundException when the report is not filed in the collectivité
     */
    public Report support(TenantId tenant, ReportId id, Reporter reporter, String origin) {
        if (!floodGuard.tryAcquire(tenant, origin)) {
            throw new TooManyReportsException(origin);
        }
        ReportSettings s = settings(tenant);
        if (reporter instanceof Reporter.Anonymous && !s.anonymousAllowed()) {
            throw ReportRefusal.ANONYMOUS_NOT_ALLOWED.refuse("reporter", "anonymous", "signed-in residents only");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return join(s, filed(tenant, id), reporter);
            } catch (ConcurrentUpdateException e) {
                if (attempt == SUPPORT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Report join(ReportSettings s, Report r, Reporter reporter) {
        if (!r.status().open()) {
            throw ReportRefusal.REPORT_CLOSED.refuse("report", r.id(), "is " + r.status());
        }
        if (r.followers().stream().anyMatch(f -> f.reporter().equals(reporter))) {
            return r;
        }
        Instant now = clock.instant();
        List<Follower> followers = new ArrayList<>(r.followers());
        String token = null;
        Follower joined;
        if (reporter instanceof Reporter.Anonymous a) {
            token = token();
            joined = new Follower(a, now, false, hash(token), now.plus(s.verificationValidity()));
        } else {
            joined = Follower.resident((Reporter.Resident) reporter, now);
        }
        followers.add(joined);
        Report updated = save(r.withFollowers(followers));
        if (token != null) {
            mailer.sendVerification(
                    r.tenant(), ((Reporter.Anonymous) reporter).email(), r.id(), token, joined.tokenExpiresAt());
        }
        return updated;
    }

    // ---- Agents

    /**
     * The agents' list, filtered by category, status and zone: only the reports routed to one of the
     * agent's teams (the query's own teams, if any, narrowed to those). A query of another collectivité is
     * an {@link AccessDeniedException}.
     *
     * @param agent the agent
     * @param query the criteria
     * @return the reports, newest first
     */
    public List<Report> list(AgentPrincipal agent, ReportQuery query) {
        Objects.requireNonNull(agent, "agent");
        if (!query.tenant().equals(agent.tenant())) {
            throw new AccessDeniedException(
                    agent.toString(),
                    "list the reports of",
                    "collectivité",
                    query.tenant().value());
        }
        Set<TeamId> teams = new HashSet<>(agent.teams());
        if (query.teams() != null) {
            teams.retainAll(query.teams());
        }
        return store.list(query.teams(teams));
    }

    /**
     * A filed report routed to one of the agent's teams.
     *
     * @param agent the agent
     * @param id the report
     * @return the report
     * @throws NotFoundException when it is not filed in the agent's collectivité
     * @throws AccessDeniedException when it is routed to none of the agent's teams
     */
    public Report report(AgentPrincipal agent, ReportId id) {
        return ofTeams(agent, id, "read");
    }

    /**
     * Moves one report, tells every reporter.
     *
     * @param agent the agent
     * @param id the report
     * @param to the new status
     * @return the report moved
     * @throws NotFoundException when it is not filed in the agent's collectivité
     * @throws AccessDeniedException when it is routed to none of the agent's teams
     * @throws org.opengru.core.error.IllegalTransitionException when {@link ReportTransition} has no such move
     */
    public Report changeStatus(AgentPrincipal agent, ReportId id, ReportStatus to) {
        return changeStatus(agent, List.of(id), to).get(0);
    }

    /**
     * Moves several reports to one status. Every report is checked first: one not routed to the agent's
     * teams ({@link AccessDeniedException}), not found, or whose move the table does not allow refuses the
     * whole batch, nothing changed. Each report is then written over the version read, and its reporters told,
     * all in one transaction of the store: a concurrent change of one report ({@link
     * org.opengru.core.error.ConcurrentUpdateException} naming it) or a notice that cannot be queued undoes
     * the whole batch with the PostgreSQL store.
     *
     * @param agent the agent
     * @param reports the reports
     * @param to the new status
     * @return the reports moved, in the order given
     */
    public List<Report> changeStatus(AgentPrincipal agent, List<ReportId> reports, ReportStatus to) {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(to, "to");
        if (reports.isEmpty()
                || reports.size() > 500
                || reports.stream().distinct().count() != reports.size()) {
            throw new ValidationException("reports", reports.size(), "must be 1 to 500 distinct reports");
        }
        List<Report> read = new ArrayList<>();
        for (ReportId id : reports) {
            read.add(ofTeams(agent, id, "change the status of"));
        }
        for (Report r : read) {
            ReportTransition.require(r.id(), r.status(), to, ReportTransition.Actor.AGENT);
        }
        Instant now = clock.instant();
        return store.inTransaction(() -> {
            List<Report> out = new ArrayList<>();
            for (Report r : read) {
                Report moved = save(moved(r, to, now, "agent:" + agent.agent().value()));
                tell(moved, moved.followers(), to, null);
                out.add(moved);
            }
            return out;
        });
    }

    /**
     * Merges a duplicate into the report it duplicates: the duplicate is rejected and marked merged, its
     * followers follow the target from now on and are told so. Both must be open and routed to the agent's
     * teams ({@link AccessDeniedException} otherwise, nothing changed).
     *
     * @param agent the agent
     * @param duplicate the report to close
     * @param into the report kept
     * @return the report kept, with the duplicate's followers
     */
    public Report merge(AgentPrincipal agent, ReportId duplicate, ReportId into) {
        Objects.requireNonNull(agent, "agent");
        if (duplicate.equals(into)) {
            throw new ValidationException("into", into, "must differ from the duplicate");
        }
        Report dup = ofTeams(agent, duplicate, "merge");
        Report target = ofTeams(agent, into, "merge into");
        if (!target.status().open()) {
            throw ReportRefusal.REPORT_CLOSED.refuse("into", into, "is " + target.status());
        }
        ReportTransition.require(duplicate, dup.status(), ReportStatus.REJECTED, ReportTransition.Actor.AGENT);
        Instant now = clock.instant();
        List<Follower> joined = new ArrayList<>(target.followers());
        List<Follower> moved = new ArrayList<>();
        for (Follower f : dup.followers()) {
            if (target.followers().stream().noneMatch(t -> t.reporter().equals(f.reporter()))) {
                joined.add(f);
                moved.add(f);
            }
        }
        Report closed = moved(
                        dup,
                        ReportStatus.REJECTED,
                        now,
                        "agent:" + agent.agent().value())
                .mergedInto(into);
        Report grown = target.withFollowers(joined);
        // One transaction with the PostgreSQL store. The kept report first: with a store without
        // transactions, should closing the duplicate then fail, its followers follow both rather than neither.
        Report kept = grown;
        return store.inTransaction(() -> {
            Report saved = save(kept);
            save(closed);
            tell(saved, moved, saved.status(), into);
            return saved;
        });
    }

    // ---- Public

    /**
     * The open and resolved reports of the commune, newest first, as the public page and map show them.
     *
     * @param tenant the collectivité
     * @param limit the most reports
     * @return the reports, without personal data
     */
    public List<PublicReport> publicReports(TenantId tenant, int limit) {
        ReportSettings s = settings(tenant);
        List<Report> all = new ArrayList<>();
        for (ReportStatus st : List.of(ReportStatus.RECEIVED, ReportStatus.IN_PROGRESS, ReportStatus.RESOLVED)) {
            all.addAll(store.list(ReportQuery.all(tenant).status(st).limit(limit)));
        }
        all.sort(Comparator.comparing(Report::createdAt).reversed());
        return all.stream().limit(limit).map(r -> publicView(s, r)).toList();
    }

    static PublicReport publicView(ReportSettings s, Report r) {
        Zone z = s.zone(r.zone()).orElse(null);
        return new PublicReport(
                r.id(),
                r.category(),
                s.category(r.category()).map(ReportCategory::label).orElse(r.category()),
                r.zone(),
                z == null ? null : z.name(),
                r.status(),
                r.status().french(),
                Math.round(r.location().lat() * 1e4) / 1e4,
                Math.round(r.location().lon() * 1e4) / 1e4,
                day(receivedAt(r)),
                r.resolvedAt() == null || r.status() != ReportStatus.RESOLVED ? null : day(r.resolvedAt()),
                supporters(r));
    }

    /**
     * Resolved reports with {@code resolvedAt} in {@code [from, to)}, for the open data.
     *
     * @param tenant the collectivité
     * @param from the start, included
     * @param to the end, excluded
     * @return the reports
     */
    public List<Report> resolvedBetween(TenantId tenant, Instant from, Instant to) {
        return store.resolvedBetween(tenant, from, to);
    }

    // ---- RGPD

    /**
     * The purge: reports whose e-mail was never verified are deleted when the link expires, expired
     * unverified "+1" are dropped, and reports closed for longer than the commune keeps them lose their
     * description, address, photos and followers (category, zone, point and dates stay for the open
     * data). Returns how many reports it changed.
     *
     * @param tenant the collectivité
     * @return the number of reports changed
     */
    public int purge(TenantId tenant) {
        ReportSettings s = settings(tenant);
        Instant now = clock.instant();
        int changed = 0;
        for (Report r : store.withExpiredTokens(tenant, now, PURGE_BATCH)) {
            if (r.status() == ReportStatus.AWAITING_VERIFICATION) {
                if (store.delete(tenant, r.id())) {
                    r.photos().forEach(p -> blobs.delete(p.blob()));
                }
            } else {
                save(r.withFollowers(r.followers().stream()
                        .filter(f -> f.tokenExpiresAt() == null
                                || !f.tokenExpiresAt().isBefore(now))
                        .toList()));
            }
            changed++;
        }
        for (Report r : store.closedWithPersonalDataBefore(tenant, now.minus(s.keptAfterClosing()), PURGE_BATCH)) {
            save(r.anonymised());
            r.photos().forEach(p -> blobs.delete(p.blob()));
            changed++;
        }
        return changed;
    }

    /**
     * What the reports hold on a reporter, for the subject-access export (one map per report followed).
     *
     * @param tenant the collectivité
     * @param reporter the resident or the e-mail address
     * @return one map per report
     */
    public List<Map<String, Object>> export(TenantId tenant, Reporter reporter) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Report r : followed(tenant, reporter)) {
            boolean author = r.followers().get(0).reporter().equals(reporter);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("report", r.id().toString());
            m.put("role", author ? "auteur" : "soutien (+1)");
            m.put("category", r.category());
            m.put("status", r.status().french());
            m.put("createdAt", r.createdAt().toString());
            m.put("lat", r.location().lat());
            m.put("lon", r.location().lon());
            if (author) {
                m.put("description", r.description());
                if (r.address() != null) {
                    m.put("address", r.address());
                }
                m.put("photos", r.photos().size());
            }
            out.add(m);
        }
        return out;
    }

    /**
     * Erasure: the reporter stops following every report; the reports they wrote lose their description,
     * address and photos (the problem itself, its place and dates stay for the team). Returns how many
     * reports changed.
     *
     * @param tenant the collectivité
     * @param reporter the resident or the e-mail address
     * @return the number of reports changed
     */
    public int erase(TenantId tenant, Reporter reporter) {
        int changed = 0;
        for (Report r : followed(tenant, reporter)) {
            boolean author = r.followers().get(0).reporter().equals(reporter);
            List<Follower> rest = r.followers().stream()
                    .filter(f -> !f.reporter().equals(reporter))
                    .toList();
            if (author && r.status() == ReportStatus.AWAITING_VERIFICATION) {
                store.delete(tenant, r.id());
            } else if (author) {
                save(r.anonymised().withFollowers(rest));
            } else {
                save(r.withFollowers(rest));
            }
            if (author) {
                r.photos().forEach(p -> blobs.delete(p.blob()));
            }
            changed++;
        }
        return changed;
    }

    private List<Report> followed(TenantId tenant, Reporter reporter) {
        return reporter instanceof Reporter.Resident res
                ? store.followedBy(tenant, res.usager())
                : store.followedBy(tenant, ((Reporter.Anonymous) reporter).email());
    }

    // ---- Internals

    /** Writes the change over the version it was read at; the value written. */
    private Report save(Report changed) {
        Report next = changed.next();
        store.update(next);
        return next;
    }

    private Report filed(TenantId tenant, ReportId id) {
        return store.find(tenant, id)
                .filter(r -> r.status().filed())
                .orElseThrow(() -> new NotFoundException("report", id.toString()));
    }

    /**
     * A filed report the agent may act on: looked up in the agent's collectivité only (another's report is
     * not found there), and routed to one of the agent's teams.
     */
    private Report ofTeams(AgentPrincipal agent, ReportId id, String operation) {
        Report r = filed(agent.tenant(), id);
        if (!agent.memberOf(r.team())) {
            throw new AccessDeniedException(agent.toString(), operation, "report", id.toString());
        }
        return r;
    }

    private static Report moved(Report r, ReportStatus to, Instant at, String actor) {
        ReportTransition.require(
                r.id(),
                r.status(),
                to,
                actor.startsWith("agent:") ? ReportTransition.Actor.AGENT : ReportTransition.Actor.REPORTER);
        return r.moved(to, at, actor);
    }

    /** Tells each verified follower of the report's status. */
    private void tell(Report r, List<Follower> followers, ReportStatus status, @Nullable ReportId mergedInto) {
        var event = ids.newEventId();
        for (Follower f : followers) {
            if (f.verified()) {
                notifier.notify(
                        new ReportNotice(event, r.tenant(), r.id(), f.reporter(), status, clock.instant(), mergedInto));
            }
        }
    }

    private @Nullable GeoPoint inside(ReportSettings s, String field, GeoPoint p, List<Violation> violations) {
        if (!s.commune().contains(p)) {
            violations.add(ReportRefusal.OUTSIDE_COMMUNE.violation(field, p, "is outside the commune"));
            return null;
        }
        return p;
    }

    private @Nullable GeoPoint geocode(ReportSettings s, String field, String address, List<Violation> violations) {
        if (geocoder == null) {
            violations.add(ReportRefusal.GEOCODER_UNAVAILABLE.violation(field, null, "no geocoder configured"));
            return null;
        }
        String text = address == null ? "" : address.strip();
        AddressQuery query;
        try {
            query = new AddressQuery(text, null, 1);
        } catch (ValidationException e) {
            violations.add(ReportRefusal.ADDRESS_NOT_FOUND.violation(field, null, "is not an address query"));
            return null;
        }
        try {
            if (geocoder.geocode(query, MIN_SCORE) instanceof GeocodingResult.Match m) {
                return inside(
                        s, field, new GeoPoint(m.address().lat(), m.address().lon()), violations);
            }
            // Never the address itself in a violation's value: it is personal data and ends in logs.
            violations.add(ReportRefusal.ADDRESS_NOT_FOUND.violation(field, null, "was not found by the geocoder"));
        } catch (GeocoderUnavailableException e) {
            violations.add(ReportRefusal.GEOCODER_UNAVAILABLE.violation(field, null, "geocoder: " + e.reason()));
        }
        return null;
    }

    private List<ReportPhoto> store(List<ProcessedPhoto> processed) {
        List<ReportPhoto> out = new ArrayList<>();
        try {
            for (ProcessedPhoto p : processed) {
                BlobKey key = BlobKey.random(random);
                try (BlobUpload upload = blobs.create(key)) {
                    upload.stream().write(p.bytes());
                    upload.commit();
                }
                out.add(new ReportPhoto(key, p.type().mediaType(), p.bytes().length));
            }
            return out;
        } catch (RuntimeException | java.io.IOException e) {
            out.forEach(p -> blobs.delete(p.blob()));
            throw e instanceof RuntimeException re ? re : new java.io.UncheckedIOException((java.io.IOException) e);
        }
    }

    private String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static Instant receivedAt(Report r) {
        return r.receivedAt() != null ? r.receivedAt() : r.createdAt();
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, PARIS);
    }

    private static int supporters(Report r) {
        return (int) r.followers().stream().filter(Follower::verified).count();
    }

    /** Wires the service; the settings of at least one commune are required. */
    public static final class Builder {
        private final Clock clock;
        private final ReportStore store;
        private final BlobStore blobs;
        private final ReportNotifier notifier;
        private final FollowerMailer mailer;
        private final Map<TenantId, ReportSettings> settings = new LinkedHashMap<>();
        private FloodGuard floodGuard;
        private PhotoProcessor photos = PhotoProcessor.defaults();
        private @Nullable AddressGeocoder geocoder;
        private SecureRandom random = new SecureRandom();

        private Builder(
                Clock clock, ReportStore store, BlobStore blobs, ReportNotifier notifier, FollowerMailer mailer) {
            this.clock = Objects.requireNonNull(clock, "clock");
            this.store = Objects.requireNonNull(store, "store");
            this.blobs = Objects.requireNonNull(blobs, "blobs");
            this.notifier = Objects.requireNonNull(notifier, "notifier");
            this.mailer = Objects.requireNonNull(mailer, "mailer");
            this.floodGuard = FloodGuard.perOrigin(10, java.time.Duration.ofHours(1), clock);
        }

        /**
         * A commune's settings; one per collectivité.
         *
         * @param s the settings
         * @return this builder
         */
        public Builder settings(ReportSettings s) {
            if (settings.putIfAbsent(s.tenant(), s) != null) {
                throw new ValidationException("reports.settings", s.tenant(), "is configured twice");
            }
            return this;
        }

        /**
         * Defaults to 10 reports an hour per origin.
         *
         * @param guard the guard
         * @return this builder
         */
        public Builder floodGuard(FloodGuard guard) {
            this.floodGuard = Objects.requireNonNull(guard, "guard");
            return this;
        }

        /**
         * How photos are checked and stripped ({@link PhotoProcessor#defaults()} unless set).
         *
         * @param processor the processor
         * @return this builder
         */
        public Builder photos(PhotoProcessor processor) {
            this.photos = Objects.requireNonNull(processor, "processor");
            return this;
        }

        /**
         * Geocodes typed addresses (gru-core's {@code BanGeocoder}); without one, a point is required.
         *
         * @param g the geocoder
         * @return this builder
         */
        public Builder geocoder(AddressGeocoder g) {
            this.geocoder = Objects.requireNonNull(g, "geocoder");
            return this;
        }

        /**
         * The source of the verification links' secrets.
         *
         * @param r the random source
         * @return this builder
         */
        public Builder random(SecureRandom r) {
            this.random = Objects.requireNonNull(r, "random");
            return this;
        }

        /**
         * Makes the service.
         *
         * @return the service
         */
        public ReportService build() {
            return new ReportService(this);
        }
    }
}
