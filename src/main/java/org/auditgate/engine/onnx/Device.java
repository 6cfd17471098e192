package org.auditgate.engine.onnx;

/** Where ONNX Runtime runs a model. */
public enum Device {
    /** The CPU execution provider, always available. */
    CPU,
    /** NVIDIA GPUs through the CUDA execution provider (needs the {@code gpu} build and CUDA 12 libraries). */
    CUDA
}
