package dev.clouddemo.azure.app;

import com.azure.core.management.exception.ManagementException;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.kit.EditDistance;
import dev.clouddemo.core.kit.price.PriceTable;
import dev.clouddemo.core.kit.price.Rate;
import dev.clouddemo.core.plan.Cost;
import dev.clouddemo.core.plan.CostLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The size of the paas model's Linux App Service plan: {@code F1} (free) unless {@code --sku} names
 * another that the dated table {@value #FILE} prices, its tier, what it costs, and Azure's refusal
 * of a second free Linux plan in the subscription, which names {@code --sku B1} and its price.
 */
public final class AppServicePlanSkus {
    static final String FILE = "azure-appservice-prices.csv";
    public static final String DEFAULT = "F1";
    /** The size offered when the free plan is refused: the cheapest paid one. */
    static final String PAID = "B1";

    private AppServicePlanSkus() {
    }

    private static final class Loaded {
        static final PriceTable TABLE = PriceTable.load(AppServicePlanSkus.class, FILE);
    }

    static PriceTable table() {
        return Loaded.TABLE;
    }

    /** The sizes --sku takes: F1 and those the table prices. */
    static List<String> known() {
        TreeSet<String> known = new TreeSet<>(table().rates().stream().map(Rate::sku).toList());
        known.add(DEFAULT);
        return new ArrayList<>(known);
    }

    /** The size asked for, upper-cased (F1 when none). */
    static String chosen(String sku) {
        return sku == null ? DEFAULT : sku.toUpperCase(Locale.ROOT);
    }

    /** Why --sku cannot be used (empty when it can): a size the table does not price. */
    public static Optional<String> problem(String sku) {
        if (sku == null || known().contains(chosen(sku))) {
            return Optional.empty();
        }
        List<String> near = EditDistance.similar(chosen(sku), known(), 1);
        return Optional.of("--sku " + sku + " is not a Linux App Service plan size clouddemo knows the price of"
                + (near.isEmpty() ? "" : " (did you mean " + String.join(" or ", near) + "?)") + "; it takes "
                + String.join(", ", known()) + " (" + FILE + ")");
    }

    /** The tier ARM names for a size: F1 Free, B1 Basic, S1 Standard. */
    static String tier(String sku) {
        return switch (sku.charAt(0)) {
            case 'F' -> "Free";
            case 'B' -> "Basic";
            case 'S' -> "Standard";
            default -> throw new IllegalArgumentException("no tier for " + sku);
        };
    }

    static boolean free(String sku) {
        return sku.startsWith("F");
    }

    private static Rate rate(String region, String sku) {
        return table().require(region, sku);
    }

    /** The plan's price: one instance every hour (the app itself costs nothing more). */
    static Cost cost(String region, String sku) {
        String what = "App Service plan " + sku + " (Linux), one instance";
        CostLine line = free(sku) ? freeLine(what, region) : CostLine.hourly(what, BigDecimal.ONE, rate(region, sku));
        return Cost.of(List.of(line),
                List.of("billed per hour while the plan exists, whether or not the app gets traffic",
                        free(sku) ? "F1: 60 CPU-minutes a day, 1 GB memory, no Always On; one free Linux plan per subscription"
                                : "not counted: data transfer out beyond the free 100 GB a month"));
    }

    /** F1: no price to read, 0 USD every hour (dated and sourced as the paid sizes' rows are). */
    private static CostLine freeLine(String what, String region) {
        Rate paid = rate(region, PAID);
        return new CostLine(what, CostLine.Basis.HOURLY, BigDecimal.ONE, PriceTable.INSTANCE_HOUR, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, paid.region(), paid.asOf(), paid.source(), null);
    }

    /** {@code 0.018 USD/hour (about 13.14 USD/month, as of …)}: a size's price for messages. */
    static String priceText(String region, String sku) {
        Rate rate = rate(region, sku);
        return CostLine.plain(rate.onDemand()) + " USD/hour (about " + CostLine.plain(rate.onDemand()
                .multiply(CostLine.HOURS_PER_MONTH).setScale(2, java.math.RoundingMode.HALF_UP)) + " USD/month, list price as of "
                + rate.asOf() + ")";
    }

    /**
     * Whether Azure refused a plan because the subscription has its free Linux plan already. App Service
     * says so with HTTP 400 BadRequest ("Exceeded the limit of 1 free tier linux server farm per
     * subscription", extended code 11027) and has been seen answering HTTP 401 Unauthorized ("The maximum
     * number of Free ServerFarms allowed in a Subscription is …"): the message decides, not the status,
     * which would otherwise read as a sign-in problem.
     */
    static boolean freeQuotaRefusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ManagementException m) {
                String text = (m.getMessage() + " " + (m.getValue() == null ? "" : m.getValue().getMessage()))
                        .toLowerCase(Locale.ROOT);
                if (text.contains("free tier linux server farm") || text.contains("number of free serverfarms")
                        || text.contains("\"extendedcode\":\"11027\"")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The error for that refusal: what happened, why, and --sku B1 with its price. */
    static ClouddemoException freeQuotaError(String plan, String region, Throwable cause) {
        return ClouddemoException.cloud("Azure refused the free App Service plan " + plan + " (F1) in " + region
                        + ": a subscription may hold one free Linux App Service plan, and it has one already (another"
                        + " deployment's, or one made in the portal)",
                "deploy again with `--sku " + PAID + "` (" + priceText(region, PAID) + "), or delete the other free"
                        + " Linux plan (`az appservice plan list --query \"[?sku.name=='F1']\"`); state records what was created",
                cause);
    }
}
