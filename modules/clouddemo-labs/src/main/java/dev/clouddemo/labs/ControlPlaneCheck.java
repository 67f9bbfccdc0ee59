package dev.clouddemo.labs;

import dev.clouddemo.core.json.Json;
import dev.clouddemo.core.model.ServiceModel;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The verify of a deployment the local ground serves nothing for (moto keeps a VM's records, not a
 * machine): what can be verified instead, through clouddemo as a student would — state records the
 * model's resources as created ({@code status}), and the provider's own tag search finds the
 * environment's resources, none of them orphaned ({@code sweep --dry-run}). Reported as
 * {@link StepResult.Status#CHECKED}, never as a page served.
 */
final class ControlPlaneCheck {
    private final Launcher launcher;
    private final boolean local;

    ControlPlaneCheck(Launcher launcher, boolean local) {
        this.launcher = launcher;
        this.local = local;
    }

    @SuppressWarnings("unchecked")
    LabRunner.Observed check(String env, ServiceModel model, URI url) {
        String unserved = url + " is not on this machine: the local ground keeps the " + model.description()
                + "'s records but serves nothing there, so no page was fetched";
        Launcher.CommandRun status = launcher.run(List.of("status", "--env", env, "--output", "json"));
        if (status.exitCode() != 0) {
            return failed(unserved, "`" + status.commandLine() + "` failed: " + String.join(" ", status.diagnostics()));
        }
        Map<String, Object> deployment;
        try {
            Map<String, Object> deployments = (Map<String, Object>) ((Map<String, Object>) Json.parse(status.stdout()))
                    .get("deployments");
            deployment = deployments.values().stream().map(d -> (Map<String, Object>) d)
                    .filter(d -> model.id().equals(d.get("model"))).findFirst().orElse(null);
        } catch (Json.ParseException | ClassCastException | NullPointerException e) {
            return failed(unserved, "`" + status.commandLine() + "` gave no state to read");
        }
        if (deployment == null) {
            return failed(unserved, "state of " + env + " has no " + model.id() + " deployment");
        }
        List<Map<String, Object>> resources = (List<Map<String, Object>>) deployment.get("resources");
        List<String> unfinished = resources.stream().filter(r -> !"created".equals(r.get("status")))
                .map(r -> r.get("type") + " " + r.get("name") + " (" + r.get("status") + ")").toList();
        if (!unfinished.isEmpty()) {
            return failed(unserved, "state records resources not created: " + String.join(", ", unfinished));
        }
        String provider = (String) deployment.get("provider");
        List<String> sweepWords = new ArrayList<>(List.of("sweep", "--dry-run", "--env", env, "-p", provider));
        if (local) {
            sweepWords.add("--local");
        }
        sweepWords.addAll(List.of("--output", "json"));
        Launcher.CommandRun sweep = launcher.run(sweepWords);
        if (sweep.exitCode() != 0) {
            return failed(unserved, "`" + sweep.commandLine() + "` failed: " + String.join(" ", sweep.diagnostics()));
        }
        List<Object> tracked;
        List<Object> orphans;
        try {
            Map<String, Object> found = (Map<String, Object>) Json.parse(sweep.stdout());
            tracked = (List<Object>) found.get("tracked");
            orphans = (List<Object>) found.get("orphans");
        } catch (Json.ParseException | ClassCastException e) {
            return failed(unserved, "`" + sweep.commandLine() + "` gave no search result to read");
        }
        if (tracked.isEmpty() || !orphans.isEmpty()) {
            return failed(unserved, "the tag search for clouddemo-env=" + env + " finds " + tracked.size()
                    + " resource(s) state knows and " + orphans.size() + " orphan(s)");
        }
        return new LabRunner.Observed(StepResult.Status.CHECKED, unserved + ". Verified instead: state records "
                + resources.size() + " resource(s) created (" + String.join(", ", resources.stream()
                        .map(r -> (String) r.get("type")).toList()) + "), and the tag search for clouddemo-env=" + env
                + " finds " + tracked.size() + " tagged resource(s), none orphaned");
    }

    private static LabRunner.Observed failed(String unserved, String why) {
        return new LabRunner.Observed(StepResult.Status.FAILED, unserved + "; and the control plane check failed: " + why);
    }
}
