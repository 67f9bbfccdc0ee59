package dev.clouddemo.aws;

import dev.clouddemo.core.spi.Target;
import java.net.URI;
import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.error.ClouddemoException;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Where the AWS clients go: region from {@code --region}, the SDK's region chain, or
 * {@code us-east-1}; endpoint from state, {@code AWS_ENDPOINT_URL}, or the local emulator's default
 * when {@code --local}; null endpoint means the real AWS.
 */
record AwsTarget(String region, boolean regionDefaulted, boolean local, URI endpoint, Map<String, URI> serviceEndpoints,
        Settings settings) {
    static final String DEFAULT_REGION = "us-east-1";

    static AwsTarget resolve(Target target, Map<String, String> env) {
        String region = target.region();
        if (region != null) {
            checkKnown(region);
        }
        boolean defaulted = false;
        if (region == null && !target.local()) {
            region = chainRegion();
        }
        if (region == null) {
            region = DEFAULT_REGION;
            defaulted = true;
        }
        String endpoint = target.endpoint();
        if (endpoint == null) {
            endpoint = blankToNull(env.get("AWS_ENDPOINT_URL"));
        }
        if (endpoint == null && target.local()) {
            endpoint = AwsProvider.LOCAL_ENDPOINT;
        }
        Map<String, URI> services = new TreeMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(SERVICE_ENDPOINT_PREFIX) && !value.isBlank()) {
                services.put(name.substring(SERVICE_ENDPOINT_PREFIX.length()), URI.create(value.trim()));
            }
        });
        return new AwsTarget(region, defaulted, target.local(), endpoint == null ? null : URI.create(endpoint),
                services, target.settings());
    }

    /** {@code AWS_ENDPOINT_URL_<SERVICE>} (e.g. {@code _ELASTIC_BEANSTALK}) points one service elsewhere, as in the AWS CLI. */
    static final String SERVICE_ENDPOINT_PREFIX = "AWS_ENDPOINT_URL_";

    /** The endpoint of one service (its own override, else the common one), or null for real AWS. */
    URI endpoint(String service) {
        return serviceEndpoints.getOrDefault(service, endpoint);
    }

    /** A region the SDK does not know is a typo, reported before any call. */
    static void checkKnown(String region) {
        if (Region.regions().stream().noneMatch(r -> r.id().equals(region) && !r.isGlobalRegion())) {
            String similar = Region.regions().stream()
                    .filter(r -> !r.isGlobalRegion())
                    .map(Region::id)
                    .filter(id -> id.startsWith(region) || region.startsWith(id))
                    .sorted()
                    .collect(Collectors.joining(", "));
            throw ClouddemoException.invalidInput("unknown AWS region '" + region + "'",
                    similar.isEmpty() ? "see `aws ec2 describe-regions` for the region names"
                            : "did you mean: " + similar + "?");
        }
    }

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
