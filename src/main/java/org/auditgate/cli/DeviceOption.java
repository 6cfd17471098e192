package org.auditgate.cli;

import org.auditgate.engine.onnx.Device;
import org.auditgate.engine.onnx.RuntimeOptions;
import picocli.CommandLine.Option;

/** The execution device options shared by commands that run a model. */
final class DeviceOption {

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|cuda",
            description = "Where ONNX Runtime runs the model (default ${DEFAULT-VALUE}); cuda falls back to the CPU with a warning when it cannot load.")
    String device;

    @Option(names = "--device-id", defaultValue = "0", paramLabel = "N", description = "CUDA device index (default ${DEFAULT-VALUE}).")
    int deviceId;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for inference and for decoding images (default: number of cores).")
    Integer threads;

    RuntimeOptions runtime() {
        Device d = switch (device.toLowerCase(java.util.Locale.ROOT)) {
            case "cpu" -> Device.CPU;
            case "cuda" -> Device.CUDA;
            default -> throw new UsageException("--device must be cpu or cuda, not '" + device + "'");
        };
        if (threads != null && threads < 1) {
            throw new UsageException("--threads must be at least 1");
        }
        return new RuntimeOptions(d, deviceId, threads());
    }

    int threads() {
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
