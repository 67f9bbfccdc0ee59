package dev.clouddemo.gcp.site;

import com.google.cloud.Identity;
import com.google.cloud.Policy;
import com.google.cloud.Role;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import com.google.cloud.storage.StorageRoles;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.gcp.PublicAccessRefusals;
import java.util.Set;

/**
 * Public read of one site bucket's objects: {@code roles/storage.objectViewer} for
 * {@code allUsers} in the bucket's IAM policy (uniform bucket-level access: no object ACLs), the
 * policy's other bindings kept. An organisation that forbids it — public access prevention
 * enforced, or domain-restricted sharing — gets an error naming that policy.
 */
final class GcsPublicRead {
    static final Role ROLE = StorageRoles.objectViewer();
    static final Identity MEMBER = Identity.allUsers();

    private final Storage storage;

    GcsPublicRead(Storage storage) {
        this.storage = storage;
    }

    boolean granted(String bucket) {
        Set<Identity> members = storage.getIamPolicy(bucket).getBindings().get(ROLE);
        return members != null && members.contains(MEMBER);
    }

    void grant(String bucket) {
        Policy current = storage.getIamPolicy(bucket);
        try {
            storage.setIamPolicy(bucket, current.toBuilder().addIdentity(ROLE, MEMBER).build());
        } catch (StorageException e) {
            ClouddemoException refused = PublicAccessRefusals.refused("bucket " + bucket, e.getCode(), e.getMessage(), e);
            throw refused != null ? refused : e;
        }
    }
}
