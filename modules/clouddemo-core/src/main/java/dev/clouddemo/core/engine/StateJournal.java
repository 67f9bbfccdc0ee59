package dev.clouddemo.core.engine;

import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.KeptResource;
import dev.clouddemo.core.spi.ResourceJournal;
import dev.clouddemo.core.state.DeploymentState;
import dev.clouddemo.core.state.EnvironmentState;
import dev.clouddemo.core.state.ResourceRecord;
import dev.clouddemo.core.state.StateBackend;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** The journal behind a deployment: every record is written to the state file before it returns. */
final class StateJournal implements ResourceJournal {
    private final StateBackend store;
    private final Clock clock;
    private final Cancellation cancellation;
    private EnvironmentState environment;
    private DeploymentState deployment;
    private final List<KeptResource> kept = new ArrayList<>();

    /** What an hour of the deployment costs, as the plan about to be applied prices it: written with the next record. */
    synchronized void costs(java.math.BigDecimal usdPerHour) {
        deployment = deployment.withUsdPerHour(usdPerHour);
    }

    StateJournal(StateBackend store, Clock clock, EnvironmentState environment, DeploymentState deployment,
            Cancellation cancellation) {
        this.store = store;
        this.clock = clock;
        this.cancellation = cancellation;
        this.environment = environment;
        this.deployment = deployment;
    }

    @Override
    public synchronized DeploymentState current() {
        return deployment;
    }

    EnvironmentState environment() {
        return environment;
    }

    @Override
    public void creating(String type, String name) {
        update(d -> d.withResource(new ResourceRecord(type, name, null, ResourceRecord.Status.CREATING), clock.instant()));
    }

    @Override
    public void created(String type, String name, String id) {
        update(d -> d.withResource(new ResourceRecord(type, name, id, ResourceRecord.Status.CREATED), clock.instant()));
    }

    @Override
    public void pending(String type, String name, String operation) {
        inFlight(type, name, ResourceRecord.Status.CREATING, operation);
    }

    @Override
    public void deleting(String type, String name, String operation) {
        inFlight(type, name, ResourceRecord.Status.DELETING, operation);
    }

    /** A long-running operation on the resource, recorded with the id state has for it so far. */
    private void inFlight(String type, String name, ResourceRecord.Status status, String operation) {
        update(d -> {
            String id = d.resource(type, name).map(ResourceRecord::id).orElse(null);
            return d.withResource(new ResourceRecord(type, name, id, status, operation), clock.instant());
        });
    }

    @Override
    public void deleted(String type, String name) {
        update(d -> d.withoutResource(type, name, clock.instant()));
    }

    @Override
    public synchronized void kept(String type, String name, String why) {
        kept.add(new KeptResource(type, name, why));
    }

    /** What the destroy left in place, in the order the deployer named it. */
    synchronized List<KeptResource> kept() {
        return List.copyOf(kept);
    }

    @Override
    public void output(String key, String value) {
        update(d -> d.withOutput(key, value, clock.instant()));
    }

    /** Drops the deployment's outputs (what they describe is gone). */
    void clearOutputs() {
        update(d -> d.withoutOutputs(clock.instant()));
    }

    /**
     * Saves the deployment as it is now: after an apply, so what it changed of the deployment
     * itself (a new time to live, the price) is kept even when no resource record was written.
     */
    synchronized void save() {
        environment = environment.with(deployment);
        store.write(environment);
    }

    /** Removes the whole deployment from the environment's state. */
    synchronized void forget() {
        environment = environment.without(deployment.key());
        store.write(environment);
    }

    /** Saves the change, then stops if the user asked to: every record is a safe place to stop. */
    private void update(UnaryOperator<DeploymentState> change) {
        synchronized (this) {
            deployment = change.apply(deployment);
            environment = environment.with(deployment);
            store.write(environment);
        }
        cancellation.checkpoint();
    }
}
