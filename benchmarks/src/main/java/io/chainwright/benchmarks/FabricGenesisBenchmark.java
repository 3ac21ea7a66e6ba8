package io.chainwright.benchmarks;

import io.chainwright.fabric.FabricNetwork;
import io.chainwright.fabric.channel.ChannelGenesis;
import io.chainwright.fabric.crypto.NetworkCrypto;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.protos.common.Block;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The genesis block of a channel of 10 peer orgs and 3 orderers, made and serialised, against
 * decoding the same block from its bytes with fabric-protos.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FabricGenesisBenchmark {
  private FabricNetwork network;
  private NetworkCrypto crypto;
  private byte[] block;

  @Setup
  public void setUp() {
    network = FabricNetworks.tenOrgs();
    crypto = NetworkCrypto.generate(network);
    block = ChannelGenesis.block(network, "all", crypto).toByteArray();
  }

  @Benchmark
  public byte[] chainwright() {
    return ChannelGenesis.block(network, "all", crypto).toByteArray();
  }

  @Benchmark
  public Block decodeSameBlock() throws Exception {
    return Block.parseFrom(block);
  }
}
