package dev.clouddemo.aws.app;

import dev.clouddemo.core.model.Tags;
import dev.clouddemo.aws.AwsSession;
import dev.clouddemo.aws.AwsPrices;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.kit.bundle.PythonBundle;
import dev.clouddemo.core.kit.wait.WaitLoop;
import dev.clouddemo.core.model.Tags;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Change;
import dev.clouddemo.core.plan.Plan;
import dev.clouddemo.core.spi.Deployer;
import dev.clouddemo.core.spi.DeploymentContext;
import dev.clouddemo.core.spi.ObservedResource;
import dev.clouddemo.core.state.ResourceRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.elasticbeanstalk.ElasticBeanstalkClient;
import software.amazon.awssdk.services.elasticbeanstalk.model.ApplicationDescription;
import software.amazon.awssdk.services.elasticbeanstalk.model.ConfigurationOptionSetting;
import software.amazon.awssdk.services.elasticbeanstalk.model.CreateEnvironmentResponse;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentDescription;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentHealth;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentStatus;
import software.amazon.awssdk.services.elasticbeanstalk.model.Tag;
import software.amazon.awssdk.services.elasticbeanstalk.model.TerminateEnvironmentResponse;
import software.amazon.awssdk.services.elasticbeanstalk.model.UpdateEnvironmentResponse;

/**
 * The paas model on AWS: an Elastic Beanstalk application running the app's source bundle (from a
 * private source bucket) as a version in a single-instance environment on the newest Python
 * platform, with the shared EC2 instance profile Beanstalk needs. A changed app becomes a new
 * version and an UpdateEnvironment; an unchanged one makes no write call.
 */
public final class AwsAppDeployer implements Deployer {
    static final String APPLICATION = "beanstalk-application";
    static final String VERSION = "beanstalk-version";
    static final String ENVIRONMENT = "beanstalk-environment";
    /** The tags of the kept application and environment, set again (a new --ttl). */
    static final String TAGS = "beanstalk-tags";
    /** Elastic Beanstalk refuses source bundles over 500 MB. */
    static final long MAX_BUNDLE_BYTES = 500L * 1024 * 1024;
    /** What Beanstalk's Python platform asks of the source folder. */
    static final PythonBundle.Rules BUNDLE = new PythonBundle.Rules("application.py", null,
            "Elastic Beanstalk's Python platform runs the WSGI callable named `application` in application.py at the"
                    + " top of the folder; add it, or leave out --source to deploy the built-in demo app",
            "Elastic Beanstalk", Long.MAX_VALUE, MAX_BUNDLE_BYTES,
            "leave build output, virtual environments and data out of the source folder");

    private final AwsSession session;
    private final WaitLoop.Sleeper sleeper;

    public AwsAppDeployer(AwsSession session) {
        this(session, WaitLoop.Sleeper.REAL);
    }

    /** With another way to pause between polls: contract tests poll their fake every few milliseconds. */
    AwsAppDeployer(AwsSession session, WaitLoop.Sleeper sleeper) {
        this.session = session;
        this.sleeper = sleeper;
    }

    /** What apply needs from the plan: the bundle zipped once, and the version it becomes. */
    private record Prepared(PythonBundle bundle, String label) {
    }

    private ElasticBeanstalkClient beanstalk() {
        return session.beanstalk();
    }

