package dev.clouddemo.aws;

import dev.clouddemo.core.spi.Target;
import java.net.URI;
import java.net.URISyntaxException;
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
 * {@code us-east-1}; endpoint from state, {@code AWS_ENDPOINT_URL}, or the local emulator's
 * (LocalStack's, at its {@code CLOUDDEMO_LOCALSTACK_PORT}) when {@code --local}; null endpoint means
 * the real AWS. {@code emulators} are the local emulators where this environment puts them.
 */
public record AwsTarget(String region, boolean local, URI endpoint, Map<String, URI> serviceEndpoints,
        Settings settings, AwsLocalEmulators emulators) {
    static final String DEFAULT_REGION = "us-east-1";

    static AwsTarget resolve(Target target, Map<String, String> env) {
        AwsLocalEmulators emulators = new AwsLocalEmulators(env);
        String region = target.region();
        if (region != null) {
            checkKnown(region);
        }
        if (region == null && !target.local()) {
            region = chainRegion();
        }
        if (region == null) {
            region = DEFAULT_REGION;
        }
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
                services, target.settings(), emulators);
    }

    /** {@code AWS_ENDPOINT_URL_<SERVICE>} (e.g. {@code _ELASTIC_BEANSTALK}) points one service elsewhere, as in the AWS CLI. */
    public static final String SERVICE_ENDPOINT_PREFIX = "AWS_ENDPOINT_URL_";

    /** The endpoint of one service (its own override, else the common one), or null for real AWS. */
    public URI endpoint(String service) {
        return serviceEndpoints.getOrDefault(service, endpoint);
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
