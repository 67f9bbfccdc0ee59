package dev.clouddemo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.testkit.Drongo;
import dev.clouddemo.testkit.DrongoExtension;
import dev.clouddemo.testkit.FakeGcsServer;
import dev.clouddemo.testkit.FakeGcsServerExtension;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged CLI deploying the built-in demo function to Cloud Functions 2nd gen on drongo
 * ({@code --local}, at {@code CLOUDDEMO_DRONGO_PORT}; the source zip goes to fake-gcs-server, the
 * stand-in for the upload URL), then destroying it. drongo records the function and runs nothing:
 * the plan says so. Drongo's REST API and fake-gcs-server's JSON API are read directly as the
 * second clients.
 */
@ExtendWith({DrongoExtension.class, FakeGcsServerExtension.class})
class CliGcpFunctionIT {
    private static final Pattern SOURCE = Pattern.compile("\"bucket\": \"([^\"]+)\",\\s*\"object\": \"([^\"]+)\"");

    @TempDir
    Path temp;

    @Test
    void lifecycle_builtInDemoFunctionOnDrongo_recordedNotRunThenDestroyedWithItsSource(Drongo drongo, FakeGcsServer storage)
            throws Exception {
        // given
        String env = CliLifecycleIT.uniqueEnv();
        Clouddemo cli = Clouddemo.in(temp)
                .with("CLOUDDEMO_HOME", temp.resolve("state").toString())
                .with("CLOUDDEMO_DRONGO_PORT", String.valueOf(drongo.endpoint().getPort()))
                .with("CLOUDDEMO_FAKE_GCS_SERVER_PORT", String.valueOf(storage.endpoint().getPort()))
                .with("CLOUDSDK_CONFIG", temp.resolve("no-gcloud").toString());
        String[] target = {"-p", "gcp", "-m", "faas", "--local", "--env", env};

        // when
        Clouddemo.Result deploy = cli.run(verb("deploy", target));

        // then: the plan says the function is recorded, not run; no repository or invoker on the emulator
        assertThat(deploy.exitCode()).as("%s", deploy).isZero();
        String id = output(deploy, "function");
        assertThat(id).matches("clouddemo-" + env + "-faas-[a-z0-9]{6}");
        assertThat(output(deploy, "url")).isEqualTo("https://us-central1-clouddemo-local.cloudfunctions.net/" + id);
        assertThat(deploy.stdout()).as("%s", deploy)
                .containsPattern("\\+ cloud-function +" + id)
                .contains("the function is recorded, not run");
        assertThat(deploy.stderr()).as("%s", deploy).doesNotContain("error:").doesNotContain("Exception");

        // and: drongo has it, labelled; its source zip is in the upload stand-in
        HttpResponse<String> function = get(drongo.endpoint().resolve(
                "/v2/projects/clouddemo-local/locations/us-central1/functions/" + id));
        assertThat(function.statusCode()).isEqualTo(200);
        assertThat(function.body()).contains("\"clouddemo-env\": \"" + env + "\"").contains("\"python312\"");
        Matcher source = SOURCE.matcher(function.body());
        assertThat(source.find()).as("the storage source in %s", function.body()).isTrue();
        URI zip = storage.endpoint().resolve("/storage/v1/b/" + source.group(1) + "/o/"
                + URLEncoder.encode(source.group(2), StandardCharsets.UTF_8));
        assertThat(get(zip).statusCode()).as("source zip %s", zip).isEqualTo(200);

        // when: deployed again, unchanged
        Clouddemo.Result redeploy = cli.run(verb("deploy", target));

        // then: nothing to do
        assertThat(redeploy.exitCode()).as("%s", redeploy).isZero();
        assertThat(redeploy.stdout()).as("%s", redeploy).contains("No changes: gcp/faas in environment '" + env + "' is up to date.");

        // when: destroyed
        Clouddemo.Result destroy = cli.run("destroy", "--env", env, "--yes");

        // then: the function and its source zip are gone
        assertThat(destroy.exitCode()).as("%s", destroy).isZero();
        assertThat(destroy.stdout()).as("%s", destroy).contains("Destroyed gcp/faas in environment '" + env + "'");
        assertThat(get(drongo.endpoint().resolve("/v2/projects/clouddemo-local/locations/us-central1/functions/" + id))
                .statusCode()).isEqualTo(404);
        assertThat(get(zip).statusCode()).as("source zip %s", zip).isEqualTo(404);
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String output(Clouddemo.Result result, String key) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + " = (\\S+)$").matcher(result.stdout());
        assertThat(m.find()).as("a '%s = …' line: %s", key, result).isTrue();
        return m.group(1);
    }

    private static String[] verb(String verb, String[] target) {
        String[] args = new String[target.length + 1];
        args[0] = verb;
        System.arraycopy(target, 0, args, 1, target.length);
        return args;
    }
}
