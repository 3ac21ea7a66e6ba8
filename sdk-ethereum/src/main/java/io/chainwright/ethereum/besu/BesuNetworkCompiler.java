package io.chainwright.ethereum.besu;

import io.chainwright.api.Container;
import io.chainwright.api.Dependency;
import io.chainwright.api.DependencyCondition;
import io.chainwright.api.MetricsEndpoint;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Protocol;
import io.chainwright.api.Resources;
import io.chainwright.api.Secret;
import io.chainwright.api.SecretValue;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.exposure.Exposure;
import io.chainwright.api.material.Materials;
import io.chainwright.api.probe.JsonRpcExpectation;
import io.chainwright.api.probe.Probe;
import io.chainwright.api.volume.ConfigVolume;
import io.chainwright.api.volume.DataVolume;
import io.chainwright.api.volume.ScratchVolume;
import io.chainwright.api.volume.SecretVolume;
import io.chainwright.api.volume.VolumeMount;
import io.chainwright.ethereum.common.ContainerLayout;
import io.chainwright.ethereum.common.CustomGenesis;
import io.chainwright.ethereum.common.RpcAccess;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/** Turns a {@link BesuNetwork} into validator and RPC workloads, their genesis and the validators' key secrets. */
final class BesuNetworkCompiler {
  static final String KEY_FILE = "key";
  private static final String KEYS_DIR = "/keys";
  private static final SecureRandom RANDOM = new SecureRandom();

  private BesuNetworkCompiler() {}

  record Compiled(List<Workload> workloads, List<Secret> secrets) {
    void addTo(Network.Builder network) {
      network.addAllWorkloads(workloads).addAllSecrets(secrets);
    }
  }

