package dev.clouddemo.core.engine;

import static dev.clouddemo.core.Failures.clouddemoFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.CloudProvider;
import dev.clouddemo.core.spi.ProviderSession;
import dev.clouddemo.core.spi.Target;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProviderRegistryTest {

    private static CloudProvider named(String id) {
        return new CloudProvider() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String displayName() {
                return id.toUpperCase(java.util.Locale.ROOT);
            }

            @Override
            public Set<ServiceModel> models() {
                return Set.of(ServiceModel.STATIC);
            }

            @Override
            public java.util.Optional<String> localEndpoint(dev.clouddemo.core.model.ServiceModel model) {
                return java.util.Optional.empty();
            }

            @Override
            public ProviderSession open(Target target) {
                throw new AssertionError("not opened in these tests");
            }
        };
    }

    @Test
    void all_unsortedProviders_sortsById() {
        ProviderRegistry registry = new ProviderRegistry(List.of(named("gcp"), named("aws"), named("azure")));

        assertThat(registry.all()).extracting(CloudProvider::id).containsExactly("aws", "azure", "gcp");
    }

    @Test
    void get_knownId_returnsProvider() {
        ProviderRegistry registry = new ProviderRegistry(List.of(named("gcp"), named("aws")));

        assertThat(registry.get("gcp").displayName()).isEqualTo("GCP");
    }

    @Test
    void get_unknownId_throwsUsageListingKnownIds() {
        // given
        ProviderRegistry registry = new ProviderRegistry(List.of(named("gcp"), named("aws")));

        // when
        ClouddemoException e = clouddemoFailure(() -> registry.get("AWS"));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(e.getMessage()).isEqualTo("unknown provider 'AWS'");
        assertThat(e.hint()).startsWith("this build has: aws, gcp");
    }
}
