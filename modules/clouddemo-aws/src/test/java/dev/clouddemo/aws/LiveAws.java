package dev.clouddemo.aws;

import dev.clouddemo.core.engine.Engine;
import dev.clouddemo.core.engine.ProviderRegistry;
import dev.clouddemo.core.model.ResourceNames;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.state.StateStore;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * What every {@code *LiveIT} starts from: real credentials (or the test is skipped), a fresh
 * environment name, the region from {@code CLOUDDEMO_LIVE_REGION} (default us-east-1) and an engine
 * with its own state folder.
 */
public record LiveAws(String env, String region, Engine engine) {
    public static LiveAws start(Path temp) {
        try {
            DefaultCredentialsProvider.builder().build().resolveCredentials();
        } catch (SdkClientException e) {
            Assumptions.abort("no AWS credentials: " + e.getMessage());
        }
        return new LiveAws("live-" + ResourceNames.newSuffix(),
                System.getenv().getOrDefault("CLOUDDEMO_LIVE_REGION", "us-east-1"),
                new Engine(ProviderRegistry.load(), new StateStore(temp.resolve("state")), Progress.SILENT,
                        Clock.systemUTC()));
    }
}