    @Override
    public Plan plan(DeploymentContext context) {
        PythonBundle bundle = PythonBundle.of(context.source(), BUNDLE); // bad input is refused before any call
        BeanstalkNames names = BeanstalkNames.of(context);
        String label = BeanstalkNames.versionLabel(bundle);
        Plan.Builder plan = new Plan.Builder().payload(new Prepared(bundle, label));
        new BeanstalkInstanceProfile(session.iam(), session.region()).plan(plan);
        new BeanstalkSourceBucket(session).plan(names.bucket(), bundle, context, plan);

        Optional<ApplicationDescription> application = application(names.application());
        if (application.isEmpty()) {
            plan.add(Action.CREATE, APPLICATION, names.application(), "Elastic Beanstalk application, tagged");
        } else {
            context.planExisting(plan, APPLICATION, names.application(), "exists");
        }
        if (application.isPresent() && versionExists(names.application(), label)) {
            context.planExisting(plan, VERSION, label, "exists (code unchanged)");
        } else {
            plan.add(Action.CREATE, VERSION, label, "from s3://" + names.bucket() + "/" + BeanstalkNames.bundleKey(label)
                    + ", code SHA-256 " + bundle.codeSha256().substring(0, 12) + "…");
        }

        Optional<EnvironmentDescription> environment = BeanstalkEnvironmentWatch.describe(beanstalk(), names.environment());
        planEnvironment(context, names, label, environment, plan);
        plan.note("The app is public at the environment's URL (http, port 80) on one EC2 instance with a public"
                + " address: single-instance keeps the bill small (no load balancer); you pay for the instance and"
                + " its volume while the environment runs.");
        return plan.cost(AwsPrices.app(session.region(), INSTANCE_TYPE_NAME)).build();
    }

    private void planEnvironment(DeploymentContext context, BeanstalkNames names, String label,
            Optional<EnvironmentDescription> environment, Plan.Builder plan) {
        String name = names.environment();
        if (environment.isEmpty() || environment.get().status() == EnvironmentStatus.TERMINATING) {
            String stack = newestPythonStack();
            plan.add(Action.CREATE, ENVIRONMENT, name, "single instance, on " + stack + ", version " + label
                    + (environment.isPresent() ? " (after the old one finishes terminating)" : ""));
            return;
        }
        EnvironmentDescription env = environment.get();
        boolean recorded = context.recordedCreated(ENVIRONMENT, name);
        if (!label.equals(env.versionLabel())) {
            plan.add(Action.UPDATE, ENVIRONMENT, name, "deploy version " + label + " (runs "
                    + env.versionLabel() + ")" + (recorded ? "" : "; adopt it"));
        } else if (env.status() != EnvironmentStatus.READY) {
            plan.add(Action.UPDATE, ENVIRONMENT, name, env.statusAsString() + ": wait until Ready/Green"
                    + (recorded ? "" : "; adopt it"));
        } else if (!recorded) {
            plan.add(Action.UPDATE, ENVIRONMENT, name, DeploymentContext.ADOPT);
        } else {
            plan.add(Action.NO_OP, ENVIRONMENT, name, "runs version " + label + ", health " + env.healthAsString());
            if (!holds(session.step("reading the tags of environment " + name, () -> beanstalk()
                    .listTagsForResource(r -> r.resourceArn(env.environmentArn())).resourceTags()), context.tags())) {
                plan.add(Action.UPDATE, TAGS, name, "a new --ttl: tag the application and the environment " + context.tagText());
            }
            if (env.health() != EnvironmentHealth.GREEN) {
                plan.note("Environment " + name + " is Ready but its health is " + env.healthAsString()
                        + ": see `aws elasticbeanstalk describe-events --environment-name " + name + "`.");
            }
        }
    }

    @Override
    public void apply(Plan plan, DeploymentContext context) {
        Prepared prepared = plan.payload(Prepared.class);
        BeanstalkNames names = BeanstalkNames.of(context);
        String label = prepared.label();
        session.step("creating the EC2 instance profile " + BeanstalkInstanceProfile.NAME, () ->
                new BeanstalkInstanceProfile(session.iam(), session.region())
                        .apply(plan, context.journal(), session.waitFor("iam-role")));
        session.step("uploading the source bundle to bucket " + names.bucket(), () ->
                new BeanstalkSourceBucket(session).apply(names.bucket(), prepared.bundle(), label, plan, context));
        for (Change change : plan.ofType(APPLICATION).stream().filter(Change::writes).toList()) {
            context.cancellation().checkpoint();
            session.step("creating the Beanstalk application " + names.application(),
                    () -> application(change, names, context));
        }
        for (Change change : plan.ofType(VERSION).stream().filter(Change::writes).toList()) {
            context.cancellation().checkpoint();
            session.step("creating the application version " + label, () -> version(change, names, label, context));
        }
        if (plan.ofType(TAGS).stream().anyMatch(Change::writes)) {
            context.cancellation().checkpoint();
            retag(names, context);
        }
        for (Change change : plan.ofType(ENVIRONMENT).stream().filter(Change::writes).toList()) {
            context.cancellation().checkpoint();
            EnvironmentDescription ready = environment(change, names, label, context);
            context.journal().output("url", "http://" + ready.cname() + "/");
        }
        context.journal().output("environment", names.environment());
        context.journal().output("application", names.application());
        context.journal().output("version", label);
    }

