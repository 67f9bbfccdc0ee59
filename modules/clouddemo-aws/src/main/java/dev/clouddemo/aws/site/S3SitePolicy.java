package dev.clouddemo.aws.site;

/** The bucket policy that makes a website bucket's objects (and nothing else) publicly readable. */
final class S3SitePolicy {
    private S3SitePolicy() {
    }

    static String publicRead(String bucket) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ClouddemoPublicReadForWebsite\","
                + "\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::" + bucket + "/*\"}]}";
    }
}
