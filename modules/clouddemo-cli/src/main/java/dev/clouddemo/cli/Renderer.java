package dev.clouddemo.cli;

import dev.clouddemo.core.engine.DestroyResult;
import dev.clouddemo.core.engine.DoctorReport;
import dev.clouddemo.core.engine.EnvironmentEntry;
import dev.clouddemo.core.engine.PlanResult;
import dev.clouddemo.core.engine.RefreshResult;
import dev.clouddemo.core.engine.CostReport;
import dev.clouddemo.core.engine.ExpiredSweepResult;
import dev.clouddemo.core.engine.SweepResult;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.CloudProvider;
import dev.clouddemo.core.state.EnvironmentState;
import dev.clouddemo.core.state.StateLock;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Writes command results to stdout, as text for people or JSON for scripts. */
interface Renderer {
    void planned(PlanResult result, PrintStream out);

    void deployed(PlanResult result, double seconds, PrintStream out);

    void destroyed(DestroyResult result, double seconds, PrintStream out);

    /** {@code destroy} of an environment the state folder does not know: not an error (a teardown run twice). */
    void nothingToDestroy(String env, Path stateHome, List<String> known, PrintStream out);

    /** One environment as state records it; incomplete deployments marked with what to run. */
    void status(EnvironmentState state, Path stateHome, PrintStream out);

    /** {@code status --refresh}: state, and what the cloud has now beside each record. */
    void refreshed(RefreshResult result, PrintStream out);

    /** {@code envs}, and {@code status} without {@code --env}: every environment, one line per deployment. */
    void environments(List<EnvironmentEntry> entries, Path stateHome, Instant now, PrintStream out);

    void outputs(EnvironmentState state, ServiceModel model, PrintStream out);

    void providers(List<CloudProvider> providers, PrintStream out);

    void swept(SweepResult result, PrintStream out);

    /** {@code clouddemo cost}: per hour and month now, and since creation, per deployment. */
    void costs(CostReport report, PrintStream out);

    /** What {@code sweep --expired} found and, unless only listing, removed. */
    void sweptExpired(ExpiredSweepResult result, PrintStream out);

    /** {@code doctor}: versions, each provider's credentials, region and emulators, the state folder, the problems. */
    void doctor(DoctorReport report, String version, PrintStream out);

    /** Who holds the lock, before it is removed; {@code holder} is null when nobody does. */
    void lockHolder(String env, StateLock.Holder holder, PrintStream out);

    /** The lock {@code holder} held is gone. */
    void unlocked(String env, StateLock.Holder holder, PrintStream out);
}
