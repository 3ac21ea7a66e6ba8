package io.chainwright.benchmarks;

import io.chainwright.api.material.MaterialStore;
import io.chainwright.fabric.FabricNetwork;
import io.chainwright.fabric.crypto.NetworkCrypto;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Crypto material for 10 peer orgs x (4 peers, 2 users) and 3 orderers, cryptogen's layout in
 * memory, against the bare minimum for as many identities: a P-256 key and a bare certificate
 * (no extensions, stock signer, no PEM) each. {@code fromAWarmDirectoryStore} is a re-render's
 * share: the same material read back from a directory store that already holds it (read, parse,
 * check each certificate against its CA), with nothing made.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FabricCryptoBenchmark {
  private FabricNetwork network;
  private KeyPairGenerator keys;
  private CertificateFactory parser;
  private Path storeDir;
  private MaterialStore warmStore;

  @Setup
  public void setUp() throws Exception {
    network = FabricNetworks.tenOrgs();
    storeDir = Files.createTempDirectory("chainwright-bench-materials");
    warmStore = MaterialStore.directory(storeDir);
    NetworkCrypto.load(network, warmStore);
    keys = KeyPairGenerator.getInstance("EC");
    keys.initialize(new ECGenParameterSpec("secp256r1"));
    parser = CertificateFactory.getInstance("X.509");
  }

  /** Every key and certificate, and every file of the layout (PEM, config.yaml) in memory. */
  @Benchmark
  public Map<String, byte[]> chainwright() {
    return NetworkCrypto.generate(network).files();
  }

  @Benchmark
  public Map<String, byte[]> fromAWarmDirectoryStore() {
    return NetworkCrypto.load(network, warmStore).files();
  }

  @TearDown
  public void tearDown() throws IOException {
    try (Stream<Path> files = Files.walk(storeDir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }

  @Benchmark
  public List<X509Certificate> bareKeysAndCertificates() throws Exception {
    List<X509Certificate> certs = new ArrayList<>();
    X500Name name = new X500Name("CN=bench");
    Date from = new Date();
    Date to = new Date(from.getTime() + 86_400_000L);
    for (int i = 0; i < FabricNetworks.certificates(); i++) {
      KeyPair pair = keys.generateKeyPair();
      byte[] der = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(i + 1), from, to, name, pair.getPublic())
          .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())).getEncoded();
      certs.add((X509Certificate) parser.generateCertificate(new ByteArrayInputStream(der)));
    }
    return certs;
  }
}
