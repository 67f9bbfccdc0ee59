package dev.clouddemo.azure.vm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.azure.AzureArmGround;
import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.engine.ProviderRegistry;
import dev.clouddemo.core.model.DeployOptions;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.testkit.conformance.CallRecorder;
import dev.clouddemo.testkit.conformance.ChangeKind;
import dev.clouddemo.testkit.conformance.ConformanceGround;
import dev.clouddemo.testkit.conformance.ProviderConformanceSuite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The conformance suite for the Azure VM with Spot: Resource Manager (Network and Compute
 * included, long-running operations through Azure-AsyncOperation and Location) and the Retail
 * Prices API on the stateful fake, over the production pipeline, bearer token included. No
 * emulator runs Azure VMs: what the VM does at boot only a live run shows.
 */
class AzureVmConformanceIT extends ProviderConformanceSuite {
    static final String SCRIPT = "#!/bin/bash\n# conformance\necho '__CLOUDDEMO_INDEX_HTML__' > /tmp/index.html\n";

    private AzureArmGround arm;
    private ConformanceGround ground;

    @BeforeAll
    void onFake() {
        arm = new AzureArmGround();
        ground = new VmGround(arm);
    }

    @AfterAll
    void closeFake() {
        arm.close();
    }

    @Override
    protected ConformanceGround ground() {
        return ground;
    }

    static void writeVmSource(Path folder, String page) throws IOException {
        Files.writeString(folder.resolve("index.html"), page);
        Files.writeString(folder.resolve("user-data.sh"), SCRIPT);
    }

    private static final class VmGround implements ConformanceGround {
        private final AzureArmGround arm;

        VmGround(AzureArmGround arm) {
            this.arm = arm;
        }

        @Override
        public String provider() {
            return "azure";
        }

        @Override
        public ServiceModel model() {
            return ServiceModel.IAAS;
        }

        @Override
        public ProviderRegistry providers() {
            return arm.providers();
        }

        @Override
        public Target target() {
            return arm.target();
        }

        @Override
        public Settings settings() {
            return new Settings(2, Map.of(Settings.DEFAULT_WAIT, Duration.ofMinutes(1)));
        }

        @Override
        public DeployOptions options() {
            return new DeployOptions(false, true, null, false, false, null, null, null);
        }

        @Override
        public void writeSource(Path folder) throws IOException {
            writeVmSource(folder, "<h1>conformance vm</h1>");
        }

        @Override
        public List<ChangeKind> changeOneInput(Path folder) throws IOException {
            Files.writeString(folder.resolve("index.html"), "<h1>conformance vm, changed</h1>");
            // custom data cannot change on a running VM: the VM is replaced, its network kept
            return List.of(ChangeKind.delete("virtual-machine"), ChangeKind.create("virtual-machine"));
        }

        @Override
        public void writeInvalidSource(Path folder) throws IOException {
            Files.writeString(folder.resolve("index.html"), "<h1>no start-up script</h1>");
        }

        @Override
        public Set<String> outputs() {
            return Set.of("url", "public_ip", "vm", "resourceGroup", "priority", "size");
        }

        @Override
        public void checkOutputs(Map<String, String> outputs) {
            assertThat(outputs.get("url")).isEqualTo("http://" + outputs.get("public_ip") + "/");
            assertThat(outputs.get("priority")).isEqualTo("Spot");
            assertThat(outputs.get("size")).isEqualTo("Standard_D2as_v5");
            assertThat(outputs.get("resourceGroup")).startsWith("clouddemo-cf-").contains("-iaas-");
            String vm = arm.fakeLastPut("/virtualMachines/" + outputs.get("resourceGroup"));
            assertThat(vm).contains("\"priority\":\"Spot\"").contains("\"evictionPolicy\":\"Delete\"")
                    .contains("\"maxPrice\":-1").contains("\"disablePasswordAuthentication\":true")
                    .contains("\"offer\":\"ubuntu-24_04-lts\"").contains("\"sku\":\"server\"")
                    .contains("\"deleteOption\":\"Delete\"").contains("\"ssh-rsa ").doesNotContain("adminPassword");
            String customData = vm.replaceAll("(?s).*\"customData\":\"([^\"]+)\".*", "$1");
            assertThat(new String(Base64.getDecoder().decode(customData), StandardCharsets.UTF_8))
                    .startsWith("#!/bin/bash").contains("conformance vm");
            String nsg = arm.fakeLastPut("/networkSecurityGroups/" + outputs.get("resourceGroup") + "-nsg");
            assertThat(nsg).contains("\"destinationPortRange\":\"80\"").contains("\"sourceAddressPrefix\":\"0.0.0.0/0\"")
                    .doesNotContain("\"22\"").doesNotContain("\"*\",\"sourcePortRange\"");
            assertThat(arm.fakeResources(outputs.get("resourceGroup"))).as("the group's resources, each tagged").hasSize(5)
                    .allSatisfy(r -> assertThat(r).contains("clouddemo-env=cf-").contains("clouddemo-model=iaas")
                            .contains("clouddemo-managed-by=clouddemo"));
            assertThat(arm.fakeLastPut("/publicIPAddresses/" + outputs.get("resourceGroup") + "-ip"))
                    .contains("\"Standard\"").contains("\"Static\"");
        }

        /** Every part of the VM is found inside its resource group, which the sweep lists once with what it holds. */
        @Override
        public Map<String, String> undiscoverableTypes() {
            String why = "found inside its resource group, which the sweep lists once with what it holds (FoundResource.container)";
            return Map.of("virtual-network", why, "network-security-group", why, "public-ip", why,
                    "network-interface", why, "virtual-machine", why);
        }

        @Override
        public String primaryType() {
            return "virtual-machine";
        }

        @Override
        public CallRecorder calls() {
            return arm.recorded().calls();
        }
    }
}
