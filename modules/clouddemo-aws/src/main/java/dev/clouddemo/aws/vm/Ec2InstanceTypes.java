package dev.clouddemo.aws.vm;

import dev.clouddemo.core.kit.EditDistance;
import dev.clouddemo.core.error.ClouddemoException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ArchitectureType;
import software.amazon.awssdk.services.ec2.model.InstanceTypeOffering;
import software.amazon.awssdk.services.ec2.model.LocationType;

/** Which instance types a region and its zones offer, and what processor a type has (read-only). */
final class Ec2InstanceTypes {
    static final String DEFAULT = "t3.micro";
    private static final int SUGGESTIONS = 5;

    private final Ec2Client ec2;
    private final String region;

    Ec2InstanceTypes(Ec2Client ec2, String region) {
        this.ec2 = ec2;
        this.region = region;
    }

    /** Refuses (exit 3) a type the region does not offer, naming the nearest ones it does. */
    void requireOffered(String instanceType) {
        boolean offered = !ec2.describeInstanceTypeOfferings(r -> r.locationType(LocationType.REGION)
                .filters(f -> f.name("instance-type").values(instanceType))).instanceTypeOfferings().isEmpty();
        if (offered) {
            return;
        }
        Set<String> all = ec2.describeInstanceTypeOfferingsPaginator(r -> r.locationType(LocationType.REGION))
                .instanceTypeOfferings().stream()
                .map(InstanceTypeOffering::instanceTypeAsString)
                .collect(Collectors.toCollection(TreeSet::new));
        throw ClouddemoException.invalidInput("instance type " + instanceType + " is not offered in " + region,
                "nearest offered there: " + String.join(", ", nearest(instanceType, all, SUGGESTIONS))
                        + " (pass one with --instance-type, or choose another --region)");
    }

    /** The availability zones of the region that offer this type. */
    Set<String> zonesOffering(String instanceType) {
        return ec2.describeInstanceTypeOfferingsPaginator(r -> r.locationType(LocationType.AVAILABILITY_ZONE)
                        .filters(f -> f.name("instance-type").values(instanceType)))
                .instanceTypeOfferings().stream()
                .map(InstanceTypeOffering::location)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** {@code arm64} for Graviton types, else {@code x86_64}, as EC2 describes the type. */
    String architecture(String instanceType) {
        List<ArchitectureType> architectures = ec2.describeInstanceTypes(r -> r.instanceTypesWithStrings(instanceType))
                .instanceTypes().stream()
                .flatMap(t -> t.processorInfo().supportedArchitectures().stream())
                .toList();
        return AwsVmImage.architectureOf(architectures);
    }

    /**
     * The offered types closest in spelling to the wanted one (edit distance, then same family
     * first, then name), so a typo or a type missing in the region finds its neighbours.
     */
    static List<String> nearest(String wanted, Collection<String> offered, int limit) {
        String family = wanted.contains(".") ? wanted.substring(0, wanted.indexOf('.')) : wanted;
        return offered.stream()
                .sorted(Comparator.<String>comparingInt(t -> EditDistance.between(wanted, t))
                        .thenComparing(t -> !t.startsWith(family + "."))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(limit)
                .toList();
    }

}
