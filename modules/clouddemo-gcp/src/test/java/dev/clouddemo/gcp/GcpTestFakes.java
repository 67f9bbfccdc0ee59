package dev.clouddemo.gcp;

import dev.clouddemo.testkit.conformance.CallRecorder;
import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * The recording proxies a faas test runs behind: one in front of fake-gcs-server (the upload
 * stand-in) and one in front of drongo, sharing one record; and the environment that points the
 * provider's local emulators at them.
 */
public final class GcpTestFakes implements AutoCloseable {
    private final GcsMetadataFake storage;
    private final GcsMetadataFake functions;

    private GcpTestFakes(GcsMetadataFake storage, GcsMetadataFake functions) {
        this.storage = storage;
        this.functions = functions;
    }

    public static GcpTestFakes functions(URI fakeGcsServer, URI drongo) throws IOException {
        GcsMetadataFake storage = new GcsMetadataFake(fakeGcsServer);
        return new GcpTestFakes(storage, storage.recordingAlso(drongo, "cloudfunctions"));
    }

    /** {@code STORAGE_EMULATOR_HOST} and {@code CLOUDDEMO_DRONGO_PORT} at the proxies. */
    public Map<String, String> environment() {
        return Map.of("STORAGE_EMULATOR_HOST", "127.0.0.1:" + storage.endpoint().getPort(),
                "CLOUDDEMO_DRONGO_PORT", String.valueOf(functions.endpoint().getPort()));
    }

    public URI functionsEndpoint() {
        return functions.endpoint();
    }

    public CallRecorder recorder() {
        return storage.recorder;
    }

    @Override
    public void close() {
        functions.close();
        storage.close();
    }
}
