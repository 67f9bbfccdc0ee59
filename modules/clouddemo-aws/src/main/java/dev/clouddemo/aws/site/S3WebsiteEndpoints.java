package dev.clouddemo.aws.site;

import java.net.URI;
import java.util.Set;

/** The website address of a bucket: the regional S3 website endpoint, or the emulator's form. */
final class S3WebsiteEndpoints {
    /** Regions whose website endpoint is {@code s3-website-<region>} rather than {@code s3-website.<region>}. */
    private static final Set<String> DASH_REGIONS = Set.of(
            "us-east-1", "us-west-1", "us-west-2", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1",
            "eu-west-1", "sa-east-1", "us-gov-west-1");

    private S3WebsiteEndpoints() {
    }

    static String url(String bucket, String region, URI endpoint) {
        if (endpoint != null) {
            String port = endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort();
            return endpoint.getScheme() + "://" + bucket + ".s3-website." + region + ".localhost" + port + "/";
        }
        String separator = DASH_REGIONS.contains(region) ? "-" : ".";
        return "http://" + bucket + ".s3-website" + separator + region + ".amazonaws.com/";
    }
}
