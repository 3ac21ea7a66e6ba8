package io.chainwright.ethereum.client;

import io.chainwright.api.MaterialException;
import io.chainwright.api.UsageException;
import io.chainwright.api.ValidationException;
import io.chainwright.api.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A compiled contract: its ABI (JSON) and creation bytecode (hex), as the Solidity compiler writes
 * them. {@link #counter()} is a small sample that ships with this module, with its source beside it.
 */
public final class ContractArtifact {
  private static final String SAMPLES = "/io/chainwright/ethereum/contracts/";

  private final String name;
  private final String abi;
  private final String bytecode;

  private ContractArtifact(String name, String abi, String bytecode) {
    this.name = name;
    this.abi = abi;
    this.bytecode = bytecode;
  }

  /** An artifact from the compiler's outputs; the bytecode may have a {@code 0x} prefix and surrounding whitespace. */
  public static ContractArtifact of(String name, String abi, String bytecode) {
    Objects.requireNonNull(name, "name");
    String hex = bytecode == null ? "" : bytecode.strip();
    hex = hex.startsWith("0x") ? hex.substring(2) : hex;
    if (hex.isEmpty() || hex.length() % 2 != 0 || !hex.matches("[0-9a-fA-F]+")) {
      throw new ValidationException(List.of(new Violation("contracts[" + name + "].bytecode",
          "is not compiled bytecode (an even number of hex digits)")));
    }
    if (abi == null || !abi.strip().startsWith("[")) {
      throw new ValidationException(List.of(new Violation("contracts[" + name + "].abi", "is not an ABI (a JSON array)")));
    }
    return new ContractArtifact(name, abi, "0x" + hex.toLowerCase(java.util.Locale.ROOT));
  }

  /** {@code <base>.abi} and {@code <base>.bin} from the class path, e.g. {@code /contracts/Token}. */
  public static ContractArtifact fromClasspath(String base) {
    String name = base.substring(base.lastIndexOf('/') + 1);
    return of(name, resource(base + ".abi"), resource(base + ".bin"));
  }

  /** A counter that starts at a constructor argument; {@code increment()} adds one and emits {@code Incremented}. */
  public static ContractArtifact counter() {
    return fromClasspath(SAMPLES + "Counter");
  }

  /** The Solidity source of {@link #counter()}. */
  public static String counterSource() {
    return resource(SAMPLES + "Counter.sol");
  }

  public String name() {
    return name;
  }

  public String abi() {
    return abi;
  }

  /** The creation bytecode, {@code 0x}-prefixed. */
  public String bytecode() {
    return bytecode;
  }

  private static String resource(String path) {
    try (InputStream in = ContractArtifact.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new UsageException("no contract file " + path + " on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MaterialException("could not read contract file " + path, e);
    }
  }

  @Override
  public String toString() {
    return "ContractArtifact[" + name + ", " + (bytecode.length() - 2) / 2 + " bytes]";
  }
}