    /** Whether the environment's tags carry the expiry this deploy gives (none when it has no TTL). */
    private static boolean holds(List<Tag> present, java.util.Map<String, String> wanted) {
        String expiry = present.stream().filter(t -> t.key().equals(Tags.EXPIRES_AT)).map(Tag::value).findFirst().orElse(null);
        return java.util.Objects.equals(expiry, wanted.get(Tags.EXPIRES_AT));
    }

    /**
     * Sets the deployment's tags again on the application and the environment (a new --ttl), then
     * waits for the environment: Beanstalk updates it to pass the tags on to what it runs.
     */
    private void retag(BeanstalkNames names, DeploymentContext context) {
        String arn = application(names.application()).map(ApplicationDescription::applicationArn).orElseThrow();
        session.step("tagging the Beanstalk application " + names.application(),
                () -> beanstalk().updateTagsForResource(r -> r.resourceArn(arn).tagsToAdd(tags(context))));
        EnvironmentDescription environment = BeanstalkEnvironmentWatch.describe(beanstalk(), names.environment()).orElseThrow();
        session.step("tagging the Beanstalk environment " + names.environment(),
                () -> beanstalk().updateTagsForResource(r -> r.resourceArn(environment.environmentArn()).tagsToAdd(tags(context))));
        session.step("waiting for the Beanstalk environment " + names.environment(),
                () -> watch(context).untilReady(names.environment(), since(environment.dateUpdated())));
    }

    private void application(Change change, BeanstalkNames names, DeploymentContext context) {
        if (change.action() == Action.CREATE) {
            context.journal().creating(APPLICATION, names.application());
            String arn = beanstalk().createApplication(r -> r.applicationName(names.application())
                    .description("clouddemo paas app of environment " + context.env())
                    .tags(tags(context))).application().applicationArn();
            context.journal().created(APPLICATION, names.application(), arn);
        } else if (change.action() == Action.UPDATE) {
            context.journal().created(APPLICATION, names.application(),
                    application(names.application()).map(ApplicationDescription::applicationArn).orElse(null));
        }
    }

    private void version(Change change, BeanstalkNames names, String label, DeploymentContext context) {
        if (change.action() == Action.CREATE) {
            context.journal().creating(VERSION, label);
            String arn = beanstalk().createApplicationVersion(r -> r.applicationName(names.application())
                    .versionLabel(label)
                    .description("code SHA-256 " + label.substring(2))
                    .sourceBundle(s -> s.s3Bucket(names.bucket()).s3Key(BeanstalkNames.bundleKey(label)))
                    .tags(tags(context))).applicationVersion().applicationVersionArn();
            context.journal().created(VERSION, label, arn);
        } else if (change.action() == Action.UPDATE) {
            context.journal().created(VERSION, label, null);
        }
    }

