package dev.clouddemo.azure.site;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobServiceProperties;
import com.azure.storage.blob.models.StaticWebsite;
import dev.clouddemo.core.content.Site;

/**
 * The static website of a storage account: a blob-service property (data plane) in SDK 2.52.0,
 * not a Resource Manager field. On, with the index document and the 404 page; off again on
 * destroy where the account outlives the site (Azurite's).
 */
final class StaticWebsiteSettings {
    static final String TYPE = "static-website";
    static final String CONTAINER = "$web";

    private StaticWebsiteSettings() {
    }

    static boolean current(BlobServiceClient blobs, String errorDocument) {
        StaticWebsite website = blobs.getProperties().getStaticWebsite();
        return website != null && website.isEnabled() && Site.INDEX.equals(website.getIndexDocument())
                && errorDocument.equals(website.getErrorDocument404Path());
    }

    /** Sets only the website part: the service's other properties (logging, CORS…) are sent back as read. */
    static void enable(BlobServiceClient blobs, String errorDocument) {
        BlobServiceProperties properties = blobs.getProperties();
        properties.setStaticWebsite(new StaticWebsite().setEnabled(true).setIndexDocument(Site.INDEX)
                .setErrorDocument404Path(errorDocument));
        blobs.setProperties(properties);
    }

    static void disable(BlobServiceClient blobs) {
        BlobServiceProperties properties = blobs.getProperties();
        properties.setStaticWebsite(new StaticWebsite().setEnabled(false));
        blobs.setProperties(properties);
    }

    static String why(String errorDocument) {
        return "website on: index " + Site.INDEX + ", 404 page " + errorDocument + ", served from " + CONTAINER;
    }
}
