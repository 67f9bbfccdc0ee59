package dev.clouddemo.labs;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * A verify step: the deployment's URL from {@code clouddemo outputs url}, then GET until it serves
 * the page expected; where a local ground serves nothing at that URL, the control plane's view
 * instead ({@link ControlPlaneCheck}), said so.
 */
final class UrlVerify {
    private final Launcher launcher;
    private final LabListener listener;
    private final PageWaiter waiter;
    private final ControlPlaneCheck controlPlane;
    private final boolean local;
    private final Duration deadline;

    UrlVerify(Launcher launcher, LabListener listener, PageWaiter waiter, boolean local, Duration deadline) {
        this.launcher = launcher;
        this.listener = listener;
        this.waiter = waiter;
        this.controlPlane = new ControlPlaneCheck(launcher, local);
        this.local = local;
        this.deadline = deadline;
    }

    /** @param text the text the page must hold, or null for the model's demo page */
    LabRunner.Observed verify(Step.Verify step, String env, String text) {
        Launcher.CommandRun outputs = launcher.run(List.of("outputs", "url", "--env", env, "-m", step.model().id()));
        listener.commandEnded(outputs);
        if (outputs.exitCode() != 0) {
            return new LabRunner.Observed(StepResult.Status.FAILED, "no URL to verify: "
                    + String.join(" ", outputs.diagnostics()));
        }
        URI url = URI.create(outputs.stdout().strip());
        if (local && !PageFetcher.isOnThisMachine(url)) {
            return controlPlane.check(env, step.model(), url);
        }
        PageExpectation expected = text == null ? PageExpectation.demoPage(step.model()) : PageExpectation.text(text);
        PageWaiter.Outcome outcome = waiter.await(url, expected);
        if (outcome.served()) {
            return new LabRunner.Observed(StepResult.Status.PASSED, url + " serves " + expected.description()
                    + String.format(" (after %.1f s)", outcome.seconds()));
        }
        if (outcome.interrupted()) {
            return new LabRunner.Observed(StepResult.Status.INTERRUPTED, "interrupted while waiting for " + url);
        }
        return new LabRunner.Observed(StepResult.Status.FAILED, url + " did not serve " + expected.description()
                + " within " + deadline.toSeconds() + " s (--verify-timeout); last answer: " + outcome.lastAnswer());
    }
}
