package org.auditgate.engine.onnx;

import java.util.Objects;

/**
 * How to run a model.
 *
 * @param device the device asked for; CUDA falls back to the CPU when it cannot be used
 * @param deviceId the CUDA device ordinal (ignored on the CPU)
 * @param intraOpThreads threads ONNX Runtime may use inside one operator; 0 lets it decide
 */
public record RuntimeOptions(Device device, int deviceId, int intraOpThreads) {

    public RuntimeOptions {
        Objects.requireNonNull(device, "device");
        if (deviceId < 0) {
            throw new IllegalArgumentException("deviceId must be 0 or more, not " + deviceId);
        }
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intraOpThreads must be 0 (let ONNX Runtime decide) or more, not " + intraOpThreads);
        }
    }

    /** The CPU with ONNX Runtime's own choice of threads. */
    public static RuntimeOptions cpu() {
        return new RuntimeOptions(Device.CPU, 0, 0);
    }

    /** CUDA device {@code deviceId}, falling back to the CPU when unavailable. */
    public static RuntimeOptions cuda(int deviceId) {
        return new RuntimeOptions(Device.CUDA, deviceId, 0);
    }
}