    private EnvironmentDescription environment(Change change, BeanstalkNames names, String label,
            DeploymentContext context) {
        String name = names.environment();
        BeanstalkEnvironmentWatch watch = watch(context);
        if (change.action() == Action.CREATE) {
            session.step("waiting for the old Beanstalk environment " + name + " to terminate", () ->
                    BeanstalkEnvironmentWatch.describe(beanstalk(), name).ifPresent(old -> {
                        context.progress().info("Environment " + name + " is still terminating; waiting for it first");
                        watch.untilTerminated(name, old.dateUpdated());
                    }));
            String stack = session.step("listing the Beanstalk platforms", this::newestPythonStack);
            context.journal().creating(ENVIRONMENT, name);
            CreateEnvironmentResponse created = session.step("creating the Beanstalk environment " + name, () ->
                    beanstalk().createEnvironment(r -> r.applicationName(names.application())
                            .environmentName(name)
                            .description("clouddemo paas environment of " + context.env())
                            .solutionStackName(stack)
                            .versionLabel(label)
                            .optionSettings(SINGLE_INSTANCE, INSTANCE_TYPE, instanceProfile())
                            .tags(tags(context))));
            context.journal().created(ENVIRONMENT, name, created.environmentId());
            context.progress().info("Launching environment " + name + " on " + stack
                    + " (Beanstalk takes a few minutes)");
            return session.step("waiting for the Beanstalk environment " + name,
                    () -> watch.untilReady(name, since(created.dateCreated())));
        }
        Optional<EnvironmentDescription> running = session.step("describing the Beanstalk environment " + name,
                () -> BeanstalkEnvironmentWatch.describe(beanstalk(), name));
        if (running.map(e -> label.equals(e.versionLabel())).orElse(false)) {
            // the right version already: adopt it and wait until it is Ready/Green
            context.journal().created(ENVIRONMENT, name, running.get().environmentId());
            return session.step("waiting for the Beanstalk environment " + name, () -> watch.untilReady(name, Instant.now()
                    .minus(Duration.ofMinutes(1))));
        }
        UpdateEnvironmentResponse updated = session.step("updating the Beanstalk environment " + name, () ->
                beanstalk().updateEnvironment(r -> r.environmentName(name).versionLabel(label)));
        context.journal().created(ENVIRONMENT, name, updated.environmentId());
        context.progress().info("Deploying version " + label + " to environment " + name);
        return session.step("waiting for the Beanstalk environment " + name,
                () -> watch.untilReady(name, since(updated.dateUpdated())));
    }

    /** Single instance: no load balancer, the smallest bill. */
    private static final ConfigurationOptionSetting SINGLE_INSTANCE = ConfigurationOptionSetting.builder()
            .namespace("aws:elasticbeanstalk:environment").optionName("EnvironmentType").value("SingleInstance")
            .build();

    /** The smallest general-purpose instance, stated rather than left to the platform's default. */
    public static final String INSTANCE_TYPE_NAME = "t3.micro";
    private static final ConfigurationOptionSetting INSTANCE_TYPE = ConfigurationOptionSetting.builder()
            .namespace("aws:autoscaling:launchconfiguration").optionName("InstanceType").value(INSTANCE_TYPE_NAME)
            .build();

    private static ConfigurationOptionSetting instanceProfile() {
        return ConfigurationOptionSetting.builder()
                .namespace("aws:autoscaling:launchconfiguration").optionName("IamInstanceProfile")
                .value(BeanstalkInstanceProfile.NAME).build();
    }

    @Override
    public void destroy(DeploymentContext context) {
        BeanstalkNames names = BeanstalkNames.of(context);
        String env = names.environment();
        Optional<EnvironmentDescription> environment = session.step("describing the Beanstalk environment " + env,
                () -> BeanstalkEnvironmentWatch.describe(beanstalk(), env));
        if (environment.isPresent()) {
            Instant since = Instant.now().minus(Duration.ofMinutes(1));
            if (environment.get().status() != EnvironmentStatus.TERMINATING) {
                context.progress().info("Terminating environment " + env + " (its instance and security group go too)");
                TerminateEnvironmentResponse terminating = session.step("terminating the Beanstalk environment " + env, () ->
                        beanstalk().terminateEnvironment(r -> r.environmentName(env).terminateResources(true)));
                since = since(terminating.dateUpdated());
            }
            Instant from = since;
            session.step("waiting for the Beanstalk environment " + env + " to terminate", () -> {
                watch(context).untilTerminated(env, from);
                if (BeanstalkEnvironmentWatch.describe(beanstalk(), env).isPresent()) {
                    throw ClouddemoException.cloud("environment " + env + " is still there after terminating it",
                            "run destroy again", null);
                }
            });
        } else {
            context.progress().info("Environment " + env + " is already gone");
        }
        context.journal().deleted(ENVIRONMENT, env);

        deleteApplication(names.application(), context);
        session.step("removing the source bucket " + names.bucket(),
                () -> session.buckets().remove(names.bucket(), context.progress()));
        context.journal().deleted(BeanstalkSourceBucket.BUCKET, names.bucket());
        context.progress().info("Kept the EC2 instance profile and role " + BeanstalkInstanceProfile.NAME
                + ": they are account-wide and shared by every Beanstalk environment (remove them in IAM if nothing"
                + " else uses Beanstalk)");
    }

