package dev.clouddemo.gcp.app;

import dev.clouddemo.core.kit.price.PriceTable;
import dev.clouddemo.core.plan.Cost;
import dev.clouddemo.core.plan.CostLine;
import java.math.BigDecimal;
import java.util.List;

/**
 * What the paas model costs on App Engine standard, from the dated table {@value #FILE}: F1
 * instance-hours (a bigger class billed as that many F1 hours), less the free 28 instance-hours a
 * day, for the instances that may run all month at the demo's size.
 */
final class AppEngineCost {
    static final String FILE = "gcp-appengine-prices.csv";
    static final String SKU = "appengine-f1-instance-hours";

    private static final class Loaded {
        static final PriceTable TABLE = PriceTable.load(AppEngineCost.class, FILE);
    }

    private AppEngineCost() {
    }

    /**
     * One instance all month when the app scales to zero (a demo with a few requests an hour keeps
     * one warm: App Engine stops an idle instance after about 15 minutes), else {@code min_instances}.
     */
    static Cost of(String region, AppYaml app) {
        int instances = Math.max(1, app.minInstances());
        BigDecimal f1 = BigDecimal.valueOf((long) instances * app.f1Multiple());
        return Cost.of(List.of(CostLine.hourly("App Engine " + app.instanceClass() + " instance-hours", f1,
                        Loaded.TABLE.require(region, SKU))),
                List.of(instances + " " + app.instanceClass() + " instance(s) all month (" + app.instanceClass() + " billed as "
                                + app.f1Multiple() + " F1 hour(s) an hour)",
                        "free tier: 28 F instance-hours a day", "not counted: outgoing traffic, the Cloud Build minutes of"
                                + " each deploy and the staging bucket (a few MB)"));
    }
}
