package org.opengru.payments.payfip;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;
import org.opengru.core.tenancy.TenantId;
import org.opengru.payments.OperationId;
import org.opengru.payments.PaymentId;
import org.opengru.payments.PaymentLimits;
import org.opengru.payments.PaymentOrder;
import org.opengru.payments.PaymentProvider;
import org.opengru.payments.PaymentStatus;
import org.opengru.payments.ProviderException;
import org.opengru.payments.ProviderPayment;
import org.opengru.payments.ProviderResult;

/**
 * PayFiP Régie through its web service: {@code creerPaiementSecurise} returns the operation id ({@code
 * idOp}) and the resident goes to {@code paiementws.web?idop=<idOp>}; {@code recupererDetailPaiementSecurise}
 * reads the result back ({@code resultrans}: {@code P} or {@code V} paid, {@code R} refused, {@code A}
 * abandoned; nothing yet while the resident is on the page).
 */
public final class PayfipProvider implements PaymentProvider {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("ddMMuuuu");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmm");

    private final PayfipConfig config;
    private final Function<TenantId, Optional<PayfipAccount>> accounts;
    private final HttpClient http;

    /**
     * A provider over PayFiP's SOAP service, with a new HTTP client on the configured timeouts.
     *
     * @param accounts each collectivité's account; empty for one without PayFiP
     * @param config the endpoint, page and timeouts
     */
    public PayfipProvider(PayfipConfig config, Function<TenantId, Optional<PayfipAccount>> accounts) {
        this.config = Objects.requireNonNull(config, "config");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String name() {
        return "payfip";
    }

    @Override
    public PaymentLimits limits(TenantId tenant) {
        return account(tenant).limits();
    }

    @Override
    public ProviderPayment create(PaymentId id, PaymentOrder order) {
        PayfipAccount account = account(order.tenant());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("exer", Integer.toString(order.budgetYear()));
        fields.put("mel", order.payerEmail());
        fields.put("montant", Long.toString(order.amountCents()));
        fields.put("numcli", account.clientNumber());
        fields.put("objet", order.object());
        fields.put("refdet", order.debtReference());
        fields.put("saisie", account.mode().code());
        fields.put("urlnotif", account.notificationUrl().toString());
        fields.put("urlredirect", account.returnUrl().toString());
        Map<String, String> answer = call(PayfipSoap.createRequest(fields));
        String idOp = answer.get("idOp");
        OperationId operationId;
        try {
            operationId = new OperationId(idOp);
        } catch (ValidationException e) {
            throw PayfipSoap.unexpected("creerPaiementSecurise returned no usable idOp: " + idOp);
        }
        URI page = URI.create(config.paymentPage() + "?idop=" + URLEncoder.encode(idOp, StandardCharsets.UTF_8));
        return new ProviderPayment(operationId, page);
    }

    @Override
    public ProviderResult read(TenantId tenant, OperationId operationId) {
        PayfipAccount account = account(tenant);
        Map<String, String> a = call(PayfipSoap.detailRequest(operationId.value()));
        String numcli = a.get("numcli");
        if (numcli != null && !numcli.isEmpty() && !numcli.equals(account.clientNumber())) {
            throw new ProviderException(
                    ProviderException.Kind.ACCOUNT_MISMATCH,
                    null,
                    "operation " + operationId + " belongs to client " + numcli + ", not " + account.clientNumber(),
                    null);
        }
        String idOp = a.getOrDefault("idOp", operationId.value());
        PaymentStatus status = status(blankToNull(a.get("resultrans")));
        Long amount = null;
        String montant = blankToNull(a.get("montant"));
        if (montant != null) {
            try {
                amount = Long.parseLong(montant);
            } catch (NumberFormatException e) {
                throw PayfipSoap.unexpected("montant is not a number of cents: " + montant);
            }
        }
        OperationId answered;
        try {
            answered = new OperationId(idOp);
        } catch (ValidationException e) {
            throw PayfipSoap.unexpected("idOp is malformed: " + idOp);
        }
        return new ProviderResult(
                answered,
                status,
                blankToNull(a.get("refdet")),
                amount,
                blankToNull(a.get("numauto")),
                transactionAt(blankToNull(a.get("dattrans")), blankToNull(a.get("heurtrans"))));
    }

    private static PaymentStatus status(@Nullable String resultrans) {
        if (resultrans == null) {
            return PaymentStatus.PENDING;
        }
        return switch (resultrans) {
            case "P", "V" -> PaymentStatus.PAID;
            case "R" -> PaymentStatus.REFUSED;
            case "A" -> PaymentStatus.ABANDONED;
            default -> throw PayfipSoap.unexpected("unknown resultrans " + resultrans);
        };
    }

    private static @Nullable Instant transactionAt(@Nullable String date, @Nullable String time) {
        if (date == null) {
            return null;
        }
        try {
            LocalTime t = time == null ? LocalTime.MIDNIGHT : LocalTime.parse(time, TIME);
            return LocalDateTime.of(LocalDate.parse(date, DATE), t)
                    .atZone(PARIS)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw PayfipSoap.unexpected("dattrans/heurtrans are not ddMMyyyy/HHmm: " + date + "/" + time);
        }
    }

    private Map<String, String> call(String envelope) {
        HttpRequest request = HttpRequest.newBuilder(config.endpoint())
                .timeout(config.requestTimeout())
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new ProviderException(ProviderException.Kind.TIMEOUT, null, "no answer from PayFiP in time", e);
        } catch (IOException e) {
            throw new ProviderException(ProviderException.Kind.UNAVAILABLE, null, "PayFiP unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Kind.UNAVAILABLE, null, "interrupted", e);
        }
        int code = response.statusCode();
        // SOAP 1.1 faults come with HTTP 500: read them for PayFiP's code.
        if (code == 200 || code == 500) {
            byte[] body = response.body();
            if (code == 500 && (body == null || body.length == 0)) {
                throw new ProviderException(
                        ProviderException.Kind.UNAVAILABLE, "HTTP 500", "PayFiP answered 500", null);
            }
            return PayfipSoap.answer(body);
        }
        throw new ProviderException(
                ProviderException.Kind.UNAVAILABLE, "HTTP " + code, "PayFiP answered HTTP " + code, null);
    }

    private PayfipAccount account(TenantId tenant) {
        return accounts.apply(tenant)
                .orElseThrow(() -> new ProviderException(
                        ProviderException.Kind.NOT_CONFIGURED, null, tenant + " has no PayFiP account", null));
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
