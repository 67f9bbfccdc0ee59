package dev.clouddemo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.testkit.Azurite;
import dev.clouddemo.testkit.AzuriteExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clouddemo deploy -p azure -m static --local}, then {@code destroy}, with the packaged CLI
 * on Azurite, checked with a second client: the Python {@code azure-storage-blob} package that
 * {@code scripts/emulators.sh install azurite} puts beside the emulator.
 */
@ExtendWith(AzuriteExtension.class)
class CliAzureLocalIT {
    @TempDir
    Path temp;

    /** Lists $web and the website settings through the Python client, one fact a line. */
    private static final String PYTHON_CHECK = String.join("\n",
            "import base64, sys",
            "from azure.storage.blob import BlobServiceClient",
            "from azure.core.exceptions import ResourceNotFoundError",
            "service = BlobServiceClient(account_url=sys.argv[1], credential={'account_name': sys.argv[2], 'account_key': sys.argv[3]})",
            "website = service.get_service_properties()['static_website']",
            "print('website', website.enabled, website.index_document, website.error_document404_path)",
            "container = service.get_container_client('$web')",
            "try:",
            "    props = container.get_container_properties()",
            "    print('container', props.metadata.get('clouddemo_env'))",
            "    for blob in container.list_blobs():",
            "        md5 = blob.content_settings.content_md5",
            "        print('blob', blob.name, blob.content_settings.content_type, base64.b64encode(md5).decode() if md5 else '-')",
            "except ResourceNotFoundError:",
            "    print('no container')",
            "");

    private List<String> pythonCheck(Azurite azurite) throws IOException, InterruptedException {
        assertThat(azurite.pythonClient()).as("the Python azure-storage-blob client (scripts/emulators.sh install azurite)")
                .isExecutable();
        Path script = Files.writeString(temp.resolve("check.py"), PYTHON_CHECK);
        Process process = new ProcessBuilder(azurite.pythonClient().toString(), script.toString(),
                azurite.accountUrl(Azurite.DEV_ACCOUNT), Azurite.DEV_ACCOUNT, Azurite.DEV_KEY)
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(out).isZero();
        return out.lines().toList();
    }

    @Test
    void deployThenDestroy_local_siteInWebReadByPythonThenGone(Azurite azurite) throws Exception {
        String env = "az" + Integer.toString(new SecureRandom().nextInt(1 << 20), 36);
        Clouddemo cli = Clouddemo.in(temp)
                .with("CLOUDDEMO_HOME", temp.resolve("state").toString())
                .with("CLOUDDEMO_AZURITE_PORT", String.valueOf(azurite.port()));
        String[] target = {"-p", "azure", "-m", "static", "--local", "--env", env};

        Clouddemo.Result deploy = cli.run(concat("deploy", target));

        assertThat(deploy.exitCode()).as("%s", deploy).isZero();
        String url = azurite.accountUrl(Azurite.DEV_ACCOUNT) + "/$web/index.html";
        assertThat(deploy.stdout()).as("%s", deploy).contains(url)
                .contains("Azurite keeps the website settings but serves no website");
        java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as("the printed URL, read without a key").isEqualTo(200);
        assertThat(page.body()).contains("Hello from clouddemo");
        List<String> deployed = pythonCheck(azurite);
        assertThat(deployed).as("%s", deployed)
                .contains("website True index.html 404.html")
                .contains("container " + env)
                .anyMatch(line -> line.startsWith("blob index.html text/html") && !line.endsWith(" -"));

        Clouddemo.Result again = cli.run(concat("deploy", target));
        assertThat(again.exitCode()).as("%s", again).isZero();
        assertThat(again.stdout()).as("an unchanged redeploy: %s", again).startsWith("No changes: azure/static in environment '" + env + "' is up to date.");

        Clouddemo.Result destroy = cli.run("destroy", "--env", env, "--yes");

        assertThat(destroy.exitCode()).as("%s", destroy).isZero();
        assertThat(pythonCheck(azurite)).contains("no container").anyMatch(line -> line.startsWith("website False"));
    }

    private static String[] concat(String verb, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = verb;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
