package dev.clouddemo.cli;

import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.state.DeploymentState;

/** The commands that finish or remove a deployment, as hints and status lines name them. */
final class NextSteps {
    private NextSteps() {
    }

    /** The deploy that finishes the deployment (or puts back what is gone), where it lives. */
    static String deploy(EnvName env, DeploymentState d) {
        return "clouddemo deploy -p " + d.provider() + " -m " + d.model().id() + " --env " + env
                + (d.local() ? " --local" : "");
    }

    static String destroy(EnvName env, DeploymentState d) {
        return "clouddemo destroy --env " + env + " -m " + d.model().id();
    }

    /** "finish it with `deploy …`, or remove it with `destroy …`". */
    static String finishOrRemove(EnvName env, DeploymentState d) {
        return "finish it with `" + deploy(env, d) + "`, or remove it with `" + destroy(env, d) + "`";
    }
}
