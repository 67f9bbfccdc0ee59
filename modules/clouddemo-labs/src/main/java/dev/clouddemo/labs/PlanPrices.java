package dev.clouddemo.labs;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prices a deploy's plan quotes in its notes: the on-demand price per hour
 * ({@code On-demand price of t3.micro in us-east-1: 0.0104 USD/hour …}) and, for spot, the price paid
 * and the saving ({@code … spot at 0.00001 saves 100%}).
 */
record PlanPrices(Optional<BigDecimal> onDemand, Optional<BigDecimal> spot, Optional<Integer> savingPercent) {
    private static final Pattern ON_DEMAND = Pattern.compile("On-demand price of \\S+ in \\S+: ([0-9.]+) USD/hour");
    private static final Pattern SPOT = Pattern.compile("spot at ([0-9.]+) saves (\\d+)%");

    static PlanPrices from(List<String> notes) {
        Optional<BigDecimal> onDemand = Optional.empty();
        Optional<BigDecimal> spot = Optional.empty();
        Optional<Integer> saving = Optional.empty();
        for (String note : notes) {
            Matcher m = ON_DEMAND.matcher(note);
            if (m.find()) {
                onDemand = Optional.of(new BigDecimal(m.group(1)));
            }
            Matcher s = SPOT.matcher(note);
            if (s.find()) {
                spot = Optional.of(new BigDecimal(s.group(1)));
                saving = Optional.of(Integer.parseInt(s.group(2)));
            }
        }
        return new PlanPrices(onDemand, spot, saving);
    }

    /** What an hour costs as deployed: the spot price when it runs on spot, else the on-demand one. */
    Optional<BigDecimal> paid() {
        return spot.isPresent() ? spot : onDemand;
    }
}
