package org.auditgate.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.auditgate.engine.onnx.FeatureTensor;
import org.auditgate.engine.onnx.ModelInfo;
import org.auditgate.engine.onnx.OnnxModel;
import org.auditgate.engine.onnx.TensorInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Shows what a vendor model is: inputs, outputs, opsets, size and the feature tensor auditgate would use. */
@Command(name = "inspect-model", mixinStandardHelpOptions = true,
        description = "Show a model's inputs, outputs, opsets, parameter count and detected feature tensor.")
public class InspectModelCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "The model (.onnx).")
    Path model;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ModelInfo info = OnnxModel.read(model).inspect();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonOutput.MAPPER.writeValueAsString(toJson(info)));
        } else {
            print(info, out);
        }
        out.flush();
        return 0;
    }

    static ObjectNode toJson(ModelInfo info) {
        ObjectNode root = JsonOutput.MAPPER.createObjectNode();
        root.put("name", info.name());
        root.put("sha256", info.sha256());
        root.put("sizeBytes", info.sizeBytes());
        root.put("producer", info.producer());
        root.put("irVersion", info.irVersion());
        ObjectNode opsets = root.putObject("opsets");
        info.opsets().forEach((domain, version) -> opsets.put(domain.isEmpty() ? "ai.onnx" : domain, version));
        tensors(root.putArray("inputs"), info.inputs());
        tensors(root.putArray("outputs"), info.outputs());
        root.put("parameterCount", info.parameterCount());
        if (info.featureTensor().isPresent()) {
            FeatureTensor f = info.featureTensor().get();
            ObjectNode node = root.putObject("featureTensor");
            node.put("tensor", f.sourceTensor());
            node.put("dimension", f.dimension());
            node.put("route", f.route());
        } else {
            root.putNull("featureTensor");
        }
        ObjectNode metadata = root.putObject("metadata");
        info.metadata().forEach(metadata::put);
        return root;
    }

    private static void tensors(ArrayNode array, java.util.List<TensorInfo> tensors) {
        for (TensorInfo t : tensors) {
            ObjectNode node = array.addObject();
            node.put("name", t.name());
            node.put("type", t.elementType());
            ArrayNode dims = node.putArray("shape");
            t.dims().forEach(dims::add);
        }
    }

    private static void print(ModelInfo info, PrintWriter out) {
        out.printf(Locale.ROOT, "model        %s (%,d bytes)%n", TerminalText.safe(info.name()), info.sizeBytes());
        out.printf(Locale.ROOT, "sha256       %s%n", info.sha256());
        out.printf(Locale.ROOT, "producer     %s, IR version %d%n", info.producer().isEmpty() ? "(not stated)" : TerminalText.safe(info.producer()), info.irVersion());
        StringBuilder opsets = new StringBuilder();
        info.opsets().forEach((domain, version) -> opsets.append(opsets.length() == 0 ? "" : ", ")
                .append(domain.isEmpty() ? "ai.onnx" : domain).append(' ').append(version));
        out.printf(Locale.ROOT, "opsets       %s%n", opsets);
        for (TensorInfo t : info.inputs()) {
            out.printf(Locale.ROOT, "input        %s %s [%s]%n", TerminalText.safe(t.name()), t.elementType(),
                    TerminalText.safe(String.join(", ", t.dims())));
        }
        for (TensorInfo t : info.outputs()) {
            out.printf(Locale.ROOT, "output       %s %s [%s]%n", TerminalText.safe(t.name()), t.elementType(),
                    TerminalText.safe(String.join(", ", t.dims())));
        }
        out.printf(Locale.ROOT, "parameters   %,d%n", info.parameterCount());
        out.printf(Locale.ROOT, "features     %s%n", info.featureTensor()
                .map(f -> TerminalText.safe(f.sourceTensor()) + ", " + f.dimension() + " values (" + f.route() + ")")
                .orElse("not found: name the feature tensor in audit.yaml (model.featureTensor)"));
        info.metadata().forEach((k, v) -> out.printf(Locale.ROOT, "metadata     %s = %s%n", TerminalText.safe(k), TerminalText.safe(v)));
    }
}
