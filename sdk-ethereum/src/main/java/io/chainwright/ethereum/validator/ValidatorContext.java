package io.chainwright.ethereum.validator;

import io.chainwright.ethereum.common.PublicNetwork;
import java.util.List;
import java.util.Optional;

/** Everything a validator client's flags depend on: its spec, the network, and the signer it uses if any. */
record ValidatorContext(ValidatorSpec spec, PublicNetwork network, Optional<String> signerUrl) {
  /** Where a keystore secret is mounted: {@code <public key>.json} keystores beside {@code <public key>.txt} passwords. */
  static final String KEYS_DIR = "/keys";

  String beaconNodes() {
    return String.join(",", spec.beaconNodes().stream().map(Object::toString).toList());
  }

  List<String> publicKeys() {
    return spec.publicKeys();
  }

  String keystore(String publicKey) {
    return KEYS_DIR + "/" + publicKey + ".json";
  }

  String password(String publicKey) {
    return KEYS_DIR + "/" + publicKey + ".txt";
  }
}
