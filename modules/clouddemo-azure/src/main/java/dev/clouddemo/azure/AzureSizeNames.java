package dev.clouddemo.azure;

import dev.clouddemo.core.model.DeployOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rule for {@code --instance-type} on Azure: a VM size name, {@code Standard_<family><vCPUs>…}
 * with optional version and feature parts ({@code Standard_B1s}, {@code Standard_D2as_v5},
 * {@code Standard_NC24ads_A100_v4}). B-series (burstable) sizes are not offered as Spot.
 */
final class AzureSizeNames {
    private static final Pattern SIZE = Pattern.compile("(Standard|Basic)_[A-Z]+[0-9]+[A-Za-z0-9-]*(_[A-Za-z0-9]+)*");
    private static final Pattern B_SERIES = Pattern.compile("Standard_B[0-9].*");

    private AzureSizeNames() {
    }

    static List<String> problems(DeployOptions options) {
        List<String> problems = new ArrayList<>();
        String size = options.instanceType();
        if (size == null) {
            return problems;
        }
        if (!SIZE.matcher(size).matches()) {
            problems.add("--instance-type '" + size + "' is not an Azure VM size name (like Standard_B1s or"
                    + " Standard_D2as_v5; `az vm list-sizes --location eastus -o table` lists them)");
        } else if (options.spot() && B_SERIES.matcher(size).matches()) {
            problems.add("--instance-type " + size + " is a B-series size, which Azure does not offer as Spot:"
                    + " leave out --instance-type for the default Spot size, or pick another family (like Standard_D2as_v5)");
        }
        return problems;
    }
}
