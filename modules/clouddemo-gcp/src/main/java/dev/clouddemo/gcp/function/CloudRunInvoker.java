package dev.clouddemo.gcp.function;

import com.google.api.gax.rpc.ApiException;
import com.google.cloud.functions.v2.Function;
import com.google.cloud.run.v2.ServicesClient;
import com.google.iam.v1.Binding;
import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.Policy;
import com.google.iam.v1.SetIamPolicyRequest;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.gcp.PublicAccessRefusals;
import java.util.List;

/**
 * Who may call a 2nd-gen function: its Cloud Run service's IAM policy. Public means
 * {@code roles/run.invoker} for {@code allUsers} (what {@code gcloud functions add-invoker-policy-binding}
 * sets); private, no such binding. The policy's other bindings are kept.
 */
final class CloudRunInvoker {
    static final String ROLE = "roles/run.invoker";
    static final String MEMBER = "allUsers";

    private final ServicesClient run;

    CloudRunInvoker(ServicesClient run) {
        this.run = run;
    }

    /**
     * The Cloud Run service behind the function: the one it names, else the function's own id in
     * its location (2nd gen names the service after the function).
     */
    static String service(Function function) {
        String named = function.getServiceConfig().getService();
        return named.isBlank() ? function.getName().replace("/functions/", "/services/") : named;
    }

    boolean isPublic(String service) {
        return isPublic(policy(service));
    }

    private static boolean isPublic(Policy policy) {
        return policy.getBindingsList().stream().anyMatch(b -> b.getRole().equals(ROLE) && b.getMembersList().contains(MEMBER));
    }

    private Policy policy(String service) {
        return run.getIamPolicy(GetIamPolicyRequest.newBuilder().setResource(service).build());
    }

    /** Grants or removes {@code allUsers}' invoker role, whichever {@code open} asks; nothing when it is so already. */
    void set(String service, boolean open) {
        Policy current = policy(service);
        if (isPublic(current) == open) {
            return;
        }
        Policy.Builder next = current.toBuilder().clearBindings();
        for (Binding binding : current.getBindingsList()) {
            if (!binding.getRole().equals(ROLE)) {
                next.addBindings(binding);
                continue;
            }
            List<String> members = binding.getMembersList().stream().filter(m -> !m.equals(MEMBER)).toList();
            if (!members.isEmpty()) {
                next.addBindings(binding.toBuilder().clearMembers().addAllMembers(members));
            }
        }
        if (open) {
            next.addBindings(Binding.newBuilder().setRole(ROLE).addMembers(MEMBER));
        }
        try {
            run.setIamPolicy(SetIamPolicyRequest.newBuilder().setResource(service).setPolicy(next).build());
        } catch (ApiException e) {
            ClouddemoException refused = PublicAccessRefusals.refused("function service " + service, e);
            throw refused != null ? refused : e;
        }
    }
}
