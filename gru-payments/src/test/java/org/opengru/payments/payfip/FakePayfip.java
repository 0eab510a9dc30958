package org.opengru.payments.payfip;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A PayFiP-shaped SOAP service on loopback: creates operations, answers their detail as the test sets
 * it (nothing yet, then P, R or A), and answers a fault for an operation it never created.
 */
public final class FakePayfip implements AutoCloseable {

    /** One operation as the fake holds it. */
    public static final class Operation {
        public final Map<String, String> created;
        public volatile String resultrans = "";
        public volatile String numauto = "";
        public volatile String dattrans = "";
        public volatile String heurtrans = "";
        public volatile String montant;
        public volatile String refdet;
        public volatile String numcli;

        Operation(Map<String, String> created) {
            this.created = created;
            this.montant = created.get("montant");
            this.refdet = created.get("refdet");
            this.numcli = created.get("numcli");
        }
    }

    private final HttpServer server;
    private final AtomicInteger next = new AtomicInteger(1000);
    private final Map<String, Operation> operations = new ConcurrentHashMap<>();
    /** Every operation called, in order ("creerPaiementSecurise", ...). */
    public final List<String> calls = new CopyOnWriteArrayList<>();
    /** When set, every call waits on it (a PayFiP that does not answer). */
    public volatile CountDownLatch hold;
    /** While set, every call is answered 503 (PayFiP down). */
    public volatile boolean unavailable;

    public FakePayfip() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/tpa/services/securite", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tpa/services/securite");
    }

    public PayfipConfig config() {
        return new PayfipConfig(
                endpoint(),
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tpa/paiementws.web"),
                Duration.ofSeconds(2),
                Duration.ofSeconds(2));
    }

    public Operation operation(String idOp) {
        return operations.get(idOp);
    }

    /** The resident pays: PayFiP records the transaction. */
    public void pay(String idOp) {
        Operation op = operations.get(idOp);
        op.resultrans = "P";
        op.numauto = "A1B2C3";
        op.dattrans = "05122026";
        op.heurtrans = "1432";
    }

    public void refuse(String idOp) {
        Operation op = operations.get(idOp);
        op.resultrans = "R";
        op.dattrans = "05122026";
        op.heurtrans = "1433";
    }

    public void abandon(String idOp) {
        operations.get(idOp).resultrans = "A";
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            CountDownLatch h = hold;
            if (h != null) {
                try {
                    h.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = ex.getRequestBody().readAllBytes();
            if (unavailable) {
                ex.sendResponseHeaders(503, -1);
                return;
            }
            String operation = PayfipSoap.requestOperation(body);
            Map<String, String> fields = PayfipSoap.requestFields(body);
            calls.add(operation);
            switch (operation) {
                case "creerPaiementSecurise" -> {
                    String idOp = "op" + next.incrementAndGet() + "x";
                    operations.put(idOp, new Operation(Map.copyOf(fields)));
                    answer(
                            ex,
                            200,
                            "<ns2:creerPaiementSecuriseResponse xmlns:ns2=\"" + PayfipSoap.NAMESPACE
                                    + "\"><return><idOp>" + idOp
                                    + "</idOp></return></ns2:creerPaiementSecuriseResponse>");
                }
                case "recupererDetailPaiementSecurise" -> {
                    Operation op = operations.get(fields.get("idOp"));
                    if (op == null) {
                        answer(
                                ex,
                                500,
                                "<soap:Fault><faultcode>soap:Server</faultcode><faultstring>Erreur"
                                        + "</faultstring><detail><ns2:FonctionnelleErreur xmlns:ns2=\""
                                        + PayfipSoap.NAMESPACE
                                        + "\"><code>P5</code><libelle>idOp inconnu</libelle></ns2:FonctionnelleErreur>"
                                        + "</detail></soap:Fault>");
                        return;
                    }
                    Map<String, String> c = op.created;
                    answer(
                            ex,
                            200,
                            "<ns2:recupererDetailPaiementSecuriseResponse xmlns:ns2=\""
                                    + PayfipSoap.NAMESPACE + "\"><return>"
                                    + "<dattrans>" + op.dattrans + "</dattrans><exer>" + c.get("exer") + "</exer>"
                                    + "<heurtrans>" + op.heurtrans + "</heurtrans><idOp>" + fields.get("idOp")
                                    + "</idOp>"
                                    + "<mel>" + c.get("mel") + "</mel><montant>" + op.montant + "</montant>"
                                    + "<numauto>" + op.numauto + "</numauto><numcli>" + op.numcli + "</numcli>"
                                    + "<objet>" + c.get("objet") + "</objet><refdet>" + op.refdet + "</refdet>"
                                    + "<resultrans>" + op.resultrans + "</resultrans><saisie>" + c.get("saisie")
                                    + "</saisie></return></ns2:recupererDetailPaiementSecuriseResponse>");
                }
                default ->
                    answer(
                            ex,
                            500,
                            "<soap:Fault><faultcode>soap:Client</faultcode><faultstring>unknown"
                                    + " operation</faultstring></soap:Fault>");
            }
        }
    }

    private static void answer(HttpExchange ex, int status, String bodyContent) throws IOException {
        byte[] bytes = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"" + PayfipSoap.SOAP_ENV
                        + "\"><soap:Body>" + bodyContent + "</soap:Body></soap:Envelope>")
                .getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        CountDownLatch h = hold;
        if (h != null) {
            h.countDown();
        }
        server.stop(0);
    }
}
