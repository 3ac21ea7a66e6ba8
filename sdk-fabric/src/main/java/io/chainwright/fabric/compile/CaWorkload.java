package io.chainwright.fabric.compile;

import io.chainwright.api.Container;
import io.chainwright.api.EnvVar;
import io.chainwright.api.Port;
import io.chainwright.api.Resources;
import io.chainwright.api.Secret;
import io.chainwright.api.SecretValue;
import io.chainwright.api.Workload;
import io.chainwright.api.probe.Probe;
import io.chainwright.fabric.Ca;
import io.chainwright.fabric.FabricNetwork;
import io.chainwright.fabric.FabricOrg;
import io.chainwright.fabric.crypto.Identity;
import io.chainwright.fabric.crypto.OrgCrypto;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Fabric CA server that signs with a CA the crypto material already holds (the org CA or its TLS
 * CA), so certificates it enrolls chain to the roots in the channel config. It serves over TLS and
 * its bootstrap admin password is a fresh secret.
 */
final class CaWorkload {
  static final String HOME = "/var/hyperledger/fabric-ca";
  static final Resources RESOURCES = Resources.of("100m", "500m", "128Mi", "512Mi");
  private static final String BOOT_KEY = "boot";

  private CaWorkload() {}

  /** A compiled CA: its workload, its crypto secret and its bootstrap admin secret. */
  record Compiled(Workload workload, Secret crypto, Secret admin) {}

  /** The org's enrollment CA. */
  static Compiled enrollment(FabricNetwork network, FabricOrg org, OrgCrypto crypto) {
    return compile(network, org, org.caWorkload(), crypto.ca(), crypto);
  }

  /** The org's TLS CA. */
  static Compiled tls(FabricNetwork network, FabricOrg org, OrgCrypto crypto) {
    return compile(network, org, org.tlsCaWorkload(), crypto.tlsCa(), crypto);
  }

  private static Compiled compile(FabricNetwork network, FabricOrg org, String name, Identity signer, OrgCrypto crypto) {
    Ca settings = org.ca();
    Identity serverTls = crypto.issueTls(name, List.of(name));
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("ca/cert.pem", utf8(signer.certificatePem()));
    files.put("ca/key.pem", utf8(signer.privateKeyPem()));
    files.put("tls/server.crt", utf8(serverTls.certificatePem()));
    files.put("tls/server.key", utf8(serverTls.privateKeyPem()));
    files.put("tls/ca.crt", utf8(crypto.tlsCa().certificatePem()));
    String adminSecret = name + "-admin";
    Container.Builder container = Container.builder()
        .name(name)
        .image(network.caImage())
        .addCommand("fabric-ca-server")
        .addArgs("start")
        .addEnv(
            EnvVar.literal("FABRIC_CA_HOME", HOME),
            EnvVar.literal("FABRIC_CA_SERVER_CA_NAME", name),
            EnvVar.literal("FABRIC_CA_SERVER_PORT", Integer.toString(settings.port())),
            EnvVar.literal("FABRIC_CA_SERVER_CA_CERTFILE", FabricPaths.CRYPTO + "/ca/cert.pem"),
            EnvVar.literal("FABRIC_CA_SERVER_CA_KEYFILE", FabricPaths.CRYPTO + "/ca/key.pem"),
            EnvVar.literal("FABRIC_CA_SERVER_TLS_ENABLED", "true"),
            EnvVar.literal("FABRIC_CA_SERVER_TLS_CERTFILE", FabricPaths.TLS_CERT),
            EnvVar.literal("FABRIC_CA_SERVER_TLS_KEYFILE", FabricPaths.TLS_KEY),
            EnvVar.literal("FABRIC_CA_SERVER_OPERATIONS_LISTENADDRESS", "0.0.0.0:" + settings.operationsPort()),
            EnvVar.literal("FABRIC_CA_SERVER_METRICS_PROVIDER", "prometheus"),
            EnvVar.literal("FABRIC_CA_SERVER_CSR_CN", name),
            EnvVar.fromSecret("FABRIC_CA_SERVER_BOOT", adminSecret, BOOT_KEY))
        .addPort(Port.tcp(FabricPorts.CA, settings.port()))
        .addPort(Port.tcp(FabricPorts.OPERATIONS, settings.operationsPort()))
        .readiness(Probe.http(FabricPorts.OPERATIONS, "/healthz"))
        .liveness(Probe.tcp(FabricPorts.CA))
        .resources(RESOURCES);
    Workload workload = NodeWorkloads.stateful(name, "ca", org, files, HOME, settings.storage(), settings.storageClass(), container).build();
    String password = new String(crypto.materials().randomHex(name, "admin-password", 16).resolve(), StandardCharsets.US_ASCII);
    Secret admin = Secret.builder().name(adminSecret).putData(BOOT_KEY, SecretValue.of("admin:" + password)).build();
    return new Compiled(workload, NodeWorkloads.secret(name, files), admin);
  }

  private static byte[] utf8(String pem) {
    return pem.getBytes(StandardCharsets.UTF_8);
  }
}
