package io.fincopilot.billing.control;

import java.math.BigDecimal;
import org.eclipse.microprofile.config.ConfigProvider;

/** Billing's configuration (decision 72). */
public final class BillingSettings {

    private BillingSettings() {
    }

    /**
     * {@code fincopilot.billing.tax-rate} (environment {@code FINCOPILOT_BILLING_TAX_RATE}): the rate on
     * every invoice's subtotal, 0 to 1 with at most four decimals (0.2 is 20%); 0 by default.
     */
    public static BigDecimal taxRate() {
        BigDecimal rate = ConfigProvider.getConfig().getOptionalValue("fincopilot.billing.tax-rate", BigDecimal.class)
                .orElse(BigDecimal.ZERO);
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0 || rate.stripTrailingZeros().scale() > 4) {
            throw new IllegalStateException("fincopilot.billing.tax-rate must be from 0 to 1 with at most 4 decimals, not " + rate);
        }
        return rate;
    }
}
