package dev.clouddemo.labs;

import dev.clouddemo.core.error.ClouddemoException;
import java.util.List;

/** The providers of the build the labs run on, as {@code clouddemo providers --output json} tells (asked once). */
final class BuildProviders {
    private final Launcher launcher;
    private List<ProviderInfo> providers;

    BuildProviders(Launcher launcher) {
        this.launcher = launcher;
    }

    List<ProviderInfo> all() {
        if (providers == null) {
            Launcher.CommandRun run = launcher.run(List.of("providers", "--output", "json"));
            if (run.exitCode() != 0) {
                throw ClouddemoException.cloud("`clouddemo providers` failed: " + String.join(" ", run.diagnostics()),
                        "run it yourself to see why", null);
            }
            providers = ProviderInfo.parse(run.stdout());
        }
        return providers;
    }

    /** The provider with this id; else a usage error naming the build's. */
    ProviderInfo get(String id) {
        return all().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> ClouddemoException.usage("unknown provider '" + id + "'", "this build has: "
                        + String.join(", ", all().stream().map(ProviderInfo::id).toList())));
    }
}
