package io.chainwright.fabric.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the builder scripts the way a peer does, on a package unpacked the way a peer unpacks it. */
class CcaasBuilderTest {
  @TempDir Path work;

  @Test
  void detectsBuildsAndReleasesACcaasPackage() throws Exception {
    Path builder = CcaasBuilder.writeTo(work.resolve("builder"));
    ChaincodePackage pkg = ChaincodePackage.builder().label("basic").address("cc:9999").tlsRequired(false).build();
    Map<String, byte[]> outer = ChaincodePackageTest.untar(pkg.bytes());
    Path source = Files.createDirectories(work.resolve("src"));
    Path metadata = Files.createDirectories(work.resolve("metadata"));
    Path output = Files.createDirectories(work.resolve("out"));
    Path release = Files.createDirectories(work.resolve("release"));
    Files.write(metadata.resolve("metadata.json"), outer.get("metadata.json"));
    for (Map.Entry<String, byte[]> file : ChaincodePackageTest.untar(outer.get("code.tar.gz")).entrySet()) {
      Files.write(source.resolve(file.getKey()), file.getValue());
    }

    assertThat(run(builder.resolve("bin/detect"), source, metadata)).isZero();
    assertThat(run(builder.resolve("bin/build"), source, metadata, output)).isZero();
    assertThat(run(builder.resolve("bin/release"), output, release)).isZero();

    assertThat(release.resolve("chaincode/server/connection.json")).hasContent(pkg.connectionJson());
  }

  @Test
  void leavesOtherPackageTypesToOtherBuilders() throws Exception {
    Path builder = CcaasBuilder.writeTo(work.resolve("builder"));
    Path metadata = Files.createDirectories(work.resolve("metadata"));
    Files.writeString(metadata.resolve("metadata.json"), "{\"type\":\"golang\",\"label\":\"x\"}");

    assertThat(run(builder.resolve("bin/detect"), work, metadata)).isNotZero();
  }

  @Test
  void buildFailsClearlyWithoutConnectionJson() throws Exception {
    Path builder = CcaasBuilder.writeTo(work.resolve("builder"));
    Path empty = Files.createDirectories(work.resolve("empty"));

    assertThat(run(builder.resolve("bin/build"), empty, empty, Files.createDirectories(work.resolve("out")))).isNotZero();
  }

  private static int run(Path script, Path... args) throws IOException, InterruptedException {
    String[] command = new String[args.length + 1];
    command[0] = script.toString();
    for (int i = 0; i < args.length; i++) {
      command[i + 1] = args[i].toString();
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(script + " did not finish");
    }
    return process.exitValue();
  }
}
