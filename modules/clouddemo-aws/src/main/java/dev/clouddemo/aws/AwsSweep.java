package dev.clouddemo.aws;

import dev.clouddemo.aws.function.LambdaExecutionRole;
import dev.clouddemo.aws.function.LambdaFunction;
import dev.clouddemo.aws.vm.AwsVmDeployer;
import dev.clouddemo.aws.vm.Ec2Sweep;
import dev.clouddemo.core.kit.wait.WaitLoop;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.FoundResource;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.RemoveResult;
import dev.clouddemo.core.spi.ResourceSearch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The safety net behind {@code discover} and {@code remove}: finds clouddemo's resources by their
 * tags (not through state) and removes an orphan by its ARN, through the session's clients.
 */
final class AwsSweep implements ResourceSearch {
    private final AwsSession session;

    AwsSweep(AwsSession session) {
        this.session = session;
    }

    /**
     * The Tagging API, S3's own bucket tags and IAM's role tags together: the others see what the
     * Tagging API misses (bucket tags on some emulators, IAM roles everywhere).
     */
    @Override
    public List<FoundResource> find(Optional<EnvName> env) {
        return session.step("searching for resources tagged by clouddemo" + env.map(e -> " for environment " + e).orElse(""),
                () -> {
                    Map<String, FoundResource> found = new LinkedHashMap<>();
                    new AwsTagSearch(session.tagging()).find(env).forEach(r -> found.put(r.id(), r));
                    new S3BucketTagScan(session.s3()).find(env).forEach(r -> found.putIfAbsent(r.id(), r));
                    new IamRoleTagScan(session.iam()).find(env).forEach(r -> found.putIfAbsent(r.id(), r));
                    return ec2Sweep().withoutTerminated(List.copyOf(found.values()));
                });
    }

    @Override
    public RemoveResult remove(FoundResource resource, Progress progress, Cancellation cancellation) {
        String s3Prefix = "arn:aws:s3:::";
        if (Ec2Sweep.kindAndId(resource.id()) != null) {
            return ec2Sweep().remove(resource, progress, cancellation) ? RemoveResult.REMOVED : RemoveResult.CANNOT_REMOVE;
        }
        String role = IamRoleTagScan.roleName(resource.id());
        if (role != null) {
            new LambdaExecutionRole(session.iam()).delete(role, new WaitLoop(progress, cancellation, session.target().settings()));
            return RemoveResult.REMOVED;
        }
        String lambdaFunction = ":function:";
        if (resource.id().startsWith("arn:aws:lambda:") && resource.id().contains(lambdaFunction)) {
            String name = resource.id().substring(resource.id().indexOf(lambdaFunction) + lambdaFunction.length());
            progress.info("Deleting Lambda function " + name + " (its URL and permissions go with it)");
            new LambdaFunction(session.lambda(), new WaitLoop(progress, cancellation, session.target().settings())).delete(name);
            return RemoveResult.REMOVED;
        }
        if (!resource.id().startsWith(s3Prefix)) {
            return RemoveResult.CANNOT_REMOVE;
        }
        session.buckets().remove(resource.id().substring(s3Prefix.length()), progress);
        return RemoveResult.REMOVED;
    }

    /** EC2 resources in tag search results: terminated instances hidden, orphans removed by ARN. */
    private Ec2Sweep ec2Sweep() {
        return new Ec2Sweep(session.ec2(), session.target().settings().maxAttempts(),
                session.waitFor(AwsVmDeployer.WAIT_INSTANCE), session.target().settings().waitFor(AwsVmDeployer.WAIT_GROUP));
    }
}
