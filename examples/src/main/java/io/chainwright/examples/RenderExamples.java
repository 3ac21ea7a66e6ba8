package io.chainwright.examples;

import io.chainwright.api.ModelMapper;
import io.chainwright.api.Network;
import io.chainwright.api.diagram.MermaidDiagram;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.compose.ComposeRenderer;
import io.chainwright.kubernetes.KubernetesBackend;
import io.chainwright.kubernetes.KubernetesRendering;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main job: renders every example network under an output folder, as the model in YAML
 * ({@code model/<name>.yaml}), a Mermaid picture ({@code diagrams/<name>.mmd}), Kubernetes YAML
 * ({@code kubernetes/<name>.yaml}, and one file per object under {@code kubernetes/<name>/}) and a
 * Compose project ({@code compose/<name>/compose.yaml}, with its secret files). It then runs the
 * devnet on host processes, the embedded default.
 *
 * <p>What the networks generate (CAs, keys, JWTs, passwords) is kept in a directory material store:
 * {@code materials/} beside the output folder, or the folder the system property
 * {@code chainwright.materials} names. A second run with the same store writes the same files, byte
 * for byte, so rendered output can be committed and applied by GitOps without rotating anything.
 */
public final class RenderExamples {
  private static final Logger LOG = LoggerFactory.getLogger(RenderExamples.class);

  /** The system property naming the material store's folder. */
  public static final String MATERIALS_PROPERTY = "chainwright.materials";

  private RenderExamples() {}

  /**
   * Renders every example under {@code args[0]}; with an anvil binary as {@code args[1]}, also runs
   * the devnet example on host processes and writes what it answered to {@code devnet/}.
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    Path out = Path.of(args.length > 0 ? args[0] : "examples/target/out");
    Path materials = Path.of(System.getProperty(MATERIALS_PROPERTY, out.resolveSibling("materials").toString()));
    List<Network> networks = Examples.all(MaterialStore.directory(materials));
    render(networks, out);
    Path anvil = args.length > 1 ? Path.of(args[1]) : null;
    System.out.println("Rendered " + networks.size() + " example networks under " + out.toAbsolutePath().normalize()
        + ", their generated material kept in " + materials.toAbsolutePath().normalize());
    if (anvil != null && Files.isExecutable(anvil)) {
      System.out.print("Ran the devnet on host processes:\n" + RunDevnet.run(anvil, out.resolve("devnet")));
    } else {
      LOG.warn("Not running the devnet: no anvil binary at {} (the build installs it with npm)", anvil);
    }
  }

  /**
   * Writes the model, picture, Kubernetes objects and Compose project of each network under {@code out}.
   *
   * @throws io.chainwright.api.ValidationException when two networks define an object they share on a cluster differently
   */
  public static void render(List<Network> networks, Path out) throws IOException {
    // Rendered together: the networks share one cluster, so what they share must agree.
    List<KubernetesRendering> kubernetes = KubernetesBackend.create().render(networks);
    for (int i = 0; i < networks.size(); i++) {
      Network network = networks.get(i);
      write(out.resolve("model").resolve(network.name() + ".yaml"), ModelMapper.toYaml(network));
      write(out.resolve("diagrams").resolve(network.name() + ".mmd"), MermaidDiagram.of(network));
      kubernetes.get(i).writeTo(out.resolve("kubernetes"));
      ComposeRenderer.render(network).writeTo(out.resolve("compose").resolve(network.name()));
      LOG.info("Rendered {} ({} workloads)", network.name(), network.workloads().size());
    }
    LOG.info("Wrote {}", out.toAbsolutePath().normalize());
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
