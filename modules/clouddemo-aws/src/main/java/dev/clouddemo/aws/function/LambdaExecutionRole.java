package dev.clouddemo.aws.function;

import dev.clouddemo.core.kit.wait.WaitLoop;
import dev.clouddemo.core.spi.Progress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * The function's execution role: trusted by {@code lambda.amazonaws.com} only, with the AWS managed
 * policy that lets the function write its own logs and nothing else.
 */
public final class LambdaExecutionRole {
    static final String BASIC_POLICY = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";
    static final String TRUST_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    private final IamClient iam;

    public LambdaExecutionRole(IamClient iam) {
        this.iam = iam;
    }

    /** The role by name (GetRole, which also returns its tags), or empty. */
    Optional<Role> find(String name) {
        try {
            return Optional.of(iam.getRole(r -> r.roleName(name)).role());
        } catch (NoSuchEntityException e) {
            return Optional.empty();
        }
    }

    static boolean tagged(Role role, Map<String, String> tags) {
        Map<String, String> present = role.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b));
        return present.entrySet().containsAll(tags.entrySet());
    }

    /** The managed policies attached to the role, by ARN. */
    List<String> attachedPolicies(String name) {
        return iam.listAttachedRolePoliciesPaginator(r -> r.roleName(name)).attachedPolicies().stream()
                .map(AttachedPolicy::policyArn)
                .toList();
    }

    /** Creates the role, tagged at creation; returns its ARN. */
    String create(String name, Map<String, String> tags) {
        return iam.createRole(r -> r.roleName(name)
                .assumeRolePolicyDocument(TRUST_POLICY)
                .description("clouddemo: execution role of Lambda function " + name + " (writes its logs only)")
                .maxSessionDuration(3600)
                .tags(iamTags(tags))).role().arn();
    }

    void tag(String name, Map<String, String> tags) {
        iam.tagRole(r -> r.roleName(name).tags(iamTags(tags)));
    }

    void attach(String name, String policyArn) {
        iam.attachRolePolicy(r -> r.roleName(name).policyArn(policyArn));
    }

    void detach(String name, String policyArn) {
        iam.detachRolePolicy(r -> r.roleName(name).policyArn(policyArn));
    }

    /**
     * Detaches every managed policy and deletes every inline one (IAM refuses to delete a role that
     * has any), deletes the role, then checks with GetRole that it is gone. A missing role is fine.
     */
    public void delete(String name, WaitLoop waits) {
        Progress progress = waits.progress();
        if (find(name).isEmpty()) {
            progress.info("IAM role " + name + " is already gone");
            return;
        }
        for (String policy : attachedPolicies(name)) {
            progress.info("Detaching " + policy + " from IAM role " + name);
            detach(name, policy);
        }
        for (String inline : iam.listRolePoliciesPaginator(r -> r.roleName(name)).policyNames()) {
            progress.info("Deleting inline policy " + inline + " of IAM role " + name);
            iam.deleteRolePolicy(r -> r.roleName(name).policyName(inline));
        }
        progress.info("Deleting IAM role " + name);
        try {
            iam.deleteRole(r -> r.roleName(name));
        } catch (NoSuchEntityException e) {
            return;
        }
        waits.untilTrue("IAM role " + name + " to be gone", AwsFunctionDeployer.ROLE, () -> find(name).isEmpty());
    }

    private static List<Tag> iamTags(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }
}
