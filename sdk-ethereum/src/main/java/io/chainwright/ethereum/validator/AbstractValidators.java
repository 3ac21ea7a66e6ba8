package io.chainwright.ethereum.validator;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Network;
import io.chainwright.api.Secret;
import io.chainwright.api.StandalonePart;
import io.chainwright.api.Violations;
import io.chainwright.api.material.Materials;
import io.chainwright.ethereum.common.PublicNetwork;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A set of validator clients on one network, optionally signing through a {@link Web3Signer}.
 *
 * <p>Two active clients holding the same key would sign conflicting messages and get it slashed, so
 * that is refused unless they sign through Web3Signer, whose shared database refuses the second
 * signature. For the same reason a client signing locally runs as a single replica.
 *
 * <pre>{@code
 * Network staking = Validators.builder()
 *     .name("staking").network(PublicNetwork.HOODI)
 *     .web3Signer(Web3Signer.builder().addPublicKeys(key).keystoreSecret("validator-keys").build())
 *     .addClient(ValidatorSpec.builder().name("vc-teku").client(ValidatorClient.TEKU).addPublicKeys(key)
 *         .addBeaconNodes(node.beaconApi()).feeRecipient(address).replicas(2).build())
 *     .build()
 *     .toNetwork();
 * }</pre>
 */
@Value.Immutable
@JsonSerialize(as = Validators.class)
@JsonDeserialize(as = Validators.class)
abstract class AbstractValidators implements StandalonePart {
  /** The name of the network {@link #toNetwork()} builds. */
  public abstract String name();

  public abstract PublicNetwork network();

  /** The signer every client signs through; when absent, each client signs with its own keystores. */
  public abstract Optional<Web3Signer> web3Signer();

  public abstract List<ValidatorSpec> clients();

  /** Adds the clients, the signer and its database when there is one, and the secrets they use to {@code network}. */
  @Override
  public Network.Builder addTo(Network.Builder network, Materials materials) {
    Optional<String> signerUrl = web3Signer().map(Web3Signer::url);
    web3Signer().ifPresent(s -> {
      Web3SignerCompiler.Compiled signer = Web3SignerCompiler.compile(s, network(), materials);
      network.addWorkload(signer.database()).addWorkload(signer.signer()).addSecret(signer.password())
          .addSecret(Secret.provided(s.keystoreSecret()));
    });
    for (ValidatorSpec client : clients()) {
      network.addWorkload(ValidatorCompiler.compile(new ValidatorContext(client, network(), signerUrl),
          web3Signer().map(Web3Signer::name)));
    }
    // A standby may share its keystore secret with the active client; the network declares it once.
    clients().stream().flatMap(c -> c.keystoreSecret().stream()).distinct()
        .forEach(secret -> network.addSecret(Secret.provided(secret)));
    return network;
  }


  @Value.Check
  protected void validate() {
    Violations v = Violations.root();
    v.label("name", name());
    v.require("network", network());
    if (clients().isEmpty()) {
      v.add("clients", "name at least one validator client");
    }
    v.unique("clients", clients(), ValidatorSpec::name);
    for (ValidatorSpec client : clients()) {
      Violations at = v.in("clients", client.name());
      client.client().refusal(network(), client.effectiveImage()).ifPresent(why -> at.add("client", why));
      if (web3Signer().isPresent()) {
        client.keystoreSecret().ifPresent(s -> at.add("keystoreSecret",
            "keys live in Web3Signer; a client signing through it takes no keystores"));
        client.publicKeys().stream().filter(k -> !web3Signer().get().publicKeys().contains(k))
            .forEach(k -> at.add("publicKeys", k + " is not held by Web3Signer"));
      } else {
        checkLocalSigning(at, client);
      }
    }
    if (web3Signer().isEmpty()) {
      checkSharedKeys(v);
    }
    v.throwIfAny();
  }

  private static void checkLocalSigning(Violations at, ValidatorSpec client) {
    if (!client.client().flags().signsLocally()) {
      at.add("client", client.client().id() + " signs only through Web3Signer here; add a web3Signer");
    } else if (client.keystoreSecret().isEmpty()) {
      at.add("keystoreSecret", "a client signing without Web3Signer needs its keystores");
    }
    if (client.replicas() > 1) {
      at.add("replicas", client.replicas() + " copies would sign with the same keys and get them slashed; "
          + "run one, or sign through Web3Signer");
    }
  }

  /** Refuses a key held by two active clients, naming the later one and the client it clashes with. */
  private void checkSharedKeys(Violations v) {
    Map<String, String> owner = new HashMap<>();
    for (ValidatorSpec client : clients()) {
      if (!client.active()) {
        continue;
      }
      for (String key : client.publicKeys()) {
        String first = owner.putIfAbsent(key, client.name());
        if (first != null && !first.equals(client.name())) {
          v.in("clients", client.name()).add("publicKeys", key + " is also signed by active client '" + first
              + "'; two clients signing one key get it slashed. Sign through Web3Signer, or set replicas(0) on one");
        }
      }
    }
  }
}
