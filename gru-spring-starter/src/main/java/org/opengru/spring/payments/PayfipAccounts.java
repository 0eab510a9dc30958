package org.opengru.spring.payments;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.opengru.core.tenancy.TenantId;
import org.opengru.payments.OperationId;
import org.opengru.payments.PaymentId;
import org.opengru.payments.PaymentLimits;
import org.opengru.payments.PaymentOrder;
import org.opengru.payments.PaymentProvider;
import org.opengru.payments.ProviderException;
import org.opengru.payments.ProviderPayment;
import org.opengru.payments.ProviderResult;
import org.opengru.payments.payfip.PayfipAccount;
import org.opengru.payments.payfip.PayfipConfig;
import org.opengru.payments.payfip.PayfipProvider;
import org.opengru.spring.GruProperties;
import org.opengru.spring.TenantProperties;

/**
 * The collectivités' PayFiP accounts from {@code gru.tenants.<id>.payfip}, checked at start (a bad client
 * number, URL or amount range stops the start naming the field), and the provider routing each call to
 * the collectivité's own account and endpoint. A collectivité without an account is {@code NOT_CONFIGURED}.
 */
final class PayfipAccounts implements PaymentProvider {

    /** One collectivité's account and its settings. */
    record Tenant(TenantId id, TenantProperties.Payfip settings, PayfipProvider provider) {}

    private final Map<TenantId, Tenant> tenants;

    private PayfipAccounts(Map<TenantId, Tenant> tenants) {
        this.tenants = Map.copyOf(tenants);
    }

    static PayfipAccounts from(GruProperties properties) {
        Map<TenantId, Tenant> out = new LinkedHashMap<>();
        for (String id : properties.tenantIds()) {
            TenantProperties.Payfip p = properties.tenant(id).payfip();
            if (p == null) {
                continue;
            }
            TenantId tenant = TenantId.of(id);
            PayfipAccount account = new PayfipAccount(
                    p.clientNumber(),
                    p.mode(),
                    p.notificationUrl(),
                    p.returnUrl(),
                    new PaymentLimits(p.minAmountCents(), p.maxAmountCents()));
            PayfipConfig config = new PayfipConfig(
                    p.endpoint() == null ? PayfipConfig.PRODUCTION_ENDPOINT : p.endpoint(),
                    p.paymentPage() == null ? PayfipConfig.PAYMENT_PAGE : p.paymentPage(),
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(20));
            if (p.giveUpAfter().compareTo(p.reconcileAfter()) < 0) {
                throw new org.opengru.core.error.ValidationException(
                        "gru.tenants." + id + ".payfip.give-up-after",
                        p.giveUpAfter(),
                        "must be at least reconcile-after (" + p.reconcileAfter() + ")");
            }
            out.put(tenant, new Tenant(tenant, p, new PayfipProvider(config, t -> Optional.of(account))));
        }
        return new PayfipAccounts(out);
    }

    /** The collectivités with an account. */
    Iterable<Tenant> tenants() {
        return tenants.values();
    }

    Optional<Tenant> tenant(TenantId id) {
        return Optional.ofNullable(tenants.get(id));
    }

    private PayfipProvider of(TenantId tenant) {
        Tenant t = tenants.get(tenant);
        if (t == null) {
            throw new ProviderException(
                    ProviderException.Kind.NOT_CONFIGURED, null, "no PayFiP account for collectivité " + tenant, null);
        }
        return t.provider();
    }

    @Override
    public String name() {
        return "payfip";
    }

    @Override
    public PaymentLimits limits(TenantId tenant) {
        return of(tenant).limits(tenant);
    }

    @Override
    public ProviderPayment create(PaymentId id, PaymentOrder order) {
        return of(order.tenant()).create(id, order);
    }

    @Override
    public ProviderResult read(TenantId tenant, OperationId operationId) {
        return of(tenant).read(tenant, operationId);
    }
}
