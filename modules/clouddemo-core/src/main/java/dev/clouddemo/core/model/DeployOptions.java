package dev.clouddemo.core.model;

import dev.clouddemo.core.kit.net.IngressPolicy;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The model-specific choices of a deploy: a private function URL (faas); the size of the app's
 * plan (paas, {@code --sku}); spot, its maximum price and on-demand fallback, SSH access and the
 * instance type (iaas). Validated when built: every problem is reported together, before any
 * cloud call. Port 22 is never opened to the world.
 */
public record DeployOptions(boolean privateUrl, boolean spot, BigDecimal maxPrice, boolean spotFallback,
        boolean ssh, String sshCidr, Path sshKey, String instanceType, String sku) {

    public static final DeployOptions NONE = new DeployOptions(false, false, null, false, false, null, null, null);

    /** Options without a paas size: the provider's default. */
    public DeployOptions(boolean privateUrl, boolean spot, BigDecimal maxPrice, boolean spotFallback,
            boolean ssh, String sshCidr, Path sshKey, String instanceType) {
        this(privateUrl, spot, maxPrice, spotFallback, ssh, sshCidr, sshKey, instanceType, null);
    }

    /** These options with the paas plan's size {@code sku} (null: the provider's default). */
    public DeployOptions withSku(String sku) {
        return new DeployOptions(privateUrl, spot, maxPrice, spotFallback, ssh, sshCidr, sshKey, instanceType, sku);
    }

    /** Any provider's size names: letters, digits, {@code _} and {@code -} (each provider checks its own list). */
    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");

    /** Any provider's instance type names: letters, digits and {@code . _ -} (each provider checks its own rule). */
    private static final Pattern INSTANCE_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,63}");

    /** What is wrong with these options for this model, one line each; empty when they are fine. */
    public List<String> problems(ServiceModel model) {
        List<String> problems = new ArrayList<>();
        if (privateUrl && model != ServiceModel.FAAS) {
            problems.add("--private applies to the faas model only");
        }
        if (sku != null && model != ServiceModel.PAAS) {
            problems.add("--sku applies to the paas model only (for iaas, --instance-type)");
        }
        if (sku != null && !SKU.matcher(sku).matches()) {
            problems.add("--sku '" + sku + "' is not a size name (like F1 or B1)");
        }
        if (model != ServiceModel.IAAS) {
            for (String option : iaasOptionsGiven()) {
                problems.add(option + " applies to the iaas model only");
            }
        }
        if (!spot && maxPrice != null) {
            problems.add("--max-price needs --spot");
        }
        if (!spot && spotFallback) {
            problems.add("--spot-fallback needs --spot");
        }
        if (maxPrice != null && maxPrice.signum() <= 0) {
            problems.add("--max-price must be a positive price in USD per hour, like 0.005, not " + maxPrice.toPlainString());
        }
        if (sshCidr != null) {
            cidrProblem(sshCidr).ifPresent(problems::add);
            if (!ssh) {
                problems.add("--ssh-cidr needs --ssh");
            }
        }
        if (sshKey != null) {
            keyProblem(sshKey).ifPresent(problems::add);
        }
        if (instanceType != null && !INSTANCE_TYPE.matcher(instanceType).matches()) {
            problems.add("--instance-type '" + instanceType + "' is not an instance type name");
        }
        return problems;
    }

    private List<String> iaasOptionsGiven() {
        List<String> given = new ArrayList<>();
        if (spot) {
            given.add("--spot");
        }
        if (ssh) {
            given.add("--ssh");
        }
        if (sshKey != null) {
            given.add("--ssh-key");
        }
        if (instanceType != null) {
            given.add("--instance-type");
        }
        return given;
    }

    /** A CIDR for SSH: IPv4 a.b.c.d/n, and never the whole internet. */
    static java.util.Optional<String> cidrProblem(String cidr) {
        return IngressPolicy.sshCidrProblem(cidr);
    }

    private static java.util.Optional<String> keyProblem(Path key) {
        if (!Files.isRegularFile(key)) {
            return java.util.Optional.of("--ssh-key " + key + " does not exist");
        }
        if (!key.getFileName().toString().endsWith(".pub")) {
            return java.util.Optional.of("--ssh-key " + key + " is not a public key (.pub); never pass the private key");
        }
        if (!Files.isReadable(key)) {
            return java.util.Optional.of("--ssh-key " + key + " cannot be read");
        }
        return java.util.Optional.empty();
    }
}
