package org.opengru.examples.portal.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.opengru.payments.payfip.PayfipSoap;

/**
 * A PayFiP-shaped sandbox on loopback for the demo and the portal's tests: the Régie web service (SOAP
 * {@code creerPaiementSecurise} and {@code recupererDetailPaiementSecurise} at {@code /tpa/services/securite})
 * and a payment page ({@code /tpa/paiementws.web?idop=…}) where the resident pays, has the card refused or
 * gives up. As the DGFiP's guide says, the result is then notified to {@code urlnotif} (PayFiP's server, a
 * POST with {@code idOp}) and the browser sent back to {@code urlredirect}; {@link Notifications} decides
 * the order: before the return, after it, or never (the portal's reconciliation job reads it back).
 * Nothing is trusted from either call: the portal reads every result back here.
 */
public final class PayfipSandbox implements AutoCloseable {

    /** When PayFiP's server notifies, relative to the resident's return. */
    public enum Notifications {
        /** Notified, then the browser returns (PayFiP's usual order). */
        BEFORE_RETURN,
        /** The browser returns first; the notification is held until {@link #deliverHeldNotifications()}. */
        AFTER_RETURN,
        /** Never notified: only the reconciliation job learns the result. */
        NEVER
    }

    /** One operation as PayFiP holds it. */
    public static final class Operation {
        final Map<String, String> created;
        volatile String resultrans = "";
        volatile String numauto = "";
        volatile String dattrans = "";
        volatile String heurtrans = "";

        Operation(Map<String, String> created) {
            this.created = Map.copyOf(created);
        }

        /**
         * A field of the {@code creerPaiementSecurise} call ({@code montant}, {@code refdet}, {@code urlnotif}…).
         *
         * @param name the field
         * @return its value, or {@code null}
         */
        public @Nullable String field(String name) {
            return created.get(name);
        }

        /**
         * The transaction's result: empty while the resident is on the page, then P (paid), R (refused) or A
         * (abandoned).
         *
         * @return the result code
         */
        public String result() {
            return resultrans;
        }
    }

