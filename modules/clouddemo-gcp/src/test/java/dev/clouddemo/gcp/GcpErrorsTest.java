package dev.clouddemo.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.storage.StorageException;
import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.spi.Target;
import java.io.IOException;
import java.net.ConnectException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GcpErrorsTest {
    private static final String DOING = "creating bucket b";
    private final GcpTarget real = GcpTarget.resolve(new Target("us-central1", false, null, Settings.DEFAULTS,
            Map.of("project", "demo-project")), Map.of("CLOUDSDK_CONFIG", "/nonexistent"));
    private final GcpTarget local = GcpTarget.resolve(new Target("us-central1", true, "http://127.0.0.1:1"), Map.of());

    private ClouddemoException translate(StorageException e, GcpTarget target) {
        return GcpErrors.translate(e, DOING, target);
    }

    @Test
    void translate_unauthorized_credentialsWithLoginCommand() {
        ClouddemoException t = translate(new StorageException(401, "Invalid Credentials", "authError", null), real);
        assertThat(t.exitCode()).isEqualTo(ExitCode.CREDENTIALS);
        assertThat(t.getMessage()).isEqualTo("creating bucket b failed: Invalid Credentials (HTTP 401, authError)");
        assertThat(t.hint()).contains("gcloud auth application-default login");
    }

    @Test
    void translate_forbidden_permissionNamingTheProject() {
        ClouddemoException t = translate(new StorageException(403,
                "me@example.com does not have storage.buckets.create access to the Google Cloud project.", "forbidden", null), real);
        assertThat(t.exitCode()).isEqualTo(ExitCode.CREDENTIALS);
        assertThat(t.hint()).contains("project demo-project (from --project").contains("docs/models/");
    }

    @Test
    void translate_apiDisabled_enableCommand() {
        ClouddemoException t = translate(new StorageException(403, "Cloud Storage JSON API has not been used in project"
                + " demo-project before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/"
                + "storage-api.googleapis.com/overview?project=demo-project then retry.", "accessNotConfigured", null), real);
        assertThat(t.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(t.hint()).contains("gcloud services enable storage.googleapis.com --project demo-project");
    }

    @Test
    void translate_billingDisabled_linkCommand() {
        ClouddemoException t = translate(new StorageException(403,
                "The billing account for the owning project is disabled in state absent", "accountDisabled", null), real);
        assertThat(t.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(t.hint()).contains("billing is not enabled for project demo-project").contains("gcloud billing projects link");
    }

    @Test
    void translate_userCredentialsWithoutQuotaProject_setQuotaProjectHint() {
        ClouddemoException t = translate(new StorageException(403, "Cloud Storage JSON API has not been used in project"
                + " 764086051850 before or it is disabled.", "accessNotConfigured", null), real);
        assertThat(t.exitCode()).isEqualTo(ExitCode.CREDENTIALS);
        assertThat(t.hint()).contains("gcloud auth application-default set-quota-project demo-project");
    }

    @Test
    void translate_throttledAndUnavailable_afterAttemptsRunAgain() {
        ClouddemoException throttled = translate(new StorageException(429, "The rate of change requests to the bucket is too high",
                "rateLimitExceeded", null), real);
        assertThat(throttled.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(throttled.getMessage()).contains("HTTP 429").contains("after 8 attempt(s)");
        assertThat(throttled.hint()).contains("throttling");
        ClouddemoException unavailable = translate(new StorageException(503, "Backend Error", "backendError", null), real);
        assertThat(unavailable.hint()).contains("unavailable");
    }

    @Test
    void translate_emulatorNotRunning_startCommand() {
        ClouddemoException t = translate(new StorageException(new IOException(new ConnectException("Connection refused"))), local);
        assertThat(t.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(t.getMessage()).startsWith("cannot reach http://127.0.0.1:1 while creating bucket b");
        assertThat(t.hint()).contains("scripts/emulators.sh start fake-gcs-server");
    }

    @Test
    void translate_noMessage_neverNullOrClassName() {
        ClouddemoException t = translate(new StorageException(500, null, null, null), real);
        assertThat(t.getMessage()).doesNotContain("null").doesNotContain("Exception");
        assertThat(t.hint()).doesNotContain("null");
    }

    @Test
    void translate_notTheClientLibrary_null() {
        assertThat(GcpErrors.translate(new IllegalStateException("x"), DOING, real)).isNull();
    }

    @Test
    void translate_answerTheLibraryCouldNotRead_noJavaMessage() {
        StorageException e = new StorageException(0, "Cannot invoke \"java.lang.Integer.intValue()\"", null,
                new NullPointerException("Cannot invoke \"java.lang.Integer.intValue()\""));
        ClouddemoException t = translate(e, real);
        assertThat(t.getMessage()).doesNotContain("java.").contains("could not read the answer");
    }

    @Test
    void translate_missingPermissionOnTheBuildServiceAccount_explainsTheGrants() {
        ClouddemoException t = translate(new StorageException(400, "Build failed with status: FAILURE. Could not build the"
                + " function due to a missing permission on the build service account.", "failedPrecondition", null), real);
        assertThat(t.exitCode()).isEqualTo(ExitCode.CREDENTIALS);
        assertThat(t.hint()).contains("roles/cloudbuild.builds.builder").contains("roles/iam.serviceAccountUser")
                .contains("gcloud projects add-iam-policy-binding demo-project");
    }
}
