package dev.clouddemo.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.spi.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcpTargetTest {
    @TempDir
    Path gcloud;

    private Map<String, String> env(String... more) {
        java.util.Map<String, String> env = new java.util.HashMap<>(Map.of("CLOUDSDK_CONFIG", gcloud.toString()));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    private static Target real(Map<String, String> scope) {
        return new Target(null, false, null, Settings.DEFAULTS, scope);
    }

    @Test
    void resolve_projectOption_winsOverEnvironment() {
        GcpTarget t = GcpTarget.resolve(real(Map.of("project", "pinned-project")), env("GOOGLE_CLOUD_PROJECT", "env-project"));
        assertThat(t.project()).isEqualTo("pinned-project");
        assertThat(t.region()).isEqualTo("us-central1");
    }

    @Test
    void resolve_googleCloudProject_beforeCloudsdkCoreProject() {
        assertThat(GcpTarget.resolve(real(Map.of()), env("GOOGLE_CLOUD_PROJECT", "first-project",
                "CLOUDSDK_CORE_PROJECT", "second-project")).project()).isEqualTo("first-project");
    }

    @Test
    void resolve_cloudsdkCoreProject_readByClouddemo() {
        assertThat(GcpTarget.resolve(real(Map.of()), env("CLOUDSDK_CORE_PROJECT", "sdk-project")).project()).isEqualTo("sdk-project");
    }

    @Test
    void resolve_gcloudActiveConfiguration_itsCoreProject() throws IOException {
        Files.writeString(gcloud.resolve("active_config"), "lab\n");
        Files.createDirectories(gcloud.resolve("configurations"));
        Files.writeString(gcloud.resolve("configurations/config_lab"), "[compute]\nzone = x\n[core]\naccount = a@b.c\nproject = lab-project-1\n");
        GcpTarget t = GcpTarget.resolve(real(Map.of()), env());
        assertThat(t.project()).isEqualTo("lab-project-1");
        assertThat(t.projectSource()).contains("gcloud configuration 'lab'");
    }

    @Test
    void resolve_noProjectAnywhere_invalidInputNamingEveryWay() {
        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> GcpTarget.resolve(real(Map.of()), env()));
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).contains("--project", "GOOGLE_CLOUD_PROJECT", "CLOUDSDK_CORE_PROJECT", "gcloud configuration");
        assertThat(e.hint()).contains("--project PROJECT_ID", "gcloud config set project");
    }

    @Test
    void resolve_projectNumberOrDisplayName_invalidInput() {
        ClouddemoException e = catchThrowableOfType(ClouddemoException.class,
                () -> GcpTarget.resolve(real(Map.of("project", "My Project")), env()));
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).contains("'My Project' (from --project) is not a Google Cloud project id");
    }

    @Test
    void resolve_local_defaultProjectAndNoRealOne() {
        GcpTarget t = GcpTarget.resolve(new Target(null, true, "http://127.0.0.1:4443"), env("GOOGLE_CLOUD_PROJECT", "real-project"));
        assertThat(t.project()).isEqualTo("clouddemo-local");
        assertThat(t.endpoint()).hasToString("http://127.0.0.1:4443");
    }

    @Test
    void scope_pinnedZone_projectRegionZone() {
        GcpSession session = new GcpSession(GcpTarget.resolve(new Target("europe-west1", false, null, Settings.DEFAULTS,
                Map.of("project", "p-project", "zone", "europe-west1-d")), env()), Map.of(), Map.of());
        assertThat(session.scope()).containsExactly(Map.entry("project", "p-project"), Map.entry("region", "europe-west1"),
                Map.entry("zone", "europe-west1-d"));
    }
}