  static Compiled compile(BesuNetwork net, Materials materials) {
    List<ECKeyPair> keys = keys(net, materials);
    List<String> addresses = keys.stream().map(k -> "0x" + Keys.getAddress(k)).toList();
    ConfigVolume genesis = ConfigVolume.builder().name("genesis").putFile("genesis.json", QbftGenesis.json(net, addresses)).build();
    List<String> bootnodes = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      bootnodes.add("enode://" + Numeric.toHexStringNoPrefixZeroPadded(keys.get(i).getPublicKey(), 128)
          + "@" + net.validatorWorkload(i) + ":" + BesuNetwork.P2P_PORT);
    }
    List<Workload> workloads = new ArrayList<>();
    List<Secret> secrets = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      String name = net.validatorWorkload(i);
      Secret key = keySecret(name + "-key", keys.get(i));
      secrets.add(key);
      Container.Builder container = node(net, name, bootnodes, "ETH,NET,WEB3,QBFT", RpcAccess.restricted(), Exposure.internal())
          .addArgs("--node-private-key-file=" + KEYS_DIR + "/" + KEY_FILE)
          .addMount(VolumeMount.readOnly("key", KEYS_DIR));
      workloads.add(workload(net, name, "validator", net.validatorStorage(), genesis, container)
          .addVolume(SecretVolume.of("key", key.name())).build());
    }
    if (net.rpcNodes() > 0) {
      // RPC nodes keep the key Besu generates in their data dir: nothing refers to them by enode.
      Container.Builder container = node(net, net.rpcWorkload(), bootnodes, "ETH,NET,WEB3", net.rpcAccess(), net.rpcExposure());
      workloads.add(workload(net, net.rpcWorkload(), "rpc", net.rpcStorage(), genesis, container)
          .replicas(net.rpcNodes())
          .addDependsOn(Dependency.of(net.validatorWorkload(0), DependencyCondition.STARTED))
          .build());
    }
    return new Compiled(workloads, secrets);
  }

  private static Container.Builder node(BesuNetwork net, String name, List<String> bootnodes, String apis,
      RpcAccess access, Exposure rpcExposure) {
    List<String> args = new ArrayList<>(List.of("--genesis-file=" + CustomGenesis.PATH + "/genesis.json",
        "--data-path=" + ContainerLayout.DATA_DIR, "--sync-mode=FULL",
        "--p2p-port=" + BesuNetwork.P2P_PORT, "--bootnodes=" + String.join(",", bootnodes),
        // Enodes name workloads, not addresses; Besu resolves them only with DNS on, and again when a pod moves.
        "--Xdns-enabled=true", "--Xdns-update-enabled=true",
        "--rpc-http-enabled=true", "--rpc-http-host=" + ContainerLayout.ALL_INTERFACES, "--rpc-http-port=" + BesuNetwork.RPC_PORT,
        "--rpc-http-api=" + apis, "--host-allowlist=" + String.join(",", access.hostsFor(name, rpcExposure)),
        "--metrics-enabled=true", "--metrics-host=" + ContainerLayout.ALL_INTERFACES, "--metrics-port=" + BesuNetwork.METRICS_PORT));
    access.corsOriginList().ifPresent(origins -> args.add("--rpc-http-cors-origins=" + origins));
    return Container.builder().name(name).image(net.effectiveImage()).args(args).addHostAllowlistFlags("--host-allowlist")
        .addPort(Port.builder().name("rpc").number(BesuNetwork.RPC_PORT).exposure(rpcExposure).build())
        .addPort(Port.tcp("p2p", BesuNetwork.P2P_PORT))
        .addPort(Port.builder().name("p2p-udp").number(BesuNetwork.P2P_PORT).protocol(Protocol.UDP).build())
        .addPort(Port.tcp("metrics", BesuNetwork.METRICS_PORT))
        .addMount(VolumeMount.of("data", ContainerLayout.DATA_DIR))
        .addMount(VolumeMount.readOnly("genesis", CustomGenesis.PATH))
        .addMount(VolumeMount.of("tmp", ContainerLayout.TMP))
        .resources(Resources.of("1", "4", "4Gi", "8Gi"))
        .readiness(Probe.jsonRpc("rpc", "eth_syncing", JsonRpcExpectation.equalTo("false")))
        .liveness(Probe.tcp("rpc"));
  }

  private static Workload.Builder workload(BesuNetwork net, String name, String role, String storage,
      ConfigVolume genesis, Container.Builder container) {
    DataVolume.Builder data = DataVolume.builder().name("data").size(storage);
    net.storageClass().ifPresent(data::storageClass);
    return Workload.builder().name(name).kind(WorkloadKind.STATEFUL)
        .putLabel("ethereum.chainwright.io/role", "besu-" + role)
        .addContainer(container.build())
        .addVolume(data.build())
        .addVolume(genesis)
        .addVolume(ScratchVolume.of("tmp"))
        .metrics(MetricsEndpoint.of("metrics", "/metrics"));
  }

  private static List<ECKeyPair> keys(BesuNetwork net, Materials materials) {
    List<ECKeyPair> keys = new ArrayList<>();
    if (net.validatorKeys().isEmpty()) {
      for (int i = 0; i < net.validators(); i++) {
        // Made once: the genesis names each validator's address, so a new key would be a new chain.
        byte[] key = materials.getOrCreate(net.validatorWorkload(i), KEY_FILE, BesuNetworkCompiler::freshKeyHex);
        keys.add(ECKeyPair.create(Numeric.toBigInt(new String(key, StandardCharsets.US_ASCII))));
        Arrays.fill(key, (byte) 0);
      }
    } else {
      for (SecretValue key : net.validatorKeys()) {
        byte[] text = key.resolve();
        keys.add(ECKeyPair.create(Numeric.toBigInt(new String(text, StandardCharsets.US_ASCII).strip())));
        Arrays.fill(text, (byte) 0);
      }
    }
    return keys;
  }

  private static byte[] freshKeyHex() {
    return Numeric.toHexStringWithPrefixZeroPadded(freshKey().getPrivateKey(), 64).getBytes(StandardCharsets.US_ASCII);
  }

  /** A private key drawn uniformly from [1, n) of secp256k1. */
  private static ECKeyPair freshKey() {
    BigInteger n = Sign.CURVE_PARAMS.getN();
    while (true) {
      byte[] raw = new byte[32];
      RANDOM.nextBytes(raw);
      BigInteger k = new BigInteger(1, raw);
      Arrays.fill(raw, (byte) 0);
      if (k.signum() > 0 && k.compareTo(n) < 0) {
        return ECKeyPair.create(k);
      }
    }
  }

  private static Secret keySecret(String name, ECKeyPair key) {
    byte[] hex = Numeric.toHexStringWithPrefixZeroPadded(key.getPrivateKey(), 64).getBytes(StandardCharsets.US_ASCII);
    try {
      return Secret.builder().name(name).putData(KEY_FILE, SecretValue.of(hex)).build();
    } finally {
      Arrays.fill(hex, (byte) 0);
    }
  }
}
