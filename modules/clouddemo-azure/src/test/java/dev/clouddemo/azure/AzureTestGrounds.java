package dev.clouddemo.azure;

import dev.clouddemo.testkit.conformance.CallRecorder;

/** For the model packages' tests: a provider's access that records its calls, and a second client's read of a blob. */
public final class AzureTestGrounds {
    private AzureTestGrounds() {
    }

    public record Recorded(AzureAccess access, CallRecorder calls, AzureRecordingHttpClient client) {
    }

    public static Recorded recording() {
        return recording(new AzureRecordingHttpClient());
    }

    static Recorded recording(AzureRecordingHttpClient client) {
        return new Recorded(AzureTestAccess.through(client), client, client);
    }

    /**
     * A blob as a second client (its own SDK client, signed with the account key) reads it: its
     * text, Content-Type and whether its stored Content-MD5 is the MD5 of that text.
     */
    public record ReadBlob(String text, String contentType, boolean md5Matches) {
    }

    public static ReadBlob read(String accountUrl, String account, String key, String container, String blob) {
        var client = new com.azure.storage.blob.BlobServiceClientBuilder().endpoint(accountUrl)
                .credential(new com.azure.storage.common.StorageSharedKeyCredential(account, key)).buildClient()
                .getBlobContainerClient(container).getBlobClient(blob);
        byte[] content = client.downloadContent().toBytes();
        var properties = client.getProperties();
        try {
            byte[] md5 = java.security.MessageDigest.getInstance("MD5").digest(content);
            return new ReadBlob(new String(content, java.nio.charset.StandardCharsets.UTF_8), properties.getContentType(),
                    java.util.Arrays.equals(md5, properties.getContentMd5()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
