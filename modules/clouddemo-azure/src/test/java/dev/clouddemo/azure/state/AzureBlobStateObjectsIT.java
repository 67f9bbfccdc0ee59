package dev.clouddemo.azure.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clouddemo.core.state.StateObjects;
import dev.clouddemo.core.state.StateUrl;
import dev.clouddemo.testkit.Azurite;
import dev.clouddemo.testkit.AzuriteExtension;
import dev.clouddemo.testkit.state.RemoteStateContract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Remote state in an Azure blob container, on Azurite: Azurite enforces {@code If-Match} (412) and
 * {@code If-None-Match: *} (409) on Put Blob, checked first by {@link #put_conditionsOnAzurite_areEnforced()}.
 * The Python azure-storage-blob client is the second client.
 */
@ExtendWith(AzuriteExtension.class)
class AzureBlobStateObjectsIT extends RemoteStateContract {
    private static final String CONTAINER = "clouddemo-state";
    private static final String PYTHON = String.join("\n",
            "import sys",
            "from azure.storage.blob import BlobServiceClient",
            "from azure.core.exceptions import ResourceNotFoundError",
            "op, url, account, key, container, name, path = sys.argv[1:8]",
            "blob = BlobServiceClient(url, credential={'account_name': account, 'account_key': key})"
                    + ".get_blob_client(container, name)",
            "if op == 'get':",
            "    try:",
            "        open(path, 'wb').write(blob.download_blob().readall())",
            "    except ResourceNotFoundError:",
            "        sys.exit(3)",
            "else:",
            "    blob.upload_blob(open(path, 'rb').read(), overwrite=True)",
            "");
    private Azurite azurite;
    private Path scratch;
    private Path script;

    @BeforeAll
    void onAzurite(Azurite azurite) throws IOException {
        this.azurite = azurite;
        this.scratch = Files.createTempDirectory("azblob-state");
        this.script = Files.writeString(scratch.resolve("blob.py"), PYTHON);
        objects("").prepare();
    }

    private Map<String, String> environment() {
        return Map.of("CLOUDDEMO_AZURITE_PORT", String.valueOf(azurite.port()));
    }

    @Override
    protected StateObjects objects(String prefix) {
        return new AzureBlobStateFactory(environment()).open(
                StateUrl.parse("azblob://" + Azurite.DEV_ACCOUNT + "/" + CONTAINER + "/" + prefix), true);
    }

    private int python(String op, String key, Path file) {
        try {
            Process p = new ProcessBuilder(azurite.pythonClient().toString(), script.toString(), op,
                    azurite.accountUrl(Azurite.DEV_ACCOUNT), Azurite.DEV_ACCOUNT, Azurite.DEV_KEY, CONTAINER, key,
                    file.toString()).redirectErrorStream(true).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(out).isIn(0, 3);
            return p.exitValue();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    protected Optional<byte[]> readWithSecondClient(String key) {
        Path out = scratch.resolve("get-" + System.nanoTime());
        if (python("get", key, out) != 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(out));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    protected void writeWithSecondClient(String key, byte[] bytes) {
        try {
            assertThat(python("put", key, Files.write(scratch.resolve("put-" + System.nanoTime()), bytes))).isZero();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void put_conditionsOnAzurite_areEnforced() {
        // given: a blob
        StateObjects objects = objects(prefix);
        String etag = objects.put("probe", new byte[] {1}, StateObjects.Condition.ABSENT);

        // then: a create over it, and a write on a stale ETag, are refused; the right ETag passes
        assertThatThrownBy(() -> objects.put("probe", new byte[] {2}, StateObjects.Condition.ABSENT))
                .isInstanceOf(StateObjects.ConditionFailed.class);
        String next = objects.put("probe", new byte[] {3}, StateObjects.Condition.matches(etag));
        assertThatThrownBy(() -> objects.put("probe", new byte[] {4}, StateObjects.Condition.matches(etag)))
                .isInstanceOf(StateObjects.ConditionFailed.class);
        assertThat(objects.get("probe").orElseThrow().version()).isEqualTo(next);
        assertThat(readWithSecondClient(prefix + "/probe").orElseThrow()).containsExactly(3);
    }

    @Test
    void prepare_twice_privateContainerWithMetadataAndSecondChangesNothing() {
        // given: a container that does not exist yet
        StateObjects objects = new AzureBlobStateFactory(environment()).open(StateUrl.parse("azblob://"
                + Azurite.DEV_ACCOUNT + "/init-" + prefix.substring(prefix.length() - 6) + "/team"), true);

        // when
        List<String> first = objects.prepare();
        List<String> second = objects.prepare();

        // then
        assertThat(first).singleElement().asString().startsWith("created private container init-");
        assertThat(second).isEmpty();
    }
}
