package dev.clouddemo.aws;

import dev.clouddemo.core.spi.CredentialChain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.auth.credentials.WebIdentityTokenFileCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The AWS SDK's default credential chain taken apart, source by source in its order, for
 * {@code doctor}: which source gives credentials (the first does: the rest are not tried, as the
 * SDK does not), or why each gave none. Only an access key id's ends are shown, never a secret.
 */
final class AwsCredentialChain {
    static final String HINT = "run `aws configure` (or `aws sso login`), or use --local for the emulators";

    private record Named(String name, Supplier<AwsCredentialsProvider> provider) {
    }

    private AwsCredentialChain() {
    }

    static CredentialChain describe(Map<String, String> environment) {
        String profile = environment.getOrDefault("AWS_PROFILE", "default");
        List<Named> chain = List.of(
                new Named("Java system properties (aws.accessKeyId)", SystemPropertyCredentialsProvider::create),
                new Named("environment variables (AWS_ACCESS_KEY_ID)", EnvironmentVariableCredentialsProvider::create),
                new Named("web identity token (AWS_WEB_IDENTITY_TOKEN_FILE)", WebIdentityTokenFileCredentialsProvider::create),
                new Named("profile '" + profile + "' (~/.aws/credentials, ~/.aws/config)",
                        () -> ProfileCredentialsProvider.create(profile)),
                new Named("container role (ECS, EKS)", ContainerCredentialsProvider.builder()::build),
                new Named("instance role (EC2 instance metadata)", InstanceProfileCredentialsProvider::create));
        List<CredentialChain.Source> sources = new ArrayList<>();
        boolean found = false;
        for (Named named : chain) {
            if (found) {
                sources.add(new CredentialChain.Source(named.name(), false, "not tried: an earlier source gave credentials"));
                continue;
            }
            AwsCredentialsProvider provider = named.provider().get();
            try {
                AwsCredentials credentials = provider.resolveCredentials();
                sources.add(new CredentialChain.Source(named.name(), true, "access key " + masked(credentials.accessKeyId())));
                found = true;
            } catch (RuntimeException e) {
                sources.add(new CredentialChain.Source(named.name(), false, firstSentence(e.getMessage())));
            } finally {
                if (provider instanceof SdkAutoCloseable closeable) {
                    closeable.close();
                }
            }
        }
        return new CredentialChain(sources, HINT);
    }

    /** {@code AKIA…WXYZ}: enough to tell keys apart. */
    static String masked(String accessKeyId) {
        if (accessKeyId == null || accessKeyId.length() < 12) {
            return "(set)";
        }
        return accessKeyId.substring(0, 4) + "…" + accessKeyId.substring(accessKeyId.length() - 4);
    }

    private static String firstSentence(String message) {
        if (message == null || message.isBlank()) {
            return "none found";
        }
        // the SDK's sentence, without the Java toString it may end with ("…: ProfileFile(sections=[])")
        String first = message.split("(?<=\\.)\\s", 2)[0].replaceFirst(":\\s*[A-Z]\\w*\\(.*$", "").strip();
        return first.endsWith(".") ? first.substring(0, first.length() - 1) : first;
    }
}
