package io.chainwright.fabric.client;

import io.chainwright.api.AwaitTimeoutException;
import io.chainwright.api.ChainwrightException;
import io.chainwright.api.PlatformException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;

/** Turns transport failures into Chainwright's exceptions, naming the node and the operation. */
final class Failures {
  private Failures() {}

  /** The exception for {@code failure} while doing {@code operation} on {@code node} within {@code timeout}. */
  static ChainwrightException of(String operation, String node, Duration timeout, Throwable failure) {
    if (failure instanceof ChainwrightException known) {
      return known;
    }
    Status status = grpcStatus(failure);
    if (failure instanceof HttpTimeoutException || (status != null && status.getCode() == Status.Code.DEADLINE_EXCEEDED)) {
      return new AwaitTimeoutException("an answer from " + node + " to " + operation, "no answer", timeout);
    }
    if (failure instanceof InterruptedException) {
      Thread.currentThread().interrupt();
      return new PlatformException(operation, node, "interrupted", failure);
    }
    String detail = status != null
        ? status.getCode() + (status.getDescription() == null ? "" : " " + status.getDescription())
        : failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    return new PlatformException(operation, node, detail + details(failure), failure);
  }

  /** The gateway's per-peer reasons, which say far more than its status line. */
  private static String details(Throwable failure) {
    List<ErrorDetail> details =
        failure instanceof GatewayException gateway ? gateway.getDetails()
            : failure instanceof GatewayRuntimeException gateway ? gateway.getDetails() : List.of();
    StringBuilder text = new StringBuilder();
    for (ErrorDetail detail : details) {
      text.append("; ").append(detail.getMspId()).append(" at ").append(detail.getAddress()).append(": ")
          .append(detail.getMessage());
    }
    return text.toString();
  }

  private static Status grpcStatus(Throwable failure) {
    if (failure instanceof GatewayException gateway) {
      return gateway.getStatus();
    }
    if (failure instanceof GatewayRuntimeException gateway) {
      return gateway.getStatus();
    }
    if (failure instanceof StatusRuntimeException grpc) {
      return grpc.getStatus();
    }
    return null;
  }
}
