package dev.clouddemo.azure.function;

import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.storage.fluent.models.BlobContainerInner;
import com.azure.resourcemanager.storage.models.PublicAccess;
import dev.clouddemo.azure.AzureSession;
import java.util.Optional;

/**
 * The private blob container One Deploy puts the app's packages in, made through Resource Manager
 * (no data-plane key or role needed for it). Containers carry no Azure tags and their metadata
 * names allow no hyphen: it is found inside its tagged account, in the tagged group.
 */
final class DeploymentContainer {
    private DeploymentContainer() {
    }

    static Optional<BlobContainerInner> find(AzureSession session, String group, String account) {
        try {
            return Optional.ofNullable(session.storageManager().serviceClient().getBlobContainers()
                    .get(group, account, AzureFunctionDeployer.CONTAINER_NAME));
        } catch (ManagementException e) {
            if (e.getResponse() != null && e.getResponse().getStatusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Creates it, private; its id. */
    static String create(AzureSession session, String group, String account) {
        return session.storageManager().serviceClient().getBlobContainers().create(group, account,
                AzureFunctionDeployer.CONTAINER_NAME, new BlobContainerInner().withPublicAccess(PublicAccess.NONE)).id();
    }
}
