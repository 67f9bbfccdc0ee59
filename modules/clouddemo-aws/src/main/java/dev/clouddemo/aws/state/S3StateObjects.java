package dev.clouddemo.aws.state;

import dev.clouddemo.aws.AwsSession;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.state.StateObjects;
import dev.clouddemo.core.state.StateUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Remote state in an S3 bucket: reads with the object's ETag, writes with {@code If-Match} (the
 * ETag last seen) or {@code If-None-Match: *} (a lock, a first write), both enforced by S3 itself
 * (412 Precondition Failed, or 409 when two conditional writes meet).
 */
public final class S3StateObjects implements StateObjects {
    /** The state bucket's tags: deliberately not {@code clouddemo-managed-by}, so {@code sweep} never removes it. */
    static final Map<String, String> TAGS = Map.of("clouddemo-purpose", "state");

    private final AwsSession session;
    private final StateUrl url;

    public S3StateObjects(AwsSession session, StateUrl url) {
        this.session = session;
        this.url = url;
    }

    private S3Client s3() {
        return session.s3();
    }

    @Override
    public StateUrl url() {
        return url;
    }

    @Override
    public Optional<Stored> get(String name) {
        return session.step("reading " + url.of(name), () -> {
            try {
                var response = s3().getObjectAsBytes(r -> r.bucket(url.bucket()).key(url.key(name)));
                return Optional.of(new Stored(response.asByteArray(), response.response().eTag()));
            } catch (S3Exception e) {
                if (e.statusCode() == 404 && !"NoSuchBucket".equals(code(e))) {
                    return Optional.empty();
                }
                throw noBucket(e);
            }
        });
    }

    @Override
    public String put(String name, byte[] bytes, Condition condition) {
        PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(url.bucket()).key(url.key(name))
                .contentType("application/json").serverSideEncryption(ServerSideEncryption.AES256);
        if (condition.absent()) {
            request.ifNoneMatch("*");
        } else if (condition.version() != null) {
            request.ifMatch(condition.version());
        }
        Optional<String> etag = session.step("writing " + url.of(name), () -> {
            try {
                return Optional.of(s3().putObject(request.build(), RequestBody.fromBytes(bytes)).eTag());
            } catch (S3Exception e) {
                if (e.statusCode() == 412 || e.statusCode() == 409) {
                    return Optional.empty();
                }
                throw noBucket(e);
            }
        });
        return etag.orElseThrow(() -> new ConditionFailed(name));
    }

    @Override
    public void delete(String name) {
        session.step("removing " + url.of(name), () -> {
            s3().deleteObject(r -> r.bucket(url.bucket()).key(url.key(name)));
        });
    }

    @Override
    public List<String> list() {
        String prefix = url.prefix().isEmpty() ? "" : url.prefix() + "/";
        return session.step("listing " + url, () -> {
            try {
                return s3().listObjectsV2Paginator(r -> r.bucket(url.bucket()).prefix(prefix).delimiter("/")).contents()
                        .stream().map(o -> o.key().substring(prefix.length())).toList();
            } catch (S3Exception e) {
                throw noBucket(e);
            }
        });
    }

    @Override
    public List<String> prepare() {
        List<String> done = new ArrayList<>();
        String bucket = url.bucket();
        session.step("creating bucket " + bucket, () -> {
            if (!exists(bucket)) {
                String region = session.region();
                s3().createBucket(r -> {
                    r.bucket(bucket);
                    if (!"us-east-1".equals(region)) {
                        r.createBucketConfiguration(c -> c.locationConstraint(region));
                    }
                });
                done.add("created bucket " + bucket + " in " + region);
            }
        });
        session.step("blocking public access to bucket " + bucket, () -> {
            boolean blocked = false;
            try {
                var block = s3().getPublicAccessBlock(r -> r.bucket(bucket)).publicAccessBlockConfiguration();
                blocked = Boolean.TRUE.equals(block.blockPublicAcls()) && Boolean.TRUE.equals(block.ignorePublicAcls())
                        && Boolean.TRUE.equals(block.blockPublicPolicy()) && Boolean.TRUE.equals(block.restrictPublicBuckets());
            } catch (S3Exception none) {
                if (none.statusCode() != 404) {
                    throw none;
                }
            }
            if (!blocked) {
                s3().putPublicAccessBlock(r -> r.bucket(bucket).publicAccessBlockConfiguration(c -> c.blockPublicAcls(true)
                        .ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));
                done.add("blocked all public access");
            }
        });
        session.step("turning on default encryption of bucket " + bucket, () -> {
            boolean encrypted = false;
            try {
                encrypted = !s3().getBucketEncryption(r -> r.bucket(bucket)).serverSideEncryptionConfiguration().rules()
                        .isEmpty();
            } catch (S3Exception none) {
                if (none.statusCode() != 404) {
                    throw none;
                }
            }
            if (!encrypted) {
                s3().putBucketEncryption(r -> r.bucket(bucket).serverSideEncryptionConfiguration(c -> c.rules(rule ->
                        rule.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256)))));
                done.add("turned on default encryption (SSE-S3)");
            }
        });
        session.step("turning on versioning of bucket " + bucket, () -> {
            if (s3().getBucketVersioning(r -> r.bucket(bucket)).status() != BucketVersioningStatus.ENABLED) {
                s3().putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
                done.add("turned on versioning");
            }
        });
        session.step("tagging bucket " + bucket, () -> {
            List<Tag> current = tags(bucket);
            List<Tag> wanted = new ArrayList<>(current.stream().filter(t -> !TAGS.containsKey(t.key())).toList());
            TAGS.forEach((k, v) -> wanted.add(Tag.builder().key(k).value(v).build()));
            boolean tagged = TAGS.entrySet().stream().allMatch(e -> current.stream()
                    .anyMatch(t -> t.key().equals(e.getKey()) && t.value().equals(e.getValue())));
            if (!tagged) {
                s3().putBucketTagging(r -> r.bucket(bucket).tagging(t -> t.tagSet(wanted)));
                done.add("tagged " + TAGS);
            }
        });
        return done;
    }

    private List<Tag> tags(String bucket) {
        try {
            return s3().getBucketTagging(r -> r.bucket(bucket)).tagSet();
        } catch (S3Exception none) {
            if (none.statusCode() != 404) {
                throw none;
            }
            return List.of();
        }
    }

    private boolean exists(String bucket) {
        try {
            s3().headBucket(r -> r.bucket(bucket));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            if (e.statusCode() == 403) {
                throw ClouddemoException.credentials("bucket " + bucket + " exists but these credentials may not use it"
                                + " (HTTP 403): bucket names are global, it may be another account's",
                        "choose another bucket name, or ask its owner for the permissions docs/remote-state.md lists", e);
            }
            throw e;
        }
    }

    /** A missing bucket is the user's to create (`state init`), not a failed cloud call; others pass through. */
    private RuntimeException noBucket(S3Exception e) {
        if ("NoSuchBucket".equals(code(e))) {
            return ClouddemoException.invalidInput("state bucket " + url.bucket() + " does not exist (" + url + ")",
                    "create it with `clouddemo state init " + url + "`, or check the URL");
        }
        return e;
    }

    private static String code(S3Exception e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }
}
