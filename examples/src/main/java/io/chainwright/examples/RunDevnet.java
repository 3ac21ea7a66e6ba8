package io.chainwright.examples;

import io.chainwright.api.Network;
import io.chainwright.api.await.ProgressListener;
import io.chainwright.api.backend.Teardown;
import io.chainwright.compose.host.HostDeployment;
import io.chainwright.compose.host.HostRuntime;
import io.chainwright.ethereum.client.ContractArtifact;
import io.chainwright.ethereum.client.DeployedContract;
import io.chainwright.ethereum.client.ExecutionRpc;
import io.chainwright.ethereum.devnet.AnvilDevnet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * Runs the example devnet on host processes, asks it for its chain id and head block, deploys the
 * sample Counter contract from anvil's first prefunded account, and tears it down.
 */
final class RunDevnet {
  private static final Logger LOG = LoggerFactory.getLogger(RunDevnet.class);

  private RunDevnet() {}

  /** The devnet's answers, or empty when there is no anvil to run. */
  static String run(Path anvil, Path out) throws IOException, InterruptedException {
    Network devnet = DevnetExample.network();
    HostRuntime runtime = HostRuntime.builder().binary("anvil", anvil).build();
    try (HostDeployment d = runtime.deploy(devnet, ProgressListener.logging())) {
      d.awaitReady(Duration.ofSeconds(60), ProgressListener.logging());
      URI rpc = d.endpoint("anvil", "rpc");
      String report = "rpc " + rpc + "\n"
          + "eth_chainId " + call(rpc, "eth_chainId") + "\n"
          + "eth_blockNumber " + call(rpc, "eth_blockNumber") + "\n"
          + deployCounter(rpc);
      Files.createDirectories(out);
      Files.writeString(out.resolve(devnet.name() + ".txt"), report);
      d.destroy(Teardown.DELETE_ALL_VOLUMES);
      LOG.info("Devnet answered:\n{}", report.strip());
      return report;
    }
  }

  /** The devnet runs anvil with its default mnemonic, so its first account is the default devnet's. */
  private static String deployCounter(URI rpc) {
    try (ExecutionRpc client = ExecutionRpc.connect(rpc)) {
      DeployedContract counter = client.sender(AnvilDevnet.builder().build().credentials(0))
          .deploy(ContractArtifact.counter(), Duration.ofSeconds(60), new Uint256(1));
      return "contract Counter at " + counter.address() + " in block " + counter.block() + "\n";
    }
  }

  private static String call(URI rpc, String method) throws IOException, InterruptedException {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":[]}";
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(rpc).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }
}
