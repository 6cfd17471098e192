package org.auditgate.engine.onnx;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What auditgate reports about a model: identity, declared inputs and outputs, size and the feature tensor.
 *
 * @param name the file name the model came with
 * @param sha256 the lower-case hex SHA-256 of the model's bytes
 * @param sizeBytes the size of the model file
 * @param producer producer name and version as the model states them (may be empty)
 * @param irVersion the ONNX IR version
 * @param opsets the imported operator sets, domain to version ({@code ""} is the default domain)
 * @param inputs graph inputs that are not initializers
 * @param outputs graph outputs
 * @param parameterCount the total number of elements of all initializers (dense and sparse, dense size) and of all
 *     tensors held by {@code Constant} nodes, in the main graph and its subgraphs: the number a framework reports as
 *     "parameters" plus the few shape constants the exporter adds
 * @param featureTensor the automatically located feature tensor, empty when none was found
 * @param metadata the model's {@code metadata_props}
 */
public record ModelInfo(
        String name,
        String sha256,
        long sizeBytes,
        String producer,
        long irVersion,
        Map<String, Long> opsets,
        List<TensorInfo> inputs,
        List<TensorInfo> outputs,
        long parameterCount,
        Optional<FeatureTensor> featureTensor,
        Map<String, String> metadata) {

    public ModelInfo {
        opsets = Collections.unmodifiableMap(new LinkedHashMap<>(opsets));
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
