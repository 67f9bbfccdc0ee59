package dev.clouddemo.aws.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.clouddemo.core.engine.PlanResult;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.model.DeployOptions;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Change;
import dev.clouddemo.testkit.AwsCapability;
import dev.clouddemo.testkit.AwsEmulator;
import dev.clouddemo.testkit.AwsEmulatorTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS VM against the emulators with an EC2 control plane (moto): what the aws CLI reads back
 * after deploy, redeploy and destroy, spot launches and the input refused before any launch.
 */
class AwsVmIT {
    private static final String SSH_CIDR = "203.0.113.7/32";

    @TempDir
    Path temp;

    @AwsEmulatorTest(requires = AwsCapability.EC2_VM)
    @SuppressWarnings("unchecked")
    void deploy_onDemandWithSshAndKey_instanceLockedDownAsPlannedThenRedeployAndDestroy(AwsEmulator emulator)
            throws Exception {
        // given: --ssh from one address and a throwaway public key
        AwsVmFixture f = new AwsVmFixture(emulator.endpoint(), temp);
        Path key = publicKey();
        DeployOptions options = AwsVmFixture.ssh(SSH_CIDR, key);

        // when
        PlanResult result = f.deploy(options);

        // then: the outputs
        assertThat(result.applied()).isTrue();
        Map<String, String> out = f.outputs();
        String instanceId = out.get("instance");
        assertThat(out).containsEntry("market", "on-demand").containsEntry("instance_type", "t3.micro")
                .containsEntry("state", "running")
                .containsEntry("url", "http://" + out.get("public_ip") + "/");
        assertThat(out.get("ssh")).isEqualTo("ssh -i " + key.toString().replace(".pub", "") + " ec2-user@" + out.get("public_ip"));

        // then: the instance, as the aws CLI reads it
        Map<String, Object> instance = f.liveInstances().stream().filter(i -> instanceId.equals(i.get("InstanceId")))
                .findFirst().orElseThrow();
        assertThat(((Map<String, Object>) instance.get("State")).get("Name")).isEqualTo("running");
        assertThat(instance).doesNotContainKey("InstanceLifecycle");
        assertThat(((Map<String, Object>) instance.get("MetadataOptions")).get("HttpTokens")).isEqualTo("required");
        assertThat(instance.get("KeyName")).isEqualTo(f.name());
        assertThat(instance.get("Tags").toString()).contains("Key=clouddemo-env, Value=" + f.env)
                .contains("Key=clouddemo-model, Value=iaas").contains("Key=clouddemo-managed-by, Value=clouddemo")
                .contains("Key=Name, Value=" + f.name());
        Map<String, Object> volume = ((List<Map<String, Object>>) f.json("ec2", "describe-volumes", "--filters",
                "Name=attachment.instance-id,Values=" + instanceId).get("Volumes")).get(0);
        assertThat(volume.get("Encrypted")).isEqualTo(true);
        assertThat(volume.get("VolumeType")).isEqualTo("gp3");
        assertThat(volume.get("Tags").toString()).contains("Key=clouddemo-env, Value=" + f.env)
                .contains("Key=clouddemo-model, Value=iaas");
        String userData = (String) ((Map<String, Object>) f.json("ec2", "describe-instance-attribute", "--instance-id",
                instanceId, "--attribute", "userData").get("UserData")).get("Value");
        assertThat(new String(Base64.getDecoder().decode(userData), StandardCharsets.UTF_8))
                .contains("Hello from clouddemo").contains("Service model: <strong>virtual machine</strong>")
                .contains("http.server 80");

        // then: the security group opens 80 to all and 22 to the one address only
        Map<String, Object> group = f.securityGroups().get(0);
        assertThat(group.get("GroupName")).isEqualTo(f.name());
        assertThat(group.get("Tags").toString()).contains("Key=clouddemo-model, Value=iaas");
        assertThat(ingress(group)).containsExactlyInAnyOrder("80 0.0.0.0/0", "22 " + SSH_CIDR);
        Map<String, Object> networkInterface = ((List<Map<String, Object>>) instance.get("NetworkInterfaces")).get(0);
        assertThat(((List<Map<String, Object>>) networkInterface.get("Groups"))).extracting(g -> g.get("GroupId"))
                .containsExactly(group.get("GroupId"));

        // then: the key pair holds the public key, tagged
        Map<String, Object> pair = ((List<Map<String, Object>>) f.json("ec2", "describe-key-pairs", "--key-names", f.name(),
                "--include-public-key").get("KeyPairs")).get(0);
        assertThat(((String) pair.get("PublicKey")).split(" ")[1]).isEqualTo(Files.readString(key).split(" ")[1]);
        assertThat(pair.get("Tags").toString()).contains("Key=clouddemo-env, Value=" + f.env);

        // when: deploy again, unchanged
        PlanResult again = f.deploy(options);

        // then: nothing to change, so nothing applied (the engine makes no write call), same instance
        assertThat(again.applied()).isFalse();
        assertThat(again.plan().changes()).extracting(Change::action).containsOnly(Action.NO_OP);
        assertThat(again.plan().changes()).extracting(Change::type).contains(AwsVmDeployer.INSTANCE,
                AwsVmDeployer.GROUP, AwsVmDeployer.RULES, AwsVmDeployer.KEY);
        assertThat(f.liveInstances()).extracting(i -> i.get("InstanceId")).containsExactly(instanceId);

        // when: destroy
        String name = f.name();
        f.destroy();

        // then: instance terminated, group and key pair gone, nothing tagged left
        assertThat(f.liveInstances()).isEmpty();
        assertThat(f.securityGroups()).isEmpty();
        assertThat((List<Object>) f.json("ec2", "describe-key-pairs", "--filters", "Name=key-name,Values=" + name)
                .get("KeyPairs")).isEmpty();
        assertThat(f.taggedLeft()).isEmpty();
    }

