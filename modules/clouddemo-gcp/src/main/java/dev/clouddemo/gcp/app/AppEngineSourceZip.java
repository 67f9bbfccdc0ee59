package dev.clouddemo.gcp.app;

import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import dev.clouddemo.core.kit.bundle.PythonBundle;

/**
 * The app's code as App Engine fetches it: one zip in the deployment's staging bucket, named after
 * the version, written only when it is not there with these bytes (a retried deploy uploads
 * nothing twice). App Engine reads it at {@code https://storage.googleapis.com/<bucket>/<object>}.
 */
final class AppEngineSourceZip {
    private final Storage storage;

    AppEngineSourceZip(Storage storage) {
        this.storage = storage;
    }

    void put(String bucket, String object, PythonBundle bundle) {
        BlobId id = BlobId.of(bucket, object);
        var existing = storage.get(id);
        if (existing != null && bundle.zipSha256().equals(existing.getMetadata() == null ? null
                : existing.getMetadata().get(SHA256))) {
            return;
        }
        storage.create(BlobInfo.newBuilder(id).setContentType("application/zip")
                .setMetadata(java.util.Map.of(SHA256, bundle.zipSha256())).build(), bundle.zip());
    }

    private static final String SHA256 = "sha256";
}
