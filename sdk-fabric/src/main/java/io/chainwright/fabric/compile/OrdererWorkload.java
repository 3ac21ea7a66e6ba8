package io.chainwright.fabric.compile;

import static io.chainwright.fabric.compile.FabricPaths.DATA;
import static io.chainwright.fabric.compile.FabricPaths.MSP;
import static io.chainwright.fabric.compile.FabricPaths.TLS_CA;
import static io.chainwright.fabric.compile.FabricPaths.TLS_CERT;
import static io.chainwright.fabric.compile.FabricPaths.TLS_KEY;

import io.chainwright.api.Container;
import io.chainwright.api.EnvVar;
import io.chainwright.api.Port;
import io.chainwright.api.Probe;
import io.chainwright.api.Resources;
import io.chainwright.api.Workload;
import io.chainwright.fabric.FabricNetwork;
import io.chainwright.fabric.Orderer;
import io.chainwright.fabric.OrdererOrg;
import io.chainwright.fabric.crypto.MemberCrypto;
import java.util.Optional;

/**
 * A Raft orderer: TLS on every listener, no system channel (channels are joined through the
 * channel participation API), and that admin API served with mutual TLS on an internal-only port.
 */
final class OrdererWorkload {
  static final Resources RESOURCES = Resources.builder()
      .cpuRequest("500m").cpuLimit("2").memoryRequest("1Gi").memoryLimit("2Gi").build();

  private OrdererWorkload() {}

  static Workload compile(FabricNetwork network, OrdererOrg org, Orderer orderer, MemberCrypto crypto) {
    String name = org.workload(orderer.name());
    Container.Builder container = Container.builder()
        .name(name)
        .image(network.ordererImage())
        .addCommand("orderer")
        .addEnv(
            EnvVar.literal("FABRIC_LOGGING_SPEC", "INFO"),
            EnvVar.literal("ORDERER_GENERAL_LISTENADDRESS", "0.0.0.0"),
            EnvVar.literal("ORDERER_GENERAL_LISTENPORT", Integer.toString(orderer.port())),
            EnvVar.literal("ORDERER_GENERAL_LOCALMSPID", org.mspId()),
            EnvVar.literal("ORDERER_GENERAL_LOCALMSPDIR", MSP),
            EnvVar.literal("ORDERER_GENERAL_TLS_ENABLED", "true"),
            EnvVar.literal("ORDERER_GENERAL_TLS_CERTIFICATE", TLS_CERT),
            EnvVar.literal("ORDERER_GENERAL_TLS_PRIVATEKEY", TLS_KEY),
            EnvVar.literal("ORDERER_GENERAL_TLS_ROOTCAS", "[" + TLS_CA + "]"),
            // Raft traffic between orderers uses the same TLS pair; the CAs it trusts come from the channel config.
            EnvVar.literal("ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE", TLS_CERT),
            EnvVar.literal("ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY", TLS_KEY),
            EnvVar.literal("ORDERER_GENERAL_BOOTSTRAPMETHOD", "none"),
            EnvVar.literal("ORDERER_CHANNELPARTICIPATION_ENABLED", "true"),
            EnvVar.literal("ORDERER_ADMIN_LISTENADDRESS", "0.0.0.0:" + orderer.adminPort()),
            EnvVar.literal("ORDERER_ADMIN_TLS_ENABLED", "true"),
            EnvVar.literal("ORDERER_ADMIN_TLS_CERTIFICATE", TLS_CERT),
            EnvVar.literal("ORDERER_ADMIN_TLS_PRIVATEKEY", TLS_KEY),
            EnvVar.literal("ORDERER_ADMIN_TLS_ROOTCAS", "[" + TLS_CA + "]"),
            EnvVar.literal("ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED", "true"),
            EnvVar.literal("ORDERER_ADMIN_TLS_CLIENTROOTCAS", "[" + TLS_CA + "]"),
            EnvVar.literal("ORDERER_OPERATIONS_LISTENADDRESS", "0.0.0.0:" + orderer.operationsPort()),
            EnvVar.literal("ORDERER_METRICS_PROVIDER", "prometheus"),
            EnvVar.literal("ORDERER_FILELEDGER_LOCATION", DATA + "/orderer"),
            EnvVar.literal("ORDERER_CONSENSUS_WALDIR", DATA + "/orderer/etcdraft/wal"),
            EnvVar.literal("ORDERER_CONSENSUS_SNAPDIR", DATA + "/orderer/etcdraft/snapshot"))
        .addPort(Port.tcp(FabricPorts.GRPC, orderer.port()))
        .addPort(Port.builder().name(FabricPorts.ADMIN).number(orderer.adminPort()).internalOnly(true).build())
        .addPort(Port.tcp(FabricPorts.OPERATIONS, orderer.operationsPort()))
        .readiness(Probe.http(FabricPorts.OPERATIONS, "/healthz"))
        .liveness(Probe.tcp(FabricPorts.GRPC))
        .resources(RESOURCES);
    return NodeWorkloads.stateful(name, "orderer", org, crypto.files(), DATA, "50Gi", Optional.empty(), container).build();
  }
}
