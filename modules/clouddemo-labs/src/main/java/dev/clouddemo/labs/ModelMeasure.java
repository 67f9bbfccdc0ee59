package dev.clouddemo.labs;

import dev.clouddemo.core.json.Json;
import dev.clouddemo.core.model.ServiceModel;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Measures one model on one provider: runs its deploy (with {@code --output json}, to read the URL
 * and the plan's price notes), times the command to its end and to the first HTTP answer serving the
 * demo page. Where the ground has no emulator for the model, or serves nothing to GET, it says so
 * instead of a time.
 */
final class ModelMeasure {
    /** How the note of a measurement that failed begins. */
    static final String FAILED = "failed: ";

    private final Launcher launcher;
    private final PageWaiter waiter;
    private final LabListener listener;
    private final boolean local;

    ModelMeasure(Launcher launcher, PageWaiter waiter, LabListener listener, boolean local) {
        this.launcher = launcher;
        this.waiter = waiter;
        this.listener = listener;
        this.local = local;
    }

    @SuppressWarnings("unchecked")
    Measurement measure(ProviderInfo provider, ServiceModel model, String options, String env) {
        if (!provider.deploys(model)) {
            return Measurement.notMeasured(provider.id(), model, options, env, "not measured: this build's "
                    + provider.id() + " does not deploy " + model.id());
        }
        if (local && !provider.hasLocalGround(model)) {
            return Measurement.notMeasured(provider.id(), model, options, env, "not measured: no local emulator for "
                    + provider.id() + "/" + model.id() + " (--local stops there; measure it on the real cloud)");
        }
        List<String> words = new ArrayList<>(List.of("deploy", "-p", provider.id(), "-m", model.id(), "--env", env));
        if (local) {
            words.add("--local");
        }
        if (!options.isBlank()) {
            words.addAll(List.of(options.strip().split("\\s+")));
        }
        words.addAll(List.of("--output", "json"));
        long start = System.nanoTime();
        Launcher.CommandRun deploy = launcher.run(words);
        double deploySeconds = (System.nanoTime() - start) / 1e9;
        if (deploy.exitCode() != 0) {
            listener.commandEnded(deploy);
            return Measurement.notMeasured(provider.id(), model, options, env, FAILED + "`" + deploy.commandLine()
                    + "` exited " + deploy.exitCode() + ": " + String.join(" ", deploy.diagnostics()));
        }
        Map<String, Object> result;
        try {
            result = (Map<String, Object>) Json.parse(deploy.stdout());
        } catch (Json.ParseException | ClassCastException e) {
            listener.commandEnded(deploy);
            return Measurement.notMeasured(provider.id(), model, options, env, FAILED + "the deploy printed no JSON");
        }
        Map<String, Object> outputs = (Map<String, Object>) result.getOrDefault("outputs", Map.of());
        Map<String, Object> plan = (Map<String, Object>) result.getOrDefault("plan", Map.of());
        List<String> notes = (List<String>) plan.getOrDefault("notes", List.of());
        StringBuilder shown = new StringBuilder();
        notes.forEach(note -> shown.append("Note: ").append(note).append('\n'));
        outputs.forEach((key, value) -> shown.append(key).append(" = ").append(value).append('\n'));
        listener.commandEnded(deploy.showing(shown.toString()));
        PlanPrices prices = PlanPrices.from((Map<String, Object>) plan.get("cost"));
        Object url = outputs.get("url");
        Optional<Double> answer = Optional.empty();
        String note = "";
        if (url == null) {
            note = "no URL in its outputs";
        } else if (local && !PageFetcher.isOnThisMachine(URI.create((String) url))) {
            note = "served nothing to GET locally (" + url + " is the emulator's record, not a machine)";
        } else {
            PageWaiter.Outcome served = waiter.await(URI.create((String) url), PageExpectation.demoPage(model));
            if (!served.served()) {
                note = FAILED + url + " did not serve the demo page; last answer: " + served.lastAnswer();
            } else {
                answer = Optional.of((System.nanoTime() - start) / 1e9);
            }
        }
        return new Measurement(provider.id(), model, options, env, Optional.of(deploySeconds), answer, prices.paid(),
                prices.onDemand(), prices.savingPercent(), note);
    }
}
