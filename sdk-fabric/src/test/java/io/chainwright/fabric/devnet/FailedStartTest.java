package io.chainwright.fabric.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.chainwright.api.PlatformException;
import io.chainwright.compose.host.HostRuntime;
import io.chainwright.fabric.Networks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A devnet whose nodes cannot start: the programs in the place of {@code peer} and {@code orderer}
 * print why and exit. The start fails, the exception quotes what they printed and names the folder
 * their logs are kept in, and the logs are still there.
 */
class FailedStartTest {
  @TempDir Path folder;

  private Path refusing(String name) throws IOException {
    Path script = folder.resolve(name);
    Files.writeString(script, """
        #!/bin/sh
        if [ "$1" = version ]; then echo "Version: 2.5.0"; exit 0; fi
        echo "%s cannot start: ledger folder is not writable" >&2
        exit 3
        """.formatted(name));
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  @Test
  void aFailedStartKeepsTheNodesLogsAndSaysWhereAndWhy() throws IOException {
    HostRuntime runtime = HostRuntime.builder()
        .binary("hyperledger/fabric-orderer", refusing("orderer"))
        .binary("hyperledger/fabric-peer", refusing("peer"))
        .stopGrace(Duration.ofSeconds(2))
        .build();

    Throwable failure = catchThrowable(() -> FabricDevnet.start(Networks.devnet(), runtime, Duration.ofSeconds(20)));

    assertThat(failure).isInstanceOf(PlatformException.class);
    assertThat(failure.getMessage()).startsWith("Failed to start Fabric devnet").contains("cannot start: ledger folder is not writable");
    Matcher kept = Pattern.compile("the nodes' logs are kept in (\\S+?);").matcher(failure.getMessage());
    assertThat(kept.find()).as(failure.getMessage()).isTrue();
    StringBuilder logs = new StringBuilder();
    try (var files = Files.list(Path.of(kept.group(1)))) {
      for (Path log : files.toList()) {
        logs.append(Files.readString(log));
      }
    }
    assertThat(logs).as("the log files outlive the teardown").contains("cannot start: ledger folder is not writable");
    deleteTree(Path.of(kept.group(1)).getParent()); // what the devnet kept for the user, this test no longer needs
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
