package dev.clouddemo.aws.app;

import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Plan;
import dev.clouddemo.core.spi.ResourceJournal;
import java.util.Optional;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GetInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * The EC2 instance profile Beanstalk's instances run with, {@code aws-elasticbeanstalk-ec2-role}:
 * a role EC2 may assume, with the AWS managed policy AWSElasticBeanstalkWebTier, inside an
 * instance profile of the same name. It is the name the Beanstalk console uses, account-wide and
 * shared by every Beanstalk environment, so clouddemo creates it when it is missing, records it
 * as shared, and never deletes it.
 */
final class BeanstalkInstanceProfile {
    static final String NAME = "aws-elasticbeanstalk-ec2-role";
    static final String ROLE = "shared-iam-role";
    static final String PROFILE = "shared-iam-instance-profile";
    static final String POLICY = "AWSElasticBeanstalkWebTier";
    static final String TRUST_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},\
            "Action":"sts:AssumeRole"}]}""";

    private final IamClient iam;
    private final String region;

    BeanstalkInstanceProfile(IamClient iam, String region) {
        this.iam = iam;
        this.region = region;
    }

    /** Adds what is missing of role and profile to the plan; reads only. */
    void plan(Plan.Builder plan) {
        Optional<InstanceProfile> profile = profile();
        boolean roleExists = profile.map(p -> p.roles().stream().anyMatch(r -> NAME.equals(r.roleName())))
                .orElse(false) || roleExists();
        if (!roleExists) {
            plan.add(Action.CREATE, ROLE, NAME, "EC2 may assume it; AWS managed policy " + POLICY + "; shared, kept by destroy");
        } else if (!policyAttached()) {
            // e.g. a run that stopped between creating the role and attaching its policy
            plan.add(Action.UPDATE, ROLE, NAME, "attach AWS managed policy " + POLICY);
        }
        if (profile.isEmpty()) {
            plan.add(Action.CREATE, PROFILE, NAME, "holds role " + NAME + "; shared, kept by destroy");
        } else if (profile.get().roles().stream().noneMatch(r -> NAME.equals(r.roleName()))) {
            plan.add(Action.UPDATE, PROFILE, NAME, "add role " + NAME);
        }
        if (!roleExists || profile.isEmpty()) {
            plan.note("The EC2 instance profile " + NAME + " (and its role) will be created: Beanstalk's instances"
                    + " need it. It is account-wide and shared by every Beanstalk environment, so destroy keeps it.");
        }
    }

    /** Creates the role, the profile and the membership the plan asked for. */
    void apply(Plan plan, ResourceJournal journal, WaiterOverrideConfiguration wait) {
        if (plan.ofType(ROLE).stream().anyMatch(c -> c.action() == Action.CREATE)) {
            journal.creating(ROLE, NAME);
            String arn = iam.createRole(r -> r.roleName(NAME).assumeRolePolicyDocument(TRUST_POLICY)
                    .description("EC2 instances of Elastic Beanstalk environments (created by clouddemo, shared)"))
                    .role().arn();
            iam.attachRolePolicy(r -> r.roleName(NAME).policyArn(policyArn()));
            journal.created(ROLE, NAME, arn);
        }
        if (plan.ofType(ROLE).stream().anyMatch(c -> c.action() == Action.UPDATE)) {
            iam.attachRolePolicy(r -> r.roleName(NAME).policyArn(policyArn()));
        }
        boolean createProfile = plan.ofType(PROFILE).stream().anyMatch(c -> c.action() == Action.CREATE);
        boolean addRole = createProfile || plan.ofType(PROFILE).stream().anyMatch(c -> c.action() == Action.UPDATE);
        if (createProfile) {
            journal.creating(PROFILE, NAME);
            String arn = iam.createInstanceProfile(r -> r.instanceProfileName(NAME)).instanceProfile().arn();
            iam.waiter().waitUntilInstanceProfileExists(GetInstanceProfileRequest.builder().instanceProfileName(NAME)
                    .build(), wait);
            journal.created(PROFILE, NAME, arn);
        }
        if (addRole) {
            iam.addRoleToInstanceProfile(r -> r.instanceProfileName(NAME).roleName(NAME));
        }
    }

    /** arn:aws:iam::aws:policy/AWSElasticBeanstalkWebTier, in the region's partition. */
    String policyArn() {
        RegionMetadata metadata = Region.of(region).metadata();
        String partition = metadata == null ? "aws" : metadata.partition().id();
        return "arn:" + partition + ":iam::aws:policy/" + POLICY;
    }

    private Optional<InstanceProfile> profile() {
        try {
            return Optional.of(iam.getInstanceProfile(r -> r.instanceProfileName(NAME)).instanceProfile());
        } catch (NoSuchEntityException e) {
            return Optional.empty();
        }
    }

    private boolean policyAttached() {
        return iam.listAttachedRolePoliciesPaginator(r -> r.roleName(NAME)).attachedPolicies().stream()
                .anyMatch(p -> policyArn().equals(p.policyArn()));
    }

    private boolean roleExists() {
        try {
            iam.getRole(r -> r.roleName(NAME));
            return true;
        } catch (NoSuchEntityException e) {
            return false;
        }
    }
}
