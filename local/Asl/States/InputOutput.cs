using ContinuousImprovement.Asl.Definition;
using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Paths;
using ContinuousImprovement.Asl.Processing;

namespace ContinuousImprovement.Asl.States;

/// <summary>
/// The JSONPath input and output processing of a state, in the order Step Functions applies it:
/// InputPath → Parameters → (the state's work) → ResultSelector → ResultPath → OutputPath.
/// </summary>
internal sealed class InputOutput
{
    private readonly Optional<JsonPath> inputPath;
    private readonly Optional<JsonPath> outputPath;
    private readonly Optional<ReferencePath> resultPath;

    public InputOutput(FieldReader reader, bool parameters, bool resultSelector, bool resultPath, string parametersField = "Parameters")
    {
        inputPath = reader.Path("InputPath");
        outputPath = reader.Path("OutputPath");
        if (parameters)
        {
            Parameters = reader.Template(parametersField);
        }

        if (resultSelector)
        {
            ResultSelector = reader.Template("ResultSelector");
        }

        if (resultPath)
        {
            this.resultPath = reader.ReferencePath("ResultPath");
        }
    }

    public PayloadTemplate? Parameters { get; }

    public PayloadTemplate? ResultSelector { get; }

    /// <summary>InputPath: absent keeps the input, null gives <c>{}</c>.</summary>
    public JsonValue SelectInput(JsonValue raw, StateScope scope) => Select(inputPath, raw, scope, "InputPath");

    /// <summary>InputPath then Parameters: what the state works on.</summary>
    public JsonValue EffectiveInput(JsonValue raw, StateScope scope)
    {
        var selected = SelectInput(raw, scope);
        return Parameters is null ? selected : Parameters.Evaluate(selected, scope);
    }

    /// <summary>ResultSelector, ResultPath onto the raw input, then OutputPath.</summary>
    public JsonValue Output(JsonValue raw, JsonValue result, StateScope scope)
    {
        if (ResultSelector is not null)
        {
            result = ResultSelector.Evaluate(result, scope);
        }

        return SelectOutput(PlaceResult(raw, result, resultPath), scope);
    }

    /// <summary>OutputPath: absent keeps the data, null gives <c>{}</c>.</summary>
    public JsonValue SelectOutput(JsonValue data, StateScope scope) => Select(outputPath, data, scope, "OutputPath");

    /// <summary>ResultPath: absent replaces the input with the result, null keeps the input, a path places the result in it.</summary>
    public static JsonValue PlaceResult(JsonValue raw, JsonValue result, Optional<ReferencePath> path) =>
        path.IsNull ? raw : path.Value is null ? result : path.Value.Set(raw, result);

    private static JsonValue Select(Optional<JsonPath> path, JsonValue data, StateScope scope, string field)
    {
        if (path.IsNull)
        {
            return JsonObject.Empty;
        }

        if (path.Value is null)
        {
            return data;
        }

        var root = path.Value.IsContextPath ? scope.Context : data;
        if (path.Value.TryEvaluate(root, out var selected))
        {
            return selected;
        }

        throw new AslRuntimeException(
            StatesErrors.Runtime,
            $"An error occurred while executing the state '{scope.StateName}'. Invalid path '{path.Value}' for {field}: no value was found in '{ValueSource.Abbreviated(root)}'");
    }
}
