using System.Diagnostics.CodeAnalysis;

using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Paths.Selectors;

namespace ContinuousImprovement.Asl.Paths;

/// <summary>
/// A JSONPath compiled once, when the state machine definition loads, in the Jayway dialect Step Functions
/// uses for InputPath, OutputPath, Parameters and ResultSelector: <c>.name</c>, <c>['name']</c>, <c>[n]</c>
/// (negative counts from the end), <c>[*]</c>, <c>.*</c>, <c>..name</c>, unions <c>[0,2]</c> and
/// <c>['a','b']</c>, slices <c>[start:end:step]</c> and filters <c>[?(@.price &lt; 10 &amp;&amp; @.isbn)]</c>.
/// </summary>
/// <remarks>
/// A <em>definite</em> path (only single names and indexes) yields the one value it addresses, or nothing.
/// An <em>indefinite</em> path yields a JSON array of every match, empty when nothing matches, as Step
/// Functions does: <c>"item.$": "$.items[*]"</c> with input <c>{}</c> gives <c>{"item": []}</c>.
/// A path starting with <c>$$</c> addresses the context object; the caller passes that object as the root.
/// </remarks>
public sealed class JsonPath
{
    private readonly PathSelector[] selectors;

    internal JsonPath(string text, bool isContextPath, PathSelector[] selectors)
    {
        Text = text;
        IsContextPath = isContextPath;
        this.selectors = selectors;
        IsDefinite = Array.TrueForAll(selectors, s => s.IsDefinite);
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>True for <c>$$...</c>: evaluate it on the context object, not on the state input.</summary>
    public bool IsContextPath { get; }

    /// <summary>True when the path can address at most one node, so its result is that node rather than an array.</summary>
    public bool IsDefinite { get; }

    /// <summary>True for <c>$</c> (or <c>$$</c>) alone.</summary>
    public bool IsRoot => selectors.Length == 0;

    internal ReadOnlySpan<PathSelector> Selectors => selectors;

    public static bool TryCompile(string text, [NotNullWhen(true)] out JsonPath? path, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            path = JsonPathParser.Parse(text);
            error = null;
            return true;
        }
        catch (FormatException e)
        {
            path = null;
            error = e.Message;
            return false;
        }
    }

    /// <summary>Compiles <paramref name="text"/>; throws <see cref="FormatException"/> naming the path when it is invalid.</summary>
    public static JsonPath Compile(string text) =>
        TryCompile(text, out var path, out var error) ? path : throw new FormatException(error);

    /// <summary>
    /// Applies the path to <paramref name="root"/> (the state input, or the context object for a <c>$$</c> path).
    /// A definite path returns false when its node is missing; an indefinite path always succeeds with an array.
    /// </summary>
    public bool TryEvaluate(JsonValue root, [MaybeNullWhen(false)] out JsonValue result)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (IsDefinite)
        {
            var node = root;
            foreach (var selector in selectors)
            {
                if (!selector.TrySelectOne(node, out node))
                {
                    result = null;
                    return false;
                }
            }

            result = node;
            return true;
        }

        var evaluation = new PathEvaluation(selectors, root);
        evaluation.Continue(0, root);
        result = evaluation.ToArray();
        return true;
    }

    public override string ToString() => Text;
}
