package io.chainwright.ethereum.validator;

import io.chainwright.api.Container;
import io.chainwright.api.volume.Volume;
import io.chainwright.api.volume.VolumeMount;
import io.chainwright.ethereum.common.ClientFlags;
import java.util.List;
import java.util.Optional;

/** One validator client's command-line dialect. */
interface ValidatorFlags extends ClientFlags {
  List<String> args(ValidatorContext c);

  /** True when the client can sign with keystores of its own (without Web3Signer) from a mounted secret. */
  default boolean signsLocally() {
    return true;
  }

  /** A volume the client's configuration needs beyond data, keys and scratch, e.g. generated key definitions. */
  default Optional<Volume> configVolume(ValidatorContext c) {
    return Optional.empty();
  }

  /** Mounts of {@link #configVolume} the client itself needs (an init step mounts its own). */
  default List<VolumeMount> mounts(ValidatorContext c) {
    return List.of();
  }

  /** A step that prepares the data dir before the client starts. */
  default Optional<Container> init(ValidatorContext c) {
    return Optional.empty();
  }
}
