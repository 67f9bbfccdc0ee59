package dev.clouddemo.gcp.function;

import com.google.cloud.functions.v2.GenerateUploadUrlRequest;
import com.google.cloud.functions.v2.GenerateUploadUrlResponse;
import com.google.cloud.functions.v2.StorageSource;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import dev.clouddemo.core.kit.bundle.PythonBundle;
import dev.clouddemo.gcp.GcpSession;

/**
 * A function's source on its way in: Cloud Functions hands out an upload URL and the storage
 * source that names it; the zip goes there, then the function is built from it. Locally the URL
 * names storage.googleapis.com, which is not reachable: the zip goes to fake-gcs-server instead,
 * into the bucket and object the answer names (the emulator records the function, builds nothing).
 */
final class FunctionSource {
    private final GcpSession session;

    FunctionSource(GcpSession session) {
        this.session = session;
    }

    /** Uploads the bundle and returns where the function is to be built from. */
    StorageSource upload(PythonBundle bundle, String location) {
        GenerateUploadUrlResponse upload = session.functions().generateUploadUrl(GenerateUploadUrlRequest.newBuilder()
                .setParent(location).build());
        StorageSource source = upload.getStorageSource();
        Storage standIn = session.localUploadStandIn();
        try {
            standIn.create(BucketInfo.of(source.getBucket()));
        } catch (StorageException e) {
            if (e.getCode() != 409) {
                throw e;
            }
        }
        standIn.create(BlobInfo.newBuilder(BlobId.of(source.getBucket(), source.getObject())).setContentType("application/zip").build(),
                bundle.zip());
        return source;
    }
}
