package dev.clouddemo.gcp.function;

import com.google.cloud.functions.v2.GenerateUploadUrlRequest;
import com.google.cloud.functions.v2.GenerateUploadUrlResponse;
import com.google.cloud.functions.v2.StorageSource;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.kit.bundle.PythonBundle;
import dev.clouddemo.gcp.GcpClients;
import dev.clouddemo.gcp.GcpSession;

/**
 * A function's source on its way in: Cloud Functions hands out a signed upload URL and the
 * storage source that names it; the zip is PUT there (no credentials: the URL is signed), then the
 * function is built from it. Locally the URL names storage.googleapis.com, which is not reachable:
 * the zip goes to fake-gcs-server instead, into the bucket and object the answer names (the
 * emulator records the function, builds nothing).
 */
final class FunctionSource {
    private final GcpSession session;

    FunctionSource(GcpSession session) {
        this.session = session;
    }

    /** Uploads the bundle and returns where the function is to be built from. */
    StorageSource upload(PythonBundle bundle, String location) {
        GenerateUploadUrlResponse upload = session.clients().functions().generateUploadUrl(GenerateUploadUrlRequest.newBuilder()
                .setParent(location).build());
        StorageSource source = upload.getStorageSource();
        if (!session.local()) {
            put(session.endpoints().uploadTarget(upload.getUploadUrl()), bundle.zip());
            return source;
        }
        Storage standIn = session.clients().localUploadStandIn();
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

    private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(2);

    /** The signed URL takes one PUT of the zip, {@code Content-Type: application/zip}. */
    private static void put(URI url, byte[] zip) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(UPLOAD_TIMEOUT)
                .header("Content-Type", "application/zip")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(zip)).build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(GcpClients.CONNECT_TIMEOUT).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("uploading the function's source to " + url.getHost() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw ClouddemoException.cloud("uploading the function's source to the signed upload URL failed: HTTP "
                    + response.statusCode() + (response.body().isBlank() ? "" : ": " + response.body().strip()),
                    "run the command again (a new upload URL is asked for each deploy)", null);
        }
    }
}
