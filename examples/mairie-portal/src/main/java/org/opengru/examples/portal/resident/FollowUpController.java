package org.opengru.examples.portal.resident;

import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.opengru.core.changes.UsagerChanges;
import org.opengru.core.id.RequestId;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.examples.portal.signin.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live follow-up of a resident's requests: a Server-Sent Events stream that sends the state whenever
 * it changes, and the same state as JSON for the script's polling fallback. Each stream asks gru-core's
 * change feed ({@link UsagerChanges}: one indexed query on the request event log) every {@code
 * portal.follow-up.interval}, and rereads the requests only when it reports a change (no in-JVM event bus:
 * a change made through another node is seen the same way). A stream ends after {@code
 * portal.follow-up.stream-lifetime}: the browser reconnects, which checks the sign-in again and sends the
 * whole state afresh.
 *
 * <p>When the portal stops, the open streams end first ({@link SmartLifecycle}, stopped before the web
 * server's graceful shutdown, which would otherwise wait for them until its timeout): the browsers
 * reconnect to a node that runs.
 */
@RestController
class FollowUpController implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FollowUpController.class);

    private final FollowUp followUp;
    private final UsagerChanges changes;
    private final Duration interval;
    private final Duration lifetime;
    private final ScheduledExecutorService polls = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "portal-follow-up");
        t.setDaemon(true);
        return t;
    });
    /** The open streams, each with what ends it. */
    private final Map<SseEmitter, Runnable> open = new ConcurrentHashMap<>();

    private volatile boolean running;

    FollowUpController(
            FollowUp followUp,
            UsagerChanges changes,
            @Value("${portal.follow-up.interval:PT3S}") Duration interval,
            @Value("${portal.follow-up.stream-lifetime:PT2M}") Duration lifetime) {
        this.followUp = followUp;
        this.changes = changes;
        this.interval = interval;
        this.lifetime = lifetime;
    }

    /** The state now, for the polling fallback. */
    @GetMapping(path = "/mon-espace/suivi/etat", produces = MediaType.APPLICATION_JSON_VALUE)
    FollowUp.State state(
            @RequestParam(name = "demande", required = false) @Nullable String request,
            HttpSession session,
            HttpServletResponse response) {
        UsagerPrincipal me = CurrentUser.resident(session).usager();
        response.setHeader("Cache-Control", "no-store");
        return followUp.of(me, request == null ? null : RequestId.parse(request));
    }

    /** The state at once, then each time it changes, until the stream's lifetime ends. */
    @GetMapping(path = "/mon-espace/suivi", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(
            @RequestParam(name = "demande", required = false) @Nullable String request,
            HttpSession session,
            HttpServletResponse response) {
        UsagerPrincipal me = CurrentUser.resident(session).usager();
        RequestId only = request == null ? null : RequestId.parse(request);
        // The follower first, then the state: a change made in between is reported at the first tick.
        UsagerChanges.Follower follower = changes.follow(me);
        // Access is checked now, on the request thread: a request not theirs is refused before streaming.
        FollowUp.State first = followUp.of(me, only);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no");
        SseEmitter emitter = new SseEmitter(lifetime.toMillis());
        AtomicReference<String> sent = new AtomicReference<>();
        AtomicReference<@Nullable ScheduledFuture<?>> task = new AtomicReference<>();
        Runnable stop = () -> {
            ScheduledFuture<?> t = task.get();
            if (t != null) {
                t.cancel(false);
            }
        };
        emitter.onTimeout(() -> {
            stop.run();
            emitter.complete();
        });
        emitter.onError(e -> stop.run());
        send(emitter, first, sent, stop);
        if (!running) {
            // Stopping: the state once, and the browser reconnects (to a node that runs).
            emitter.complete();
            return emitter;
        }
        open.put(emitter, stop);
        emitter.onCompletion(() -> {
            stop.run();
            open.remove(emitter);
        });
        task.set(polls.scheduleWithFixedDelay(
                () -> {
                    try {
                        // One query of the change feed; the requests are read again only on a change.
                        UsagerChanges.Batch batch = follower.next();
                        if (batch.more()
                                || batch.changes().stream()
                                        .anyMatch(
                                                c -> only == null || c.request().equals(only))) {
                            send(emitter, followUp.of(me, only), sent, stop);
                        }
                    } catch (RuntimeException e) {
                        // The request went (purged, withdrawn from view) or the database is away: end the
                        // stream; the browser reconnects and the page says what it can.
                        log.info("Follow-up stream ended: {}", e.toString());
                        stop.run();
                        emitter.complete();
                    }
                },
                interval.toMillis(),
                interval.toMillis(),
                TimeUnit.MILLISECONDS));
        return emitter;
    }

    private static void send(SseEmitter emitter, FollowUp.State state, AtomicReference<String> sent, Runnable stop) {
        if (state.token().equals(sent.get())) {
            return;
        }
        try {
            emitter.send(SseEmitter.event()
                    .name("etat")
                    .id(state.token())
                    .reconnectTime(3000)
                    .data(state, MediaType.APPLICATION_JSON));
            sent.set(state.token());
        } catch (IOException | IllegalStateException e) {
            // The browser left: nothing more to send.
            stop.run();
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every open stream: the browsers reconnect, to another node or once this one is back. */
    @Override
    public void stop() {
        running = false;
        for (Map.Entry<SseEmitter, Runnable> stream : List.copyOf(open.entrySet())) {
            stream.getValue().run();
            stream.getKey().complete();
            open.remove(stream.getKey());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @PreDestroy
    void shutdown() {
        polls.shutdownNow();
    }
}
