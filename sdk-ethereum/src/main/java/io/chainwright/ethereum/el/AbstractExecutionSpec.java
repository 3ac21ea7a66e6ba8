package io.chainwright.ethereum.el;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Image;
import io.chainwright.api.Violations;
import io.chainwright.ethereum.common.RpcAccess;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/** The execution half of a node: which client, its image, JSON-RPC APIs and access, and its ports. */
@Value.Immutable
@JsonSerialize(as = ExecutionSpec.class)
@JsonDeserialize(as = ExecutionSpec.class)
abstract class AbstractExecutionSpec {
  public abstract ExecutionClient client();

  /** Replaces the client's default image, e.g. to pin a digest. */
  public abstract Optional<Image> image();

  /** JSON-RPC namespaces served over HTTP (and WebSocket); {@code eth, net, web3} by default. */
  @Value.Default
  public List<String> apis() {
    return List.of("eth", "net", "web3");
  }

  @Value.Default
  public RpcAccess access() {
    return RpcAccess.restricted();
  }

  /** Also serve JSON-RPC over WebSocket. */
  @Value.Default
  public boolean webSocket() {
    return false;
  }

  @Value.Default
  public int rpcPort() {
    return 8545;
  }

  /** The WebSocket port, for clients that serve it apart from HTTP. */
  @Value.Default
  public int webSocketPort() {
    return 8546;
  }

  /** The Engine API port; it never leaves the network. */
  @Value.Default
  public int enginePort() {
    return 8551;
  }

  @Value.Default
  public int metricsPort() {
    return 6060;
  }

  /** The devp2p port, on TCP and UDP. */
  @Value.Default
  public int p2pPort() {
    return 30303;
  }

  /** The most peers the client keeps; the client's own default when absent. */
  public abstract Optional<Integer> maxPeers();

  /**
   * The public address to announce to peers, for a node behind NAT (e.g. a node port on a host
   * with a public IP); the client discovers one itself when absent.
   */
  public abstract Optional<String> natExternalIp();

  /** Memory for the client's database cache, in MiB (geth); the client's default when absent. */
  public abstract Optional<Integer> cacheMb();

  /** How many recent blocks keep a transaction-hash index; 0 keeps it for every block. The client's default when absent. */
  public abstract Optional<Long> txLookupLimit();

  /** How the state trie is stored; the client's default (path where it has one) when absent. */
  public abstract Optional<StateScheme> stateScheme();

  /**
   * Moves old blocks (geth's freezer, reth's static files) onto a volume of their own with this size,
   * which can sit on cheaper storage than the hot state; kept in the data volume when absent.
   */
  public abstract Optional<String> ancientStorage();

  /** The storage class of the ancient volume, e.g. a cheaper HDD-backed class. */
  public abstract Optional<String> ancientStorageClass();

  /** Arguments appended after the generated ones, for flags this spec does not model. */
  public abstract List<String> extraArgs();

  /** A spec for {@code client} with restrictive defaults. */
  public static ExecutionSpec of(ExecutionClient client) {
    return ExecutionSpec.builder().client(client).build();
  }

  /** The image to run. */
  public Image effectiveImage() {
    return image().orElseGet(() -> Image.of(client().defaultImage()));
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("execution");
    v.require("client", client());
    for (String api : apis()) {
      if (api == null || !api.matches("[a-z][a-z0-9]*")) {
        v.in("apis").add("'" + api + "' is not a JSON-RPC namespace (lower-case letters and digits)");
      }
    }
    maxPeers().ifPresent(p -> v.range("maxPeers", p, 1, 10_000, "a peer count"));
    checkTuning(v);
    int[] ports = {rpcPort(), webSocketPort(), enginePort(), metricsPort(), p2pPort()};
    String[] names = {"rpcPort", "webSocketPort", "enginePort", "metricsPort", "p2pPort"};
    for (int i = 0; i < ports.length; i++) {
      v.range(names[i], ports[i], 1, 65535, "a port");
      for (int j = 0; j < i; j++) {
        if (ports[i] == ports[j]) {
          v.add(names[i], ports[i] + " is already the " + names[j]);
        }
      }
    }
    v.throwIfAny();
  }

  private void checkTuning(Violations v) {
    natExternalIp().filter(ip -> !IpAddresses.isLiteral(ip))
        .ifPresent(ip -> v.add("natExternalIp", "'" + ip + "' is not an IP address"));
    cacheMb().ifPresent(c -> v.range("cacheMb", c, 128, 1_048_576, "a cache size in MiB"));
    txLookupLimit().ifPresent(l -> v.range("txLookupLimit", l, 0, Long.MAX_VALUE, "a block count"));
    v.quantity("ancientStorage", ancientStorage());
    ancientStorageClass().ifPresent(c -> v.subdomain("ancientStorageClass", c));
    if (ancientStorageClass().isPresent() && ancientStorage().isEmpty()) {
      v.add("ancientStorageClass", "give ancientStorage too: the class applies to the ancient volume");
    }
    if (client() == null) {
      return;
    }
    Set<Tuning> supported = client().flags().tuning();
    Map<Tuning, Boolean> set = Map.of(Tuning.NAT_EXTERNAL_IP, natExternalIp().isPresent(),
        Tuning.CACHE, cacheMb().isPresent(), Tuning.TX_LOOKUP_LIMIT, txLookupLimit().isPresent(),
        Tuning.ANCIENT_VOLUME, ancientStorage().isPresent(), Tuning.STATE_SCHEME, stateScheme().isPresent());
    for (Tuning t : Tuning.values()) {
      if (set.get(t) && !supported.contains(t)) {
        v.add(t.field(), client().id() + " has no flag for this; leave it unset or pass the client's own flag in extraArgs");
      }
    }
  }
}
