package org.auditgate.engine.onnx;

/**
 * ONNX Runtime could not load or run a model. The message says what failed and what to do; the runtime's own
 * error is kept as the cause for logs.
 */
public final class InferenceException extends RuntimeException {

    /**
     * @param message what failed and what to do
     * @param cause the runtime's error
     */
    public InferenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