    private static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("ddMMyyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmm");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final HttpServer server;
    private final Clock clock;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "payfip-sandbox-notifications");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger next = new AtomicInteger(1000);
    private final Map<String, Operation> operations = new ConcurrentHashMap<>();
    private final List<String> held = new CopyOnWriteArrayList<>();
    private final List<String> notified = new CopyOnWriteArrayList<>();
    private volatile Notifications notifications = Notifications.BEFORE_RETURN;
    private volatile @Nullable Duration deliverHeldAfter;

    /**
     * Starts the sandbox.
     *
     * @param port the port on loopback, 0 for any free one
     * @param clock the clock of the transactions' date and time
     */
    public PayfipSandbox(int port, Clock clock) {
        this.clock = clock;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/tpa/services/securite", this::soap);
        server.createContext("/tpa/paiementws.web", this::page);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "payfip-sandbox");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /**
     * The Régie web service, for {@code gru.tenants.<id>.payfip.endpoint}.
     *
     * @return its address
     */
    public URI endpoint() {
        return URI.create(base() + "/tpa/services/securite");
    }

    /**
     * The payment page, for {@code gru.tenants.<id>.payfip.payment-page}.
     *
     * @return its address
     */
    public URI paymentPage() {
        return URI.create(base() + "/tpa/paiementws.web");
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * When the next results are notified.
     *
     * @param order before the return, after it, or never
     */
    public void notifications(Notifications order) {
        this.notifications = order;
    }

    /**
     * For the demo: notifications held after the return are sent this long after it, by themselves.
     *
     * @param delay the delay, {@code null} to hold them until {@link #deliverHeldNotifications()}
     */
    public void deliverHeldAfter(@Nullable Duration delay) {
        this.deliverHeldAfter = delay;
    }

    /**
     * Sends the notifications held since the return ({@link Notifications#AFTER_RETURN}).
     *
     * @return the operations notified
     */
    public List<String> deliverHeldNotifications() {
        List<String> sent = new ArrayList<>();
        for (String idOp : List.copyOf(held)) {
            held.remove(idOp);
            notify(idOp);
            sent.add(idOp);
        }
        return sent;
    }

    /**
     * An operation created by the portal.
     *
     * @param idOp its id
     * @return the operation, or {@code null}
     */
    public @Nullable Operation operation(String idOp) {
        return operations.get(idOp);
    }

    /**
     * The operations created, oldest first.
     *
     * @return their ids
     */
    public List<String> operations() {
        return operations.keySet().stream()
                .sorted((a, b) -> Integer.compare(number(a), number(b)))
                .toList();
    }

    /**
     * The operations notified so far, in order (an operation twice if notified twice).
     *
     * @return their ids
     */
    public List<String> notified() {
        return List.copyOf(notified);
    }

    private static int number(String idOp) {
        return Integer.parseInt(idOp.replaceAll("\\D", ""));
    }

    private void soap(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            String operation;
            Map<String, String> fields;
            try {
                operation = PayfipSoap.requestOperation(body);
                fields = PayfipSoap.requestFields(body);
            } catch (RuntimeException e) {
                fault(ex, "soap:Client", "P1", "requête illisible");
                return;
            }
            switch (operation) {
                case "creerPaiementSecurise" -> {
                    String idOp = "sandbox" + next.incrementAndGet();
                    operations.put(idOp, new Operation(fields));
                    answer(
                            ex,
                            200,
                            "<ns2:creerPaiementSecuriseResponse xmlns:ns2=\"" + PayfipSoap.NAMESPACE
                                    + "\"><return><idOp>" + idOp
                                    + "</idOp></return></ns2:creerPaiementSecuriseResponse>");
                }
                case "recupererDetailPaiementSecurise" -> {
                    Operation op = operations.get(String.valueOf(fields.get("idOp")));
                    if (op == null) {
                        fault(ex, "soap:Server", "P5", "idOp inconnu");
                        return;
                    }
                    Map<String, String> c = op.created;
                    answer(
                            ex,
                            200,
                            "<ns2:recupererDetailPaiementSecuriseResponse xmlns:ns2=\"" + PayfipSoap.NAMESPACE
                                    + "\"><return>"
                                    + "<dattrans>" + op.dattrans + "</dattrans><exer>" + xml(c.get("exer")) + "</exer>"
                                    + "<heurtrans>" + op.heurtrans + "</heurtrans><idOp>" + xml(fields.get("idOp"))
                                    + "</idOp><mel>" + xml(c.get("mel")) + "</mel><montant>" + xml(c.get("montant"))
                                    + "</montant><numauto>" + op.numauto + "</numauto><numcli>" + xml(c.get("numcli"))
                                    + "</numcli><objet>" + xml(c.get("objet")) + "</objet><refdet>"
                                    + xml(c.get("refdet")) + "</refdet><resultrans>" + op.resultrans
                                    + "</resultrans><saisie>" + xml(c.get("saisie"))
                                    + "</saisie></return></ns2:recupererDetailPaiementSecuriseResponse>");
                }
                default -> fault(ex, "soap:Client", "P1", "opération inconnue");
            }
        }
    }

    /** The payment page: GET shows the operation, POST records the resident's choice and sends them back. */
    private void page(HttpExchange ex) throws IOException {
        try (ex) {
            Map<String, String> params =
                    new LinkedHashMap<>(query(ex.getRequestURI().getRawQuery()));
            if (ex.getRequestMethod().equals("POST")) {
                params.putAll(query(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            }
            String idOp = params.getOrDefault("idop", "");
            Operation op = operations.get(idOp);
            if (op == null) {
                html(ex, 404, "Paiement introuvable", "<p>Ce paiement n'existe pas ou n'est plus valable.</p>");
                return;
            }
            if (ex.getRequestMethod().equals("POST")) {
                if (!op.resultrans.isEmpty()) {
                    html(ex, 409, "Paiement déjà traité", "<p>Ce paiement a déjà été traité.</p>");
                    return;
                }
                String choice = params.getOrDefault("choix", "");
                switch (choice) {
                    case "payer" -> settle(op, "P");
                    case "refuser" -> settle(op, "R");
                    case "abandonner" -> settle(op, "A");
                    default -> {
                        html(ex, 400, "Choix manquant", "<p>Choisissez une action.</p>");
                        return;
                    }
                }
                Notifications order = notifications;
                if (order == Notifications.BEFORE_RETURN) {
                    notify(idOp);
                } else if (order == Notifications.AFTER_RETURN) {
                    held.add(idOp);
                    Duration delay = deliverHeldAfter;
                    if (delay != null) {
                        later.schedule(this::deliverHeldNotifications, delay.toMillis(), TimeUnit.MILLISECONDS);
                    }
                }
                String back = op.created.get("urlredirect");
                ex.getResponseHeaders()
                        .set(
                                "Location",
                                back + (back.contains("?") ? "&" : "?") + "idOp="
                                        + URLEncoder.encode(idOp, StandardCharsets.UTF_8));
                ex.sendResponseHeaders(303, -1);
                return;
            }
            long cents = Long.parseLong(op.created.getOrDefault("montant", "0"));
            String amount = String.format(java.util.Locale.FRANCE, "%d,%02d €", cents / 100, cents % 100);
            html(
                    ex,
                    200,
                    "Paiement en ligne (bac à sable PayFiP)",
                    "<p>Ceci est un bac à sable : aucune somme n'est prélevée.</p>"
                            + "<dl><dt>Objet</dt><dd>" + xml(op.created.get("objet")) + "</dd>"
                            + "<dt>Montant</dt><dd>" + amount + "</dd>"
                            + "<dt>Référence</dt><dd>" + xml(op.created.get("refdet")) + "</dd></dl>"
                            + "<form method=\"post\"><input type=\"hidden\" name=\"idop\" value=\"" + xml(idOp) + "\">"
                            + "<fieldset><legend>Résultat à simuler</legend>"
                            + "<p><button type=\"submit\" name=\"choix\" value=\"payer\">Payer par carte</button></p>"
                            + "<p><button type=\"submit\" name=\"choix\" value=\"refuser\">Simuler une carte refusée"
                            + "</button></p>"
                            + "<p><button type=\"submit\" name=\"choix\" value=\"abandonner\">Abandonner le paiement"
                            + "</button></p></fieldset></form>");
        }
    }

    private void settle(Operation op, String result) {
        var now = clock.instant().atZone(PARIS);
        op.dattrans = DAY.format(now);
        op.heurtrans = TIME.format(now);
        if (result.equals("P")) {
            op.numauto = "SBX" + (100000 + next.incrementAndGet());
        }
        op.resultrans = result;
    }

    /** PayFiP's server calls urlnotif with the operation id; the answer is not read (PayFiP does not either). */
    private void notify(String idOp) {
        Operation op = operations.get(idOp);
        String url = op == null ? null : op.created.get("urlnotif");
        if (url == null) {
            return;
        }
        notified.add(idOp);
        try {
            http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "idOp=" + URLEncoder.encode(idOp, StandardCharsets.UTF_8)))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // PayFiP gives up too: the reconciliation job reads the result back.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> query(@Nullable String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(
                    URLDecoder.decode(k, StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT),
                    URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void html(HttpExchange ex, int status, String title, String body) throws IOException {
        byte[] bytes = ("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
                        + " – PayFiP</title></head><body><main><h1>" + title + "</h1>" + body + "</main></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void fault(HttpExchange ex, String code, String payfipCode, String label) throws IOException {
        answer(
                ex,
                500,
                "<soap:Fault><faultcode>" + code + "</faultcode><faultstring>Erreur</faultstring><detail>"
                        + "<ns2:FonctionnelleErreur xmlns:ns2=\"" + PayfipSoap.NAMESPACE + "\"><code>" + payfipCode
                        + "</code><libelle>" + label + "</libelle></ns2:FonctionnelleErreur></detail></soap:Fault>");
    }

    private static void answer(HttpExchange ex, int status, String content) throws IOException {
        byte[] bytes = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"" + SOAP_ENV
                        + "\"><soap:Body>" + content + "</soap:Body></soap:Envelope>")
                .getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String xml(@Nullable String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        later.shutdownNow();
        server.stop(0);
        if (server.getExecutor() instanceof java.util.concurrent.ExecutorService pool) {
            pool.shutdownNow();
        }
    }
}
