package io.chainwright.fabric.compile;

import io.chainwright.api.Container;
import io.chainwright.api.EnvVar;
import io.chainwright.api.Port;
import io.chainwright.api.Resources;
import io.chainwright.api.Secret;
import io.chainwright.api.Workload;
import io.chainwright.api.probe.Probe;
import io.chainwright.fabric.Chaincode;
import io.chainwright.fabric.PeerOrg;
import io.chainwright.fabric.chaincode.ChaincodePackage;
import io.chainwright.fabric.crypto.Identity;
import io.chainwright.fabric.crypto.OrgCrypto;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One org's chaincode server (chaincode as a service) and the package its peers install to reach
 * it: the server holds a TLS certificate from the org's TLS CA, and the package's
 * {@code connection.json} tells peers to require it.
 */
final class ChaincodeServer {
  static final Resources RESOURCES = Resources.of("250m", "1", "256Mi", "1Gi");

  private ChaincodeServer() {}

  /** The package {@code org}'s peers install for {@code chaincode}: label {@code <name>_<version>}, TLS required. */
  static ChaincodePackage chaincodePackage(PeerOrg org, Chaincode chaincode, OrgCrypto crypto) {
    return ChaincodePackage.builder()
        .label(chaincode.name() + "_" + chaincode.version())
        .address(chaincode.workload(org) + ":" + chaincode.port())
        .tlsRequired(true)
        .rootCertificatePem(crypto.tlsCa().certificatePem())
        .build();
  }

  /** A compiled chaincode server: its workload and its TLS secret. */
  record Compiled(Workload workload, Secret tls) {}

  static Compiled compile(PeerOrg org, Chaincode chaincode, OrgCrypto crypto) {
    String name = chaincode.workload(org);
    Identity tls = crypto.issueTls(name, List.of(name));
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("tls/server.crt", tls.certificatePem().getBytes(StandardCharsets.UTF_8));
    files.put("tls/server.key", tls.privateKeyPem().getBytes(StandardCharsets.UTF_8));
    files.put("tls/ca.crt", crypto.tlsCa().certificatePem().getBytes(StandardCharsets.UTF_8));
    String packageId = chaincodePackage(org, chaincode, crypto).packageId();
    Container.Builder container = Container.builder()
        .name(name)
        .image(chaincode.image().orElseThrow())
        .addEnv(
            EnvVar.literal("CHAINCODE_SERVER_ADDRESS", "0.0.0.0:" + chaincode.port()),
            // The Go and Java shims read the package id under different names.
            EnvVar.literal("CHAINCODE_ID", packageId),
            EnvVar.literal("CORE_CHAINCODE_ID_NAME", packageId),
            EnvVar.literal("CORE_PEER_TLS_ENABLED", "true"),
            EnvVar.literal("CORE_TLS_CLIENT_CERT_PATH", FabricPaths.TLS_CERT),
            EnvVar.literal("CORE_TLS_CLIENT_KEY_PATH", FabricPaths.TLS_KEY),
            EnvVar.literal("CORE_PEER_TLS_ROOTCERT_FILE", FabricPaths.TLS_CA))
        .addPort(Port.tcp(FabricPorts.CHAINCODE_SERVER, chaincode.port()))
        .readiness(Probe.tcp(FabricPorts.CHAINCODE_SERVER))
        .resources(RESOURCES);
    Workload workload = NodeWorkloads.stateless(name, "chaincode", org, files, container).build();
    return new Compiled(workload, NodeWorkloads.secret(name, files));
  }
}
