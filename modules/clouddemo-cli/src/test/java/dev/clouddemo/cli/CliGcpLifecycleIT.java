package dev.clouddemo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.clouddemo.testkit.FakeGcsServer;
import dev.clouddemo.testkit.FakeGcsServerExtension;
import dev.clouddemo.testkit.GcloudCli;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged CLI deploying the built-in demo site to Google Cloud Storage on fake-gcs-server
 * ({@code --local}, at {@code CLOUDDEMO_FAKE_GCS_SERVER_PORT}), then destroying it; the gcloud CLI
 * checks as a second client what the bucket holds, and that nothing is left.
 */
@ExtendWith(FakeGcsServerExtension.class)
class CliGcpLifecycleIT {
    @TempDir
    Path temp;

    @Test
    void lifecycle_builtInDemoSiteOnFakeGcsServer_deploysServesAndDestroysCleanly(FakeGcsServer fake) throws Exception {
        // given
        assumeTrue(GcloudCli.missingReason().isEmpty(), GcloudCli.missingReason().orElse(""));
        String env = CliLifecycleIT.uniqueEnv();
        Clouddemo cli = Clouddemo.in(temp)
                .with("CLOUDDEMO_HOME", temp.resolve("state").toString())
                .with("CLOUDDEMO_FAKE_GCS_SERVER_PORT", String.valueOf(fake.endpoint().getPort()))
                .with("CLOUDSDK_CONFIG", temp.resolve("no-gcloud").toString());
        GcloudCli gcloud = GcloudCli.at(fake.endpoint(), temp.resolve("gcloud"), "clouddemo-local");
        String[] target = {"-p", "gcp", "-m", "static", "--local", "--env", env};

        // when
        Clouddemo.Result deploy = cli.run(verb("deploy", target));

        // then: the plan, the notes, the outputs; the page served at the printed URL
        assertThat(deploy.exitCode()).as("%s", deploy).isZero();
        String bucket = output(deploy, "bucket");
        String url = output(deploy, "url");
        assertThat(bucket).matches("clouddemo-" + env + "-static-[a-z0-9]{6}");
        assertThat(url).isEqualTo(fake.endpoint() + "/" + bucket + "/index.html");
        assertThat(deploy.stdout()).as("%s", deploy)
                .containsPattern("\\+ gcs-bucket +" + bucket)
                .contains("Note: Bucket " + bucket + " is publicly readable")
                .contains("apply only behind a custom domain or a load balancer");
        assertThat(deploy.stderr()).as("%s", deploy).doesNotContain("error:").doesNotContain("Exception");
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html");

        // and: gcloud sees the objects with their content types and MD5s
        String objects = gcloud.run("storage", "objects", "list", "gs://" + bucket,
                "--format=value(name,content_type,md5_hash)").orFail().stdout();
        assertThat(objects).contains("index.html\ttext/html").contains("404.html\ttext/html").containsPattern("==");

        // when: deployed again, unchanged
        Clouddemo.Result redeploy = cli.run(verb("deploy", target));

        // then: nothing to do
        assertThat(redeploy.exitCode()).as("%s", redeploy).isZero();
        assertThat(redeploy.stdout()).as("%s", redeploy).contains("No changes: gcp/static in environment '" + env + "' is up to date.");
        assertThat(redeploy.stderr()).doesNotContain("Applying");

        // when: destroyed
        Clouddemo.Result destroy = cli.run("destroy", "--env", env, "--yes");

        // then: gone, by clouddemo's own check and by gcloud's listing
        assertThat(destroy.exitCode()).as("%s", destroy).isZero();
        assertThat(destroy.stdout()).as("%s", destroy).contains("Destroyed gcp/static in environment '" + env + "'");
        assertThat(gcloud.run("storage", "buckets", "list", "--format=value(name)").orFail().stdout()).doesNotContain(bucket);
        assertThat(cli.run("status", "--env", env).stdout()).doesNotContain("gcp/static");
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
