package io.chainwright.examples;

import io.chainwright.api.ModelMapper;
import io.chainwright.api.Network;
import io.chainwright.api.diagram.MermaidDiagram;
import io.chainwright.kubernetes.KubernetesBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main job: renders every example network under an output folder, as the model in YAML
 * ({@code model/<name>.yaml}), as a Mermaid picture ({@code diagrams/<name>.mmd}) and as Kubernetes
 * YAML ({@code kubernetes/<name>.yaml}, and one file per object under {@code kubernetes/<name>/}).
 */
public final class RenderExamples {
  private static final Logger LOG = LoggerFactory.getLogger(RenderExamples.class);

  private RenderExamples() {}

  public static void main(String[] args) throws IOException {
    render(Examples.all(), Path.of(args.length > 0 ? args[0] : "examples/target/out"));
  }

  /** Writes the model, picture and Kubernetes objects of each network under {@code out}. */
  public static void render(List<Network> networks, Path out) throws IOException {
    KubernetesBackend kubernetes = KubernetesBackend.create();
    for (Network network : networks) {
      write(out.resolve("model").resolve(network.name() + ".yaml"), ModelMapper.toYaml(network));
      write(out.resolve("diagrams").resolve(network.name() + ".mmd"), MermaidDiagram.of(network));
      kubernetes.render(network).writeTo(out.resolve("kubernetes"));
      LOG.info("Rendered {} ({} workloads)", network.name(), network.workloads().size());
    }
    LOG.info("Wrote {}", out.toAbsolutePath().normalize());
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
