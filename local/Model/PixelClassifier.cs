using System.Collections.Concurrent;

using ContinuousImprovement.Core.Sampling;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ContinuousImprovement.Local.Model;

/// <summary>
/// A multiclass classifier over 28×28 grey pixels (ML.NET's SDCA maximum entropy): what a Rekognition Custom
/// Labels project version is in the twin. It answers with every label and a 0–100 confidence, as
/// DetectCustomLabels does with MinConfidence 0, so the sampling rules see the whole distribution.
/// </summary>
public sealed class PixelClassifier
{
    private readonly MLContext ml;
    private readonly ITransformer model;
    private readonly string[] labels;

    // A PredictionEngine is not thread-safe and detections of the twin run concurrently: each call borrows an
    // engine of its own, so predictions run in parallel instead of queuing on one lock; the pool grows to the
    // highest concurrency seen.
    private readonly ConcurrentBag<PredictionEngine<Row, ScoredRow>> engines = [];

    private PixelClassifier(MLContext ml, ITransformer model, DataViewSchema inputSchema)
    {
        this.ml = ml;
        this.model = model;
        InputSchema = inputSchema;
        var engine = ml.Model.CreatePredictionEngine<Row, ScoredRow>(model, inputSchema);
        engines.Add(engine);
        var keyValues = default(VBuffer<ReadOnlyMemory<char>>);
        engine.OutputSchema["Score"].GetSlotNames(ref keyValues);
        labels = keyValues.DenseValues().Select(v => v.ToString()).ToArray();
    }

    /// <summary>The labels this model knows, in its score order.</summary>
    public IReadOnlyList<string> Labels => labels;

    private DataViewSchema InputSchema { get; }

    /// <summary>Trains a model; deterministic for the same examples and seed.</summary>
    /// <exception cref="ArgumentException">Fewer than two labels, or features of the wrong length: no classifier can be trained.</exception>
    public static PixelClassifier Train(IReadOnlyCollection<LabeledFeatures> examples, int seed = 1, int iterations = 30)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var distinct = examples.Select(e => e.Label).Distinct(StringComparer.Ordinal).Count();
        if (distinct < 2)
        {
            throw new ArgumentException($"Training needs images of at least two labels; got {distinct} label(s) in {examples.Count} image(s).", nameof(examples));
        }

        if (examples.FirstOrDefault(e => e.Features.Length != FashionMnist.PixelCount) is { } wrong)
        {
            throw new ArgumentException($"Every example needs {FashionMnist.PixelCount} features; one labeled '{wrong.Label}' has {wrong.Features.Length}.", nameof(examples));
        }

        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(examples.Select(e => new Row { Features = e.Features, Label = e.Label }));
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.NormalizeMinMax("Features"))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy("Label", "Features", maximumNumberOfIterations: iterations))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        var model = pipeline.Fit(data);
        return new PixelClassifier(ml, model, data.Schema);
    }

    /// <summary>Every label with its confidence (0–100), highest first.</summary>
    public IReadOnlyList<LabelConfidence> Predict(float[] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (!engines.TryTake(out var engine))
        {
            engine = ml.Model.CreatePredictionEngine<Row, ScoredRow>(model, InputSchema);
        }

        ScoredRow scored;
        try
        {
            scored = engine.Predict(new Row { Features = features, Label = "" });
        }
        finally
        {
            engines.Add(engine);
        }

        return scored.Score
            .Select((score, i) => new LabelConfidence(labels[i], Math.Round(score * 100.0, 3)))
            .OrderByDescending(l => l.Confidence)
            .ThenBy(l => l.Label, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The top label (what a model "says"), for evaluation.</summary>
    public string PredictLabel(float[] features) => Predict(features)[0].Label;

    public void Save(Stream stream) => ml.Model.Save(model, InputSchema, stream);

    public static PixelClassifier Load(Stream stream)
    {
        var ml = new MLContext(1);
        var model = ml.Model.Load(stream, out var schema);
        return new PixelClassifier(ml, model, schema);
    }

    private sealed class Row
    {
        [VectorType(FashionMnist.PixelCount)]
        public float[] Features { get; set; } = [];

        public string Label { get; set; } = "";
    }

    private sealed class ScoredRow
    {
        public float[] Score { get; set; } = [];
    }
}
