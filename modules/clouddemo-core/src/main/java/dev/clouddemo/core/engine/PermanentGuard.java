package dev.clouddemo.core.engine;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.plan.Plan;

/**
 * A deploy whose plan creates something that can never be removed again goes ahead only when the
 * user accepted it ({@code --yes}): without, it is refused before any write call, exit 3.
 */
final class PermanentGuard {
    private PermanentGuard() {
    }

    static void check(Plan plan, boolean accepted, String deployment) {
        if (accepted || plan.permanent().isEmpty()) {
            return;
        }
        throw ClouddemoException.invalidInput("deploying " + deployment + " would create what can never be removed: "
                        + String.join("; ", plan.permanent()) + "; nothing was created",
                "read it in `clouddemo plan`, then deploy again with --yes to accept it");
    }
}
