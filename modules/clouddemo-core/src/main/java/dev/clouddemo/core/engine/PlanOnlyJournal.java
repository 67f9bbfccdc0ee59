package dev.clouddemo.core.engine;

import dev.clouddemo.core.spi.ResourceJournal;
import dev.clouddemo.core.state.DeploymentState;

/** The journal a plan sees: it reads the recorded deployment and refuses every write. */
final class PlanOnlyJournal implements ResourceJournal {
    private final DeploymentState deployment;

    PlanOnlyJournal(DeploymentState deployment) {
        this.deployment = deployment;
    }

    @Override
    public DeploymentState current() {
        return deployment;
    }

    @Override
    public void creating(String type, String name) {
        throw refused();
    }

    @Override
    public void created(String type, String name, String id) {
        throw refused();
    }

    @Override
    public void pending(String type, String name, String operation) {
        throw refused();
    }

    @Override
    public void deleting(String type, String name, String operation) {
        throw refused();
    }

    @Override
    public void deleted(String type, String name) {
        throw refused();
    }

    @Override
    public void output(String key, String value) {
        throw refused();
    }

    @Override
    public void kept(String type, String name, String why) {
        throw refused();
    }

    private static IllegalStateException refused() {
        return new IllegalStateException("a plan must not change state");
    }
}
