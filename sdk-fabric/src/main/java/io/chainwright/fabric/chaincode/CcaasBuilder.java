package io.chainwright.fabric.chaincode;

import io.chainwright.api.PlatformException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The external builder a peer needs to run {@link ChaincodePackage}s: three small POSIX shell
 * scripts that accept {@code ccaas} packages and hand their {@code connection.json} back to the peer.
 *
 * <p>A peer lists it under {@code chaincode.externalBuilders} with {@link #NAME} and the folder the
 * scripts were written to; the scripts need only {@code sh}, {@code grep}, {@code cp} and {@code mkdir}.
 */
public final class CcaasBuilder {
  /** The builder's name in the peer's configuration. */
  public static final String NAME = "chainwright-ccaas";

  private CcaasBuilder() {}

  /** The scripts by their path under the builder folder: {@code bin/detect}, {@code bin/build}, {@code bin/release}. */
  public static Map<String, String> scripts() {
    Map<String, String> scripts = new LinkedHashMap<>();
    // detect <source> <metadata>: exit 0 claims the package for this builder.
    scripts.put("bin/detect", """
        #!/bin/sh
        # Claims chaincode-as-a-service packages; leaves every other type to other builders.
        grep -q '"type" *: *"%s"' "$2/metadata.json"
        """.formatted(AbstractChaincodePackage.TYPE));
    // build <source> <metadata> <output>: the peer unpacked code.tar.gz into <source>.
    scripts.put("bin/build", """
        #!/bin/sh
        # Nothing to compile: the chaincode already runs as a server; keep where to reach it.
        set -e
        if [ ! -f "$1/connection.json" ]; then
          echo "connection.json missing from the package's code.tar.gz" >&2
          exit 1
        fi
        cp "$1/connection.json" "$3/connection.json"
        """);
    // release <output> <release>: the peer reads chaincode/server/connection.json from <release>.
    scripts.put("bin/release", """
        #!/bin/sh
        # Tells the peer to dial the chaincode server rather than launch a process.
        set -e
        mkdir -p "$2/chaincode/server"
        cp "$1/connection.json" "$2/chaincode/server/connection.json"
        """);
    return scripts;
  }

  /** Writes the scripts under {@code folder}, executable by their owner only, and returns {@code folder}. */
  public static Path writeTo(Path folder) {
    try {
      for (Map.Entry<String, String> script : scripts().entrySet()) {
        Path file = folder.resolve(script.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, script.getValue());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
      }
      return folder;
    } catch (IOException e) {
      throw new PlatformException("write", "chaincode-as-a-service builder in " + folder, e.getMessage(), e);
    }
  }
}
