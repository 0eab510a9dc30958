package org.opengru.spring.payments;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;
import org.opengru.core.tenancy.TenantId;
import org.opengru.payments.PaymentException;
import org.opengru.payments.PaymentService;
import org.opengru.payments.ProviderException;
import org.opengru.payments.ReadBack;
import org.opengru.payments.UnknownOperationException;
import org.opengru.payments.request.RequestPayments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;

/**
 * PayFiP's two calls, at {@code /gru/payfip/<tenant>/notification} (PayFiP's server, {@code urlnotif}) and
 * {@code /gru/payfip/<tenant>/retour} (the resident's browser, {@code urlredirect}). Both carry the
 * operation id ({@code idOp}) only, and neither is believed: each reads the result back from PayFiP
 * ({@link PaymentService#notified}, {@link PaymentService#returned}), then records it on the request it pays
 * ({@link RequestPayments#record}). An unknown or another collectivité's operation, or a malformed one, is
 * refused and audited by the service, and changes nothing: the notification answers 404 or 400, the return
 * sends the resident to the result page with {@code etat=INCONNU} (no dead end). The return then shows the
 * payment as stored after the read-back, never as the browser claimed it.
 *
 * <p>Runs before Spring Security's filters ({@link #ORDER}).
 */
final class PayfipCallbackFilter implements Filter, Ordered {

    /**
     * Before Spring Security's chain: PayFiP's server has no session nor CSRF token, and the endpoints trust
     * nothing they receive (every result is read back), so they need neither.
     */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 50;

    private static final Logger LOG = LoggerFactory.getLogger(PayfipCallbackFilter.class);
    private static final Pattern PATH = Pattern.compile("/gru/payfip/([a-z0-9][a-z0-9-]{0,62})/(notification|retour)");

    private final PaymentService payments;
    private final RequestPayments requests;
    private final PayfipAccounts accounts;
    private final ObjectProvider<HeldPayments> held;

    PayfipCallbackFilter(
            PaymentService payments,
            RequestPayments requests,
            PayfipAccounts accounts,
            ObjectProvider<HeldPayments> held) {
        this.payments = Objects.requireNonNull(payments, "payments");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.held = Objects.requireNonNull(held, "held");
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            chain.doFilter(req, res);
            return;
        }
        Optional<PayfipAccounts.Tenant> tenant = accounts.tenant(TenantId.of(m.group(1)));
        if (tenant.isEmpty()) {
            LOG.warn("PayFiP call for a collectivité without an account: {}", m.group(1));
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        // PayFiP's guide spells it idOp; some integrations receive idop.
        String idOp =
                request.getParameter("idOp") != null ? request.getParameter("idOp") : request.getParameter("idop");
        if (m.group(2).equals("notification")) {
            notification(tenant.get(), idOp, response);
        } else {
            back(tenant.get(), idOp, response);
        }
    }

    private void notification(PayfipAccounts.Tenant tenant, @Nullable String idOp, HttpServletResponse response)
            throws IOException {
        try {
            ReadBack back = payments.notified(tenant.id(), String.valueOf(idOp));
            recordOnRequest(back);
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("OK");
        } catch (UnknownOperationException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } catch (ValidationException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        } catch (ProviderException e) {
            // PayFiP could not be read back: the job will; an error lets PayFiP try again.
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        } catch (PaymentException e) {
            response.sendError(HttpServletResponse.SC_CONFLICT);
        }
    }

    private void back(PayfipAccounts.Tenant tenant, @Nullable String idOp, HttpServletResponse response)
            throws IOException {
        String page = tenant.settings().resultPage();
        String target;
        try {
            ReadBack back = payments.returned(tenant.id(), String.valueOf(idOp));
            recordOnRequest(back);
            target = page + (page.contains("?") ? "&" : "?") + "paiement="
                    + back.payment().id() + "&etat=" + back.payment().status();
        } catch (UnknownOperationException | ValidationException e) {
            target = page + (page.contains("?") ? "&" : "?") + "etat=INCONNU";
        } catch (PaymentException e) {
            // Not read back now (PayFiP unreachable, a mismatch): the stored state, still pending.
            target = page + (page.contains("?") ? "&" : "?") + "etat=PENDING&operation="
                    + URLEncoder.encode(String.valueOf(idOp), StandardCharsets.UTF_8);
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", target);
    }

    /** The payment is settled; a failure here is caught up by the job (RequestPayments.check). */
    private void recordOnRequest(ReadBack back) {
        try {
            requests.record(back);
            held.ifAvailable(h -> h.record(back));
        } catch (RuntimeException e) {
            LOG.warn(
                    "payment {} not recorded on what it pays now; the payments job will",
                    back.payment().id(),
                    e);
        }
    }
}