    @AwsEmulatorTest(requires = AwsCapability.EC2_VM)
    @SuppressWarnings("unchecked")
    void deploy_newTtlOnAnUnchangedVm_retagsInstanceVolumeGroupAndKeyOnly(AwsEmulator emulator) throws Exception {
        // given: a VM with a key, deployed with a TTL of an hour
        AwsVmFixture f = new AwsVmFixture(emulator.endpoint(), temp);
        DeployOptions options = AwsVmFixture.ssh(SSH_CIDR, publicKey());
        f.deploy(options, java.time.Duration.ofHours(1));
        String instanceId = f.outputs().get("instance");

        // when: redeployed with a TTL of two days
        PlanResult retagged = f.deploy(options, java.time.Duration.ofDays(2));

        // then: one change, the tags; the instance is kept
        assertThat(retagged.plan().writes()).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(AwsVmDeployer.TAGS);
            assertThat(c.action()).isEqualTo(Action.UPDATE);
        });
        assertThat(f.outputs().get("instance")).isEqualTo(instanceId);
        String expiresAt = dev.clouddemo.core.model.Expiry.encode(retagged.deployment().expiresAt());

        // then: the aws CLI reads the new expiry on the instance, its volume, its group and its key pair
        String volumeId = (String) ((List<Map<String, Object>>) f.json("ec2", "describe-volumes", "--filters",
                "Name=attachment.instance-id,Values=" + instanceId).get("Volumes")).get(0).get("VolumeId");
        String groupId = (String) f.securityGroups().get(0).get("GroupId");
        String keyId = (String) ((List<Map<String, Object>>) f.json("ec2", "describe-key-pairs", "--key-names", f.name())
                .get("KeyPairs")).get(0).get("KeyPairId");
        for (String id : List.of(instanceId, volumeId, groupId, keyId)) {
            List<Map<String, Object>> tags = (List<Map<String, Object>>) f.json("ec2", "describe-tags", "--filters",
                    "Name=resource-id,Values=" + id, "Name=key,Values=clouddemo-expires-at").get("Tags");
            assertThat(tags).as("the expiry tag of %s", id).singleElement()
                    .satisfies(t -> assertThat(t.get("Value")).isEqualTo(expiresAt));
        }

        // when / then: a redeploy without --ttl keeps it and writes nothing
        PlanResult again = f.deploy(options);
        assertThat(again.applied()).as("%s", again.plan().writes()).isFalse();
        f.destroy();
    }

    @AwsEmulatorTest(requires = AwsCapability.EC2_VM)
    void sweepExpired_anExpiredVmFromAStateFolderThatDoesNotKnowIt_removesInstanceGroupAndKey(AwsEmulator emulator)
            throws Exception {
        // given: a VM with a key, deployed for a minute
        AwsVmFixture f = new AwsVmFixture(emulator.endpoint(), temp);
        f.deploy(AwsVmFixture.ssh(SSH_CIDR, publicKey()), java.time.Duration.ofMinutes(1));
        assertThat(f.taggedLeft()).isNotEmpty();

        // when: a CI runner two hours later, with a state folder of its own, sweeps what has expired
        dev.clouddemo.core.engine.Engine ci = new dev.clouddemo.core.engine.Engine(
                new dev.clouddemo.core.engine.ProviderRegistry(List.of(new dev.clouddemo.aws.AwsProvider(Map.of()))),
                new dev.clouddemo.core.state.StateStore(temp.resolve("ci-runner")), dev.clouddemo.core.spi.Progress.SILENT,
                java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofHours(2)));
        var swept = ci.sweepExpired("aws", new dev.clouddemo.core.spi.Target(AwsVmFixture.REGION, true,
                emulator.endpoint().toString()), d -> d.env().equals(f.env));

        // then: found by its tags, removed, and the aws CLI finds nothing of it left
        assertThat(swept.expired()).filteredOn(d -> d.env().equals(f.env)).singleElement()
                .satisfies(d -> assertThat(d.removed()).as("removed: %s", d).isTrue());
        assertThat(f.taggedLeft()).isEmpty();
        assertThat(f.liveInstances()).isEmpty();
    }

    @AwsEmulatorTest(requires = AwsCapability.EC2_VM)
    void deploy_changedUserDataOrType_planReplacesTheInstanceAndApplyDoesIt(AwsEmulator emulator) throws Exception {
        // given: a deployed VM without SSH, from a source folder of our own
        AwsVmFixture f = new AwsVmFixture(emulator.endpoint(), temp);
        Path source = Files.createDirectories(temp.resolve("vm"));
        Files.writeString(source.resolve("user-data.sh"), "#!/bin/bash\necho one\n");
        f.deploy(AwsVmFixture.onDemand(), source);
        String first = f.outputs().get("instance");
        assertThat(ingress(f.securityGroups().get(0))).containsExactly("80 0.0.0.0/0");

        // when: the start-up script changes
        Files.writeString(source.resolve("user-data.sh"), "#!/bin/bash\necho two\n");
        PlanResult changed = f.engine.deploy(f.request(AwsVmFixture.onDemand(), source, AwsVmFixture.REGION));

        // then: replaced (terminate, then launch), the group kept
        assertThat(changed.plan().ofType(AwsVmDeployer.INSTANCE)).extracting(Change::action)
                .containsExactly(Action.DELETE, Action.CREATE);
        assertThat(changed.plan().ofType(AwsVmDeployer.INSTANCE).get(0).reason()).contains("user-data.sh changed");
        assertThat(changed.plan().ofType(AwsVmDeployer.GROUP)).extracting(Change::action).containsExactly(Action.NO_OP);
        String second = f.outputs().get("instance");
        assertThat(second).isNotEqualTo(first);
        assertThat(f.liveInstances()).extracting(i -> i.get("InstanceId")).containsExactly(second);

        // when: the instance type changes
        PlanResult bigger = f.engine.deploy(f.request(new DeployOptions(false, false, null, false, false, null, null,
                "t3.small"), source, AwsVmFixture.REGION));

        // then
        assertThat(bigger.plan().ofType(AwsVmDeployer.INSTANCE).get(0).reason()).contains("type t3.micro → t3.small");
        assertThat(f.outputs()).containsEntry("instance_type", "t3.small");
        assertThat(f.liveInstances()).hasSize(1);
        f.destroy();
        assertThat(f.taggedLeft()).isEmpty();
    }

    @AwsEmulatorTest(requires = AwsCapability.EC2_VM)
    @SuppressWarnings("unchecked")
    void deploy_spot_launchesSpotInTheCheapestZoneAndPlanShowsPricesAndSaving(AwsEmulator emulator) {
        // given
        AwsVmFixture f = new AwsVmFixture(emulator.endpoint(), temp);

        // when: plan, then deploy
        PlanResult plan = f.plan(AwsVmFixture.spot(null, false));
        PlanResult result = f.deploy(AwsVmFixture.spot(null, false));

        // then: the plan notes show each zone's price, the chosen zone and the saving against the dated table
        String notes = String.join("\n", plan.plan().notes());
        assertThat(notes).contains("Spot price of t3.micro now (Linux/UNIX, USD/hour): us-east-1a ")
                .contains("us-east-1b ").contains("cheapest zone: us-east-1a")
                .contains("On-demand price of t3.micro in us-east-1: 0.0104 USD/hour (price table of 2025-06-01")
                .containsPattern("spot at [0-9.]+ saves \\d+%");
        assertThat(result.plan().notes()).isEqualTo(plan.plan().notes());

        // then: a spot instance, in that zone
        Map<String, String> out = f.outputs();
        assertThat(out).containsEntry("market", "spot").containsEntry("zone", "us-east-1a").containsEntry("state", "running");
        Map<String, Object> instance = f.liveInstances().get(0);
        assertThat(instance.get("InstanceLifecycle")).isEqualTo("spot");
        assertThat(((Map<String, Object>) instance.get("Placement")).get("AvailabilityZone")).isEqualTo("us-east-1a");

        // when: deploy again with --spot: nothing to change
        PlanResult again = f.deploy(AwsVmFixture.spot(null, false));
        assertThat(again.applied()).as("%s", again.plan().changes()).isFalse();

        // when: deploy without --spot: the market changes, so the instance is replaced by an on-demand one
        PlanResult onDemand = f.deploy(AwsVmFixture.onDemand());
        assertThat(onDemand.plan().ofType(AwsVmDeployer.INSTANCE).get(0).reason()).contains("market spot → on-demand");
        assertThat(f.outputs()).containsEntry("market", "on-demand");
        f.destroy();
        assertThat(f.taggedLeft()).isEmpty();
    }

    @AwsEmulatorTest(requires = AwsCapability.EC2_VM)
    void deploy_maxPriceBelowTheSpotPrice_exit3BeforeAnythingIsCreated(AwsEmulator emulator) {
        // given: moto's spot price is 0.00001 USD/hour in every zone
        AwsVmFixture f = new AwsVmFixture(emulator.endpoint(), temp);

        // when
        ClouddemoException e = catchThrowableOfType(ClouddemoException.class,
                () -> f.deploy(AwsVmFixture.spot(new BigDecimal("0.000001"), false)));

        // then: refused, saying the current price, and nothing exists
        assertThat(e).isNotNull();
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).contains("--max-price 0.000001").contains("below the current spot price")
                .contains("0.00001 USD/hour");
        assertThat(e.hint()).contains("at least 0.00001");
        assertThat(f.liveInstances()).isEmpty();
        assertThat(f.securityGroups()).isEmpty();
        assertThat(f.taggedLeft()).isEmpty();
    }

    @AwsEmulatorTest(requires = AwsCapability.EC2_VM)
    void deploy_instanceTypeNotOfferedInTheRegion_exit3NamingTheNearestOffered(AwsEmulator emulator) {
        // given: p5.48xlarge is not offered in eu-west-3 (Paris); a misspelt type nowhere
        AwsVmFixture f = new AwsVmFixture(emulator.endpoint(), temp);

        // when
        ClouddemoException paris = catchThrowableOfType(ClouddemoException.class, () -> f.engine.deploy(
                f.request(AwsVmFixture.type("p5.48xlarge"), null, "eu-west-3")));
        ClouddemoException typo = catchThrowableOfType(ClouddemoException.class, () -> f.engine.deploy(
                f.request(AwsVmFixture.type("t3.mikro"), null, "eu-west-3")));

        // then
        assertThat(paris.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(paris.getMessage()).isEqualTo("instance type p5.48xlarge is not offered in eu-west-3");
        assertThat(paris.hint()).startsWith("nearest offered there: ");
        assertThat(typo.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(typo.hint()).startsWith("nearest offered there: t3.micro");
        assertThat(f.securityGroups()).isEmpty();
    }

    @AwsEmulatorTest(requires = AwsCapability.EC2_VM)
    void deploy_sourceWithoutUserData_exit3BeforeAnyCloudCall(AwsEmulator emulator) throws Exception {
        // given: a source folder with only a web page
        AwsVmFixture f = new AwsVmFixture(emulator.endpoint(), temp);
        Path source = Files.createDirectories(temp.resolve("site"));
        Files.writeString(source.resolve("index.html"), "<h1>hi</h1>");

        // when
        ClouddemoException e = catchThrowableOfType(ClouddemoException.class,
                () -> f.deploy(AwsVmFixture.onDemand(), source));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).contains("has no user-data.sh");
        assertThat(f.securityGroups()).isEmpty();
    }

    @AwsEmulatorTest(requires = AwsCapability.EC2_VM)
    void destroy_instanceLaunchedBeforeACrashAndNotRecorded_foundByTagsAndTerminated(AwsEmulator emulator) {
        // given: a deployed VM, and a second instance with the environment's tags that state does not
        // know (what a run stopped right after RunInstances leaves)
        AwsVmFixture f = new AwsVmFixture(emulator.endpoint(), temp);
        f.deploy(AwsVmFixture.onDemand());
        String image = f.liveInstances().get(0).get("ImageId").toString();
        f.aws.run("ec2", "run-instances", "--image-id", image, "--instance-type", "t3.micro", "--count", "1",
                "--tag-specifications", "ResourceType=instance,Tags=[{Key=clouddemo-env,Value=" + f.env
                        + "},{Key=clouddemo-model,Value=iaas},{Key=clouddemo-managed-by,Value=clouddemo}]").orFail();
        assertThat(f.liveInstances()).hasSize(2);

        // when: plan
        PlanResult plan = f.plan(AwsVmFixture.onDemand());

        // then: the stray instance is to be terminated, the recorded one kept
        assertThat(plan.plan().ofType(AwsVmDeployer.INSTANCE)).as("%s", plan.plan().changes()).extracting(Change::action)
                .containsExactly(Action.DELETE, Action.NO_OP);

        // when: destroy
        f.destroy();

        // then: both are terminated
        assertThat(f.liveInstances()).isEmpty();
        assertThat(f.taggedLeft()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<String> ingress(Map<String, Object> group) {
        return ((List<Map<String, Object>>) group.get("IpPermissions")).stream()
                .flatMap(p -> ((List<Map<String, Object>>) p.get("IpRanges")).stream()
                        .map(r -> p.get("FromPort") + " " + r.get("CidrIp")))
                .toList();
    }

    /** A throwaway ed25519 public key from ssh-keygen, or a fixed one where ssh-keygen is missing. */
    private Path publicKey() throws Exception {
        Path key = temp.resolve("id_test");
        try {
            Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "clouddemo-test",
                    "-f", key.toString()).redirectErrorStream(true).start();
            if (p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return temp.resolve("id_test.pub");
            }
        } catch (java.io.IOException e) {
            // no ssh-keygen here: use the fixed key below
        }
        Path pub = temp.resolve("fixed.pub");
        Files.writeString(pub, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPip0Jk+mINKZvvIijPSI+wiwfkRozEQlR1xCWBINbnI clouddemo-test\n");
        return pub;
    }
}