    private void deleteApplication(String name, DeploymentContext context) {
        session.step("deleting the Beanstalk application " + name, () -> {
            if (application(name).isPresent()) {
                context.progress().info("Deleting application " + name + " with its versions");
                beanstalk().deleteApplication(r -> r.applicationName(name).terminateEnvByForce(true));
                waits(context).untilTrue("application " + name + " to go", ENVIRONMENT, () -> application(name).isEmpty());
            } else {
                context.progress().info("Application " + name + " is already gone");
            }
        });
        List<String> versions = context.state().resources().stream()
                .filter(r -> r.type().equals(VERSION)).map(ResourceRecord::name).toList();
        versions.forEach(v -> context.journal().deleted(VERSION, v));
        context.journal().deleted(APPLICATION, name);
    }

    private BeanstalkEnvironmentWatch watch(DeploymentContext context) {
        return new BeanstalkEnvironmentWatch(beanstalk(), waits(context));
    }

    private WaitLoop waits(DeploymentContext context) {
        return new WaitLoop(context.progress(), context.cancellation(), session.target().settings(), sleeper);
    }

    /** The recorded environment (its status and health) and application, as Elastic Beanstalk describes them now. */
    @Override
    public List<ObservedResource> observe(DeploymentContext context) {
        List<ObservedResource> observed = new java.util.ArrayList<>();
        for (ResourceRecord r : context.state().resources()) {
            if (r.type().equals(ENVIRONMENT)) {
                observed.add(BeanstalkEnvironmentWatch.describe(beanstalk(), r.name())
                        .map(e -> BeanstalkEnvironmentWatch.observed(r.type(), r.name(), e))
                        .orElseGet(() -> ObservedResource.gone(r.type(), r.name(), "not found (or terminated)")));
            } else if (r.type().equals(APPLICATION)) {
                observed.add(application(r.name()).isPresent() ? ObservedResource.ok(r.type(), r.name(), "exists")
                        : ObservedResource.gone(r.type(), r.name(), "not found"));
            }
        }
        return observed;
    }

    private Optional<ApplicationDescription> application(String name) {
        return beanstalk().describeApplications(r -> r.applicationNames(name)).applications().stream()
                .filter(a -> name.equals(a.applicationName()))
                .findFirst();
    }

    private boolean versionExists(String application, String label) {
        return beanstalk().describeApplicationVersions(r -> r.applicationName(application).versionLabels(label))
                .applicationVersions().stream().anyMatch(v -> label.equals(v.versionLabel()));
    }

    private String newestPythonStack() {
        List<String> stacks = beanstalk().listAvailableSolutionStacks().solutionStacks();
        return BeanstalkSolutionStacks.newestPython(stacks).orElseThrow(() -> ClouddemoException.cloud(
                "Elastic Beanstalk in " + session.region() + " offers no \"64bit Amazon Linux 2023 … running Python 3\""
                        + " platform (" + stacks.size() + " platforms listed)",
                "deploy to another region with --region, or check `aws elasticbeanstalk list-available-solution-stacks`",
                null));
    }

    private static List<Tag> tags(DeploymentContext context) {
        return context.tags().entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                .toList();
    }

    /** Events from a little before the call's own timestamp, so none is lost to clock skew. */
    private static Instant since(Instant date) {
        return (date == null ? Instant.now() : date).minus(Duration.ofSeconds(5));
    }
}
