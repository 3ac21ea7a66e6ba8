package io.chainwright.fabric.client;

import io.chainwright.api.PlatformException;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Opens and closes TLS gRPC channels to Fabric nodes. */
final class GrpcChannels {
  private GrpcChannels() {}

  static ManagedChannel open(String node, Endpoint endpoint, ClientTls tls) {
    try {
      return Grpc.newChannelBuilderForAddress(endpoint.host(), endpoint.port(), TlsContexts.grpcCredentials(tls, endpoint))
          .build();
    } catch (GeneralSecurityException e) {
      throw new PlatformException("set up TLS for", node, e.getMessage(), e);
    }
  }

  /** Shuts {@code channel} down, giving calls in flight a moment before cutting them off. */
  static void close(ManagedChannel channel, Duration grace) {
    channel.shutdown();
    try {
      if (!channel.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
