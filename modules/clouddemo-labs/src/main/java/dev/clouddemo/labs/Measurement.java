package dev.clouddemo.labs;

import dev.clouddemo.core.model.ServiceModel;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * One model measured on one provider: how long from the deploy command to its end and to the first
 * successful HTTP answer (empty where nothing answers, said in {@code note}), and the price per hour
 * where the plan quotes one (the spot price, with the on-demand price and the saving, for spot).
 */
public record Measurement(String provider, ServiceModel model, String options, String env,
        Optional<Double> deploySeconds, Optional<Double> answerSeconds, Optional<BigDecimal> usdPerHour,
        Optional<BigDecimal> onDemandUsdPerHour, Optional<Integer> savingPercent, String note) {

    /** {@code aws/iaas --spot}: what was measured, for tables and charts. */
    public String label() {
        return provider + "/" + model.id() + (options.isBlank() ? "" : " " + options.strip());
    }

    /** A measurement with nothing measured, and why. */
    static Measurement notMeasured(String provider, ServiceModel model, String options, String env, String why) {
        return new Measurement(provider, model, options, env, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), why);
    }
}
