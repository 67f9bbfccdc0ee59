package dev.clouddemo.aws;

import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.Tags;
import dev.clouddemo.core.spi.FoundResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Finds the account's buckets that carry clouddemo's tags by asking S3 itself (ListBuckets,
 * then GetBucketTagging on clouddemo-named buckets). S3 is authoritative where the Tagging API is
 * eventually consistent or, on some emulators, blind to bucket tags.
 */
final class S3BucketTagScan {
    private final S3Client s3;

    S3BucketTagScan(S3Client s3) {
        this.s3 = s3;
    }

    /** Buckets tagged managed-by clouddemo and, when given, with the environment's tag. */
    List<FoundResource> find(Optional<EnvName> env) {
        String prefix = "clouddemo-" + env.map(e -> e.value() + "-").orElse("");
        return s3.listBuckets().buckets().stream()
                .map(b -> b.name())
                .filter(name -> name.startsWith(prefix))
                .map(name -> tagsOf(name).map(tags -> AwsTagSearch.found(S3Buckets.arn(name), "s3", tags)))
                .flatMap(Optional::stream)
                .filter(found -> Tags.MANAGED_BY_VALUE.equals(found.tags().get(Tags.MANAGED_BY)))
                .filter(found -> env.isEmpty() || env.get().value().equals(found.tags().get(Tags.ENV)))
                .toList();
    }

    private Optional<Map<String, String>> tagsOf(String bucket) {
        try {
            return Optional.of(s3.getBucketTagging(r -> r.bucket(bucket)).tagSet().stream()
                    .collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b)));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty(); // no tags, or the bucket went away meanwhile
            }
            throw e;
        }
    }
}
