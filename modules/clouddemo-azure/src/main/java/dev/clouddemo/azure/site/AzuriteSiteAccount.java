package dev.clouddemo.azure.site;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.PublicAccessType;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobStorageException;
import dev.clouddemo.azure.AzureSession;
import dev.clouddemo.azure.BlobObjectStore;
import dev.clouddemo.azure.BlobContainerTags;
import dev.clouddemo.core.content.Site;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.model.Tags;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Change;
import dev.clouddemo.core.plan.Plan;
import dev.clouddemo.core.spi.DeploymentContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The site's home on Azurite, which has no Resource Manager: the emulator's one account
 * (devstoreaccount1) and its {@code $web} container, whose metadata says which environment's site
 * it holds — {@code $web} is one per account, so a second local environment is refused while
 * another's site is there. Azurite keeps the website settings but serves no website: the output
 * is the blob URL of {@code index.html}, which the container lets anyone read (on the emulator
 * only: on Azure the website endpoint serves {@code $web}, which stays private).
 */
final class AzuriteSiteAccount implements AzureSiteAccount {
    static final String CONTAINER_TYPE = "blob-container";
    static final String WEB = StaticWebsiteSettings.CONTAINER;

    private final AzureSession session;

    AzuriteSiteAccount(AzureSession session) {
        this.session = session;
    }

    private record Local(String account) implements Chosen {
    }

    private BlobContainerClient web() {
        return session.localBlobService().getBlobContainerClient(WEB);
    }

    @Override
    public Chosen plan(DeploymentContext context, Plan.Builder plan) {
        Optional<Map<String, String>> metadata = session.step("reading container " + WEB + " on Azurite", this::metadata);
        if (metadata.isEmpty()) {
            plan.add(Action.CREATE, CONTAINER_TYPE, WEB, "the website's container, marked as environment " + context.env()
                    + "'s");
        } else {
            String owner = BlobContainerTags.fromMetadata(metadata.get()).get(Tags.ENV);
            if (owner != null && !owner.equals(context.env().value())) {
                throw ClouddemoException.invalidInput("Azurite's " + WEB + " container holds environment '" + owner
                                + "''s site: an account has one website, and Azurite has one account",
                        "destroy that one first (`clouddemo destroy --env " + owner + " --provider azure --model static`),"
                                + " or deploy to that environment");
            }
            if (owner == null && !session.step("listing container " + WEB + " on Azurite",
                    () -> new BlobObjectStore(web()).list().isEmpty())) {
                throw ClouddemoException.invalidInput("Azurite's " + WEB + " container holds files clouddemo did not put"
                        + " there", "empty or delete the container (it is the account's website) and deploy again");
            }
            if (owner == null) {
                plan.add(Action.UPDATE, CONTAINER_TYPE, WEB, "empty and unmarked: mark it as environment " + context.env() + "'s");
            } else if (!BlobContainerTags.fromMetadata(metadata.get()).entrySet().containsAll(context.tags().entrySet())) {
                plan.add(Action.UPDATE, CONTAINER_TYPE, WEB, "holds this environment's site: mark it " + context.tagText());
            } else {
                context.planExisting(plan, CONTAINER_TYPE, WEB, "holds this environment's site");
            }
        }
        plan.note("Azurite keeps the website settings but serves no website: the URL given is the blob URL of "
                + Site.INDEX + " in " + WEB + ", which anyone may read on the emulator only (on Azure " + WEB
                + " stays private and the website endpoint serves it).");
        return new Local(session.scope().get("storageAccount"));
    }

    private Optional<Map<String, String>> metadata() {
        try {
            return Optional.of(web().getProperties().getMetadata());
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Optional<BlobServiceClient> existing(Chosen chosen) {
        return Optional.of(session.localBlobService());
    }

    @Override
    public BlobServiceClient apply(Plan plan, Chosen chosen, DeploymentContext context) {
        for (Change change : plan.ofType(CONTAINER_TYPE)) {
            if (!change.writes()) {
                continue;
            }
            Map<String, String> metadata = containerMetadata(context);
            if (change.action() == Action.CREATE) {
                context.journal().creating(CONTAINER_TYPE, WEB);
                session.step("creating container " + WEB + " on Azurite",
                        () -> web().createWithResponse(metadata, PublicAccessType.BLOB, null, com.azure.core.util.Context.NONE));
            } else {
                session.step("marking container " + WEB + " on Azurite", () -> web().setMetadata(metadata));
                session.step("letting anyone read the blobs of " + WEB + " on Azurite",
                        () -> web().setAccessPolicy(PublicAccessType.BLOB, null));
            }
            context.journal().created(CONTAINER_TYPE, WEB, web().getBlobContainerUrl());
        }
        return session.localBlobService();
    }

    @Override
    public Map<String, String> containerMetadata(DeploymentContext context) {
        return BlobContainerTags.toMetadata(context.tags());
    }

    @Override
    public Map<String, String> outputs(Chosen chosen) {
        Map<String, String> outputs = new LinkedHashMap<>();
        // not the website (Azurite serves none): the blob itself, readable with the account's key
        outputs.put("url", session.endpoint() + "/" + WEB + "/" + Site.INDEX);
        outputs.put("storageAccount", ((Local) chosen).account());
        return outputs;
    }

    @Override
    public void destroy(DeploymentContext context) {
        session.step("deleting container " + WEB + " and its blobs on Azurite", () -> new BlobObjectStore(web()).deleteAll());
        session.step("turning the website off on Azurite", () -> StaticWebsiteSettings.disable(session.localBlobService()));
        context.journal().deleted(CONTAINER_TYPE, WEB);
    }
}
