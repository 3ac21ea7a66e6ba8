package io.chainwright.ethereum.validator;

import io.chainwright.ethereum.common.ContainerLayout;
import io.chainwright.ethereum.common.RpcAccess;
import java.util.ArrayList;
import java.util.List;

/** Teku's standalone validator client. */
final class TekuValidatorFlags implements ValidatorFlags {
  @Override
  public List<String> args(ValidatorContext c) {
    ValidatorSpec s = c.spec();
    List<String> a = new ArrayList<>(List.of("validator-client", "--network=" + c.network().id(),
        "--data-base-path=" + ContainerLayout.DATA_DIR, "--beacon-node-api-endpoints=" + c.beaconNodes(),
        "--validators-proposer-default-fee-recipient=" + s.feeRecipient()));
    s.graffiti().ifPresent(g -> a.add("--validators-graffiti=" + g));
    if (c.signerUrl().isPresent()) {
      a.addAll(List.of("--validators-external-signer-url=" + c.signerUrl().get(),
          "--validators-external-signer-public-keys=" + String.join(",", c.publicKeys())));
    } else {
      // Keystores and their password files share the mounted directory: <key>.json beside <key>.txt.
      a.add("--validator-keys=" + ValidatorContext.KEYS_DIR + ":" + ValidatorContext.KEYS_DIR);
    }
    a.addAll(List.of("--metrics-enabled=true", "--metrics-interface=" + ContainerLayout.ALL_INTERFACES,
        "--metrics-port=" + s.metricsPort(), "--metrics-host-allowlist=" + RpcAccess.ownHosts(s.name())));
    return a;
  }

  /** Teku refuses requests whose Host header is not listed; the backend adds the replica's own address. */
  @Override
  public List<String> hostAllowlistFlags() {
    return List.of("--metrics-host-allowlist");
  }
}
