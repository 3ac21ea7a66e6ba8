package io.chainwright.fabric.compile;

import static io.chainwright.fabric.compile.FabricPaths.DATA;

import io.chainwright.api.Container;
import io.chainwright.api.EnvVar;
import io.chainwright.api.Port;
import io.chainwright.api.Resources;
import io.chainwright.api.Workload;
import io.chainwright.api.probe.Probe;
import io.chainwright.api.volume.ConfigVolume;
import io.chainwright.api.volume.VolumeMount;
import io.chainwright.fabric.FabricNetwork;
import io.chainwright.fabric.Orderer;
import io.chainwright.fabric.OrdererOrg;
import io.chainwright.fabric.crypto.MemberCrypto;
import java.util.Optional;

/**
 * A Raft orderer configured by its own {@code orderer.yaml}: TLS on every listener, no system
 * channel (channels are joined through the channel participation API), and that admin API served
 * with mutual TLS on an internal-only port.
 */
final class OrdererWorkload {
  static final Resources RESOURCES = Resources.of("500m", "2", "1Gi", "2Gi");

  private OrdererWorkload() {}

  static Workload compile(FabricNetwork network, OrdererOrg org, Orderer orderer, MemberCrypto crypto) {
    String name = org.workload(orderer.name());
    Container.Builder container = Container.builder()
        .name(name)
        .image(network.ordererImage())
        .addCommand("orderer")
        .addEnv(EnvVar.literal("FABRIC_CFG_PATH", NodeConfigs.DIR))
        .addMount(VolumeMount.readOnly("config", NodeConfigs.DIR))
        .addPort(Port.tcp(FabricPorts.GRPC, orderer.port()))
        .addPort(Port.builder().name(FabricPorts.ADMIN).number(orderer.adminPort()).internalOnly(true).build())
        .addPort(Port.tcp(FabricPorts.OPERATIONS, orderer.operationsPort()))
        // Health answers before the admin API listens; channels can be joined once it does.
        .readiness(Probe.tcp(FabricPorts.ADMIN))
        .liveness(Probe.http(FabricPorts.OPERATIONS, "/healthz"))
        .resources(RESOURCES);
    return NodeWorkloads.stateful(name, "orderer", org, crypto.files(), DATA, "50Gi", Optional.empty(), container)
        .addVolume(ConfigVolume.builder().name("config").putFile("orderer.yaml", NodeConfigs.ordererYaml(org, orderer)).build())
        .build();
  }
}
