package dev.clouddemo.aws;

import dev.clouddemo.core.kit.EditDistance;
import dev.clouddemo.core.spi.Target;
import java.net.URI;
import java.net.URISyntaxException;
import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.error.ClouddemoException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Where the AWS clients go: region from {@code --region}, the SDK's region chain ({@code AWS_REGION}
 * / {@code AWS_DEFAULT_REGION} only when local), or {@code us-east-1}, each checked; endpoint from state, {@code AWS_ENDPOINT_URL}, or the local emulator's
 * (LocalStack's, at its {@code CLOUDDEMO_LOCALSTACK_PORT}) when {@code --local}; null endpoint means
 * the real AWS. {@code emulators} are the local emulators where this environment puts them;
 * {@code timeouts} how long one HTTP attempt may take.
 */
public record AwsTarget(String region, boolean local, URI endpoint, Map<String, URI> serviceEndpoints,
        Settings settings, AwsLocalEmulators emulators, AwsTimeouts timeouts) {
    static final String DEFAULT_REGION = "us-east-1";

    static AwsTarget resolve(Target target, Map<String, String> env) {
        AwsLocalEmulators emulators = new AwsLocalEmulators(env);
        String region = region(target, env);
        String endpoint = target.endpoint();
        if (endpoint == null) {
            endpoint = blankToNull(env.get("AWS_ENDPOINT_URL"));
        }
        if (endpoint == null && target.local()) {
            endpoint = emulators.endpoint(AwsLocalEmulators.DEFAULT);
        }
        Map<String, URI> services = new TreeMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(SERVICE_ENDPOINT_PREFIX) && !value.isBlank()) {
                services.put(name.substring(SERVICE_ENDPOINT_PREFIX.length()), uri(name, value.trim()));
            }
        });
        return new AwsTarget(region, target.local(), endpoint == null ? null : uri("the endpoint", endpoint),
                services, target.settings(), emulators, AwsTimeouts.from(env));
    }

    /** {@code AWS_ENDPOINT_URL_<SERVICE>} (e.g. {@code _ELASTIC_BEANSTALK}) points one service elsewhere, as in the AWS CLI. */
    public static final String SERVICE_ENDPOINT_PREFIX = "AWS_ENDPOINT_URL_";

    /** The endpoint of one service (its own override, else the common one), or null for real AWS. */
    public URI endpoint(String service) {
        return serviceEndpoints.getOrDefault(service, endpoint);
    }

    /** Whether every call goes over plain http (an emulator's endpoints): then no TLS is set up. */
    public boolean plainHttpOnly() {
        return endpoint != null && "http".equals(endpoint.getScheme())
                && serviceEndpoints.values().stream().allMatch(uri -> "http".equals(uri.getScheme()));
    }

    private static URI uri(String what, String value) {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException(value, "needs a scheme and a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw ClouddemoException.invalidInput(what + " '" + value + "' is not a URL (" + e.getReason() + ")",
                    "use the form http://127.0.0.1:4566");
        }
    }

    /**
     * {@code --region}; else {@code AWS_REGION} / {@code AWS_DEFAULT_REGION} when local (the SDK
     * chain's profile and instance metadata are the real cloud's); else the SDK's chain; else
     * {@code us-east-1}. Each is checked as {@code --region} is.
     */
    private static String region(Target target, Map<String, String> env) {
        if (target.region() != null) {
            checkKnown(target.region(), null);
            return target.region();
        }
        if (target.local()) {
            for (String variable : REGION_VARIABLES) {
                String value = blankToNull(env.get(variable));
                if (value != null) {
                    checkKnown(value, variable);
                    return value;
                }
            }
            return DEFAULT_REGION;
        }
        String chain = chainRegion();
        if (chain != null) {
            checkKnown(chain, "the SDK's region chain (aws.region, AWS_REGION or the profile's region)");
            return chain;
        }
        String fallback = blankToNull(env.get("AWS_DEFAULT_REGION"));
        if (fallback != null) {
            checkKnown(fallback, "AWS_DEFAULT_REGION");
            return fallback;
        }
        return DEFAULT_REGION;
    }

    /** The variables a local run takes its region from, in order (the AWS CLI reads both). */
    private static final List<String> REGION_VARIABLES = List.of("AWS_REGION", "AWS_DEFAULT_REGION");

    /** A region the SDK does not know is a typo, reported before any call. */
    static void checkKnown(String region) {
        checkKnown(region, null);
    }

    /** As {@link #checkKnown(String)}, naming where the region came from (null: {@code --region}). */
    static void checkKnown(String region, String source) {
        List<String> known = Region.regions().stream().filter(r -> !r.isGlobalRegion()).map(Region::id).sorted().toList();
        if (known.contains(region)) {
            return;
        }
        List<String> similar = EditDistance.similar(region, known, MAX_EDITS);
        String from = source == null ? "" : " (from " + source + ")";
        String fix = source == null ? "" : "; fix or unset " + (source.startsWith("AWS_") ? source : "it") + ", or give --region";
        throw ClouddemoException.invalidInput("unknown AWS region '" + region + "'" + from,
                (similar.isEmpty() ? "see `aws ec2 describe-regions` for the region names"
                        : "did you mean: " + String.join(", ", similar) + "?") + fix);
    }

    private static final int MAX_EDITS = 2;

    private static String chainRegion() {
        try {
            return DefaultAwsRegionProviderChain.builder().build().getRegion().id();
        } catch (SdkClientException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
