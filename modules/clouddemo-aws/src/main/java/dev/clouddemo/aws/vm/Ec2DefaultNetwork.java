package dev.clouddemo.aws.vm;

import dev.clouddemo.core.error.ClouddemoException;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;

/** The region's default VPC and its default subnet in each availability zone (public IPs on launch). */
record Ec2DefaultNetwork(String vpcId, SortedMap<String, String> subnetsByZone) {
    Ec2DefaultNetwork {
        subnetsByZone = new TreeMap<>(subnetsByZone);
    }

    static Ec2DefaultNetwork find(Ec2Client ec2, String region) {
        String vpc = ec2.describeVpcs(r -> r.filters(f -> f.name("is-default").values("true"))).vpcs().stream()
                .map(Vpc::vpcId)
                .findFirst()
                .orElseThrow(() -> ClouddemoException.cloud("the AWS account has no default VPC in " + region
                        + ": the iaas model launches the VM into it",
                        "create one with `aws ec2 create-default-vpc --region " + region + "` (free), or choose"
                                + " another --region", null));
        Map<String, String> subnets = new TreeMap<>();
        ec2.describeSubnetsPaginator(r -> r.filters(f -> f.name("vpc-id").values(vpc),
                        f -> f.name("default-for-az").values("true")))
                .subnets()
                .forEach((Subnet s) -> subnets.putIfAbsent(s.availabilityZone(), s.subnetId()));
        if (subnets.isEmpty()) {
            throw ClouddemoException.cloud("the default VPC " + vpc + " in " + region + " has no default subnets",
                    "create one per zone with `aws ec2 create-default-subnet --availability-zone " + region
                            + "a`, or choose another --region", null);
        }
        return new Ec2DefaultNetwork(vpc, new TreeMap<>(subnets));
    }
}
