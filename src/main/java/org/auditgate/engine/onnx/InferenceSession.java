package org.auditgate.engine.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One ONNX Runtime session on one model with one float input. Close it to free native memory.
 *
 * <p>When CUDA is asked for but cannot be used (no GPU, missing CUDA libraries, a CPU-only runtime), the session
 * logs a warning with the reason and runs on the CPU: {@link #activeDevice()} says which one it got. Runtime errors
 * are translated into {@link InferenceException}s that say what to do.
 */
public final class InferenceSession implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(InferenceSession.class.getName());

    private final OrtEnvironment env;
    private final OrtSession.SessionOptions options;
    private final OrtSession session;
    private final Device device;
    private final String inputName;

    private InferenceSession(OrtEnvironment env, OrtSession.SessionOptions options, OrtSession session, Device device) {
        this.env = env;
        this.options = options;
        this.session = session;
        this.device = device;
        this.inputName = session.getInputNames().iterator().next();
    }

    /**
     * Opens a session.
     *
     * @param model the serialised model
     * @param runtime device and threads
     * @return the session
     * @throws InferenceException when ONNX Runtime cannot load the model even on the CPU
     */
    public static InferenceSession open(byte[] model, RuntimeOptions runtime) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        if (runtime.device() == Device.CUDA) {
            OrtSession.SessionOptions options = null;
            try {
                options = baseOptions(runtime);
                options.addCUDA(runtime.deviceId());
                return new InferenceSession(env, options, env.createSession(model, options), Device.CUDA);
            } catch (OrtException | RuntimeException | LinkageError e) {
                if (options != null) {
                    options.close();
                }
                LOG.log(System.Logger.Level.WARNING, "CUDA device " + runtime.deviceId()
                        + " cannot be used, running on the CPU instead: " + e.getMessage());
            }
        }
        OrtSession.SessionOptions options = null;
        try {
            options = baseOptions(runtime);
            return new InferenceSession(env, options, env.createSession(model, options), Device.CPU);
        } catch (OrtException e) {
            if (options != null) {
                options.close();
            }
            throw new InferenceException("ONNX Runtime cannot load the model (" + e.getMessage()
                    + "); check that it runs in ONNX Runtime 1.23 (opset up to 23) and was exported without custom operators", e);
        }
    }

    private static OrtSession.SessionOptions baseOptions(RuntimeOptions runtime) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        if (runtime.intraOpThreads() > 0) {
            options.setIntraOpNumThreads(runtime.intraOpThreads());
        }
        return options;
    }

    /** The device the session actually runs on. */
    public Device activeDevice() {
        return device;
    }

    /** The name of the model's (first) input. */
    public String inputName() {
        return inputName;
    }

    /** The names of the model's outputs. */
    public Set<String> outputNames() {
        return session.getOutputNames();
    }

    /**
     * The declared shape of an output, -1 for dynamic axes.
     *
     * @param output an output name
     * @return its shape
     */
    public long[] outputShape(String output) {
        try {
            NodeInfo info = session.getOutputInfo().get(output);
            if (info == null || !(info.getInfo() instanceof ai.onnxruntime.TensorInfo t)) {
                throw new IllegalArgumentException("the model has no tensor output '" + output + "'");
            }
            return t.getShape();
        } catch (OrtException e) {
            throw new InferenceException("ONNX Runtime cannot describe output '" + output + "': " + e.getMessage(), e);
        }
    }

    /**
     * Runs the model on one float batch.
     *
     * @param input the input values, row-major; values past the shape's size are ignored, so a
     *              reused batch buffer can carry a shorter last batch
     * @param shape the input shape, e.g. {@code [N, 3, 224, 224]}
     * @param outputs the outputs to compute; each must be a float tensor
     * @return each requested output flattened row-major, in the order asked
     * @throws IllegalArgumentException when the input length does not match the shape
     * @throws InferenceException when ONNX Runtime fails
     */
    public Map<String, float[]> run(float[] input, long[] shape, Set<String> outputs) {
        long expected = 1;
        for (long d : shape) {
            expected *= d;
        }
        if (expected > input.length) {
            throw new IllegalArgumentException("input has " + input.length + " values but shape "
                    + Arrays.toString(shape) + " needs " + expected);
        }
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input, 0, (int) expected), shape);
                OrtSession.Result result = session.run(Map.of(inputName, tensor), outputs)) {
            Map<String, float[]> out = new LinkedHashMap<>();
            for (String name : outputs) {
                OnnxValue value = result.get(name).orElseThrow();
                if (!(value instanceof OnnxTensor t) || t.getInfo().type != OnnxJavaType.FLOAT) {
                    throw new InferenceException("output '" + name + "' is not a float tensor; auditgate reads float outputs only", null);
                }
                FloatBuffer buffer = t.getFloatBuffer();
                float[] values = new float[buffer.remaining()];
                buffer.get(values);
                out.put(name, values);
            }
            return out;
        } catch (OrtException e) {
            throw new InferenceException("ONNX Runtime failed to run the model on input " + Arrays.toString(shape)
                    + " (" + e.getMessage() + "); check the input size and layout the model expects", e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new InferenceException("ONNX Runtime could not release a session: " + e.getMessage(), e);
        } finally {
            options.close();
        }
    }
}
