using System.Diagnostics.CodeAnalysis;
using System.Text;

using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Paths.Selectors;

namespace ContinuousImprovement.Asl.Paths;

/// <summary>
/// A Reference Path: a path that can only address one node, built from <c>$</c>, <c>.name</c>,
/// <c>['name']</c> and <c>[index]</c> (the ASL spec forbids <c>@ .. , : ? *</c>). ResultPath, Choice
/// <c>Variable</c>, ItemsPath, SecondsPath, TimestampPath, ErrorPath and CausePath take one.
/// </summary>
public sealed class ReferencePath
{
    private readonly PathSelector[] steps;

    private ReferencePath(string text, bool isContextPath, PathSelector[] steps)
    {
        Text = text;
        IsContextPath = isContextPath;
        this.steps = steps;
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>True for <c>$$...</c>: read from the context object. Such a path cannot be a ResultPath.</summary>
    public bool IsContextPath { get; }

    /// <summary>True for <c>$</c> alone, which as a ResultPath replaces the whole input.</summary>
    public bool IsRoot => steps.Length == 0;

    public static bool TryCompile(string text, [NotNullWhen(true)] out ReferencePath? path, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        path = null;
        if (!JsonPath.TryCompile(text, out var compiled, out error))
        {
            return false;
        }

        foreach (var selector in compiled.Selectors)
        {
            if (selector is not (NameSelector or IndexSelector))
            {
                error = $"Invalid reference path '{text}': {selector.Description} is not allowed; a reference path addresses a "
                    + "single node with '.name', ['name'] and [index] steps only.";
                return false;
            }
        }

        path = new ReferencePath(text, compiled.IsContextPath, compiled.Selectors.ToArray());
        return true;
    }

    /// <summary>Compiles <paramref name="text"/>; throws <see cref="FormatException"/> naming the path when it is invalid.</summary>
    public static ReferencePath Compile(string text) =>
        TryCompile(text, out var path, out var error) ? path : throw new FormatException(error);

    /// <summary>The node the path addresses in <paramref name="root"/>, or false when any step is missing.</summary>
    public bool TryGet(JsonValue root, [MaybeNullWhen(false)] out JsonValue value)
    {
        ArgumentNullException.ThrowIfNull(root);
        value = root;
        foreach (var step in steps)
        {
            if (!step.TrySelectOne(value, out value))
            {
                value = null;
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Applies this path as a ResultPath: returns <paramref name="root"/> with <paramref name="value"/> placed at
    /// the path, leaving <paramref name="root"/> untouched and sharing every node off the path.
    /// <c>$</c> returns <paramref name="value"/> itself; missing objects on the way are created, as the ASL spec
    /// says ("intervening fields constructed as necessary"). Worked example: <c>$.a.b</c> on <c>{"x":1}</c> with
    /// 2 gives <c>{"x":1,"a":{"b":2}}</c>. An index step replaces an existing array element; arrays are never
    /// created or grown.
    /// </summary>
    /// <exception cref="AslRuntimeException">
    /// <c>States.ResultPathMatchFailure</c> when the path cannot be applied: a step meets a value that is not an
    /// object (for a name) or an array (for an index), or an index is outside the array — e.g. <c>$.a.b</c> on
    /// <c>{"a":5}</c>, or <c>$.a</c> on the input <c>"text"</c>.
    /// </exception>
    public JsonValue Set(JsonValue root, JsonValue value)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(value);
        if (IsContextPath)
        {
            throw new InvalidOperationException($"'{Text}' addresses the context object, which is read-only.");
        }

        return steps.Length == 0 ? value : SetAt(root, 0, value);
    }

    public override string ToString() => Text;

    private JsonValue SetAt(JsonValue node, int at, JsonValue value)
    {
        var last = at == steps.Length - 1;
        switch (steps[at])
        {
            case NameSelector { Name: var name }:
            {
                if (node is not JsonObject obj)
                {
                    throw MatchFailure(at, node, "an object");
                }

                JsonValue child;
                if (last)
                {
                    child = value;
                }
                else if (obj.TryGetValue(name, out var existing))
                {
                    child = SetAt(existing, at + 1, value);
                }
                else if (steps[at + 1] is NameSelector)
                {
                    child = SetAt(JsonObject.Empty, at + 1, value);
                }
                else
                {
                    throw Failure($"'{Prefix(at + 1)}' is missing, and only objects are created on the way, not arrays.");
                }

                return obj.With(name, child);
            }

            case IndexSelector { Index: var index }:
            {
                if (node is not JsonArray array)
                {
                    throw MatchFailure(at, node, "an array");
                }

                var position = index < 0 ? array.Count + index : index;
                if (position < 0 || position >= array.Count)
                {
                    throw Failure($"'{Prefix(at)}' has {array.Count} element(s), so '{Prefix(at + 1)}' does not exist.");
                }

                var items = array.AsSpan().ToArray();
                items[position] = last ? value : SetAt(items[position], at + 1, value);
                return new JsonArray(items);
            }

            default:
                throw new InvalidOperationException("A reference path holds only name and index steps.");
        }
    }

    private AslRuntimeException MatchFailure(int at, JsonValue found, string expected) =>
        Failure($"'{Prefix(at)}' is {Describe(found)}, not {expected}.");

    private AslRuntimeException Failure(string reason) =>
        new(StatesErrors.ResultPathMatchFailure, $"Unable to apply ResultPath '{Text}' to the state input: {reason}");

    private string Prefix(int count)
    {
        var builder = new StringBuilder("$");
        for (var i = 0; i < count; i++)
        {
            switch (steps[i])
            {
                case NameSelector { Name: var name } when IsPlainName(name):
                    builder.Append('.').Append(name);
                    break;
                case NameSelector { Name: var name }:
                    builder.Append("['").Append(name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
                    break;
                case IndexSelector { Index: var index }:
                    builder.Append('[').Append(index).Append(']');
                    break;
            }
        }

        return builder.ToString();
    }

    private static bool IsPlainName(string name) => name.Length > 0 && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '-');

    private static string Describe(JsonValue value) => value.Kind switch
    {
        JsonKind.Null => "null",
        JsonKind.Boolean => $"a boolean ({value.ToJson()})",
        JsonKind.Number => $"a number ({value.ToJson()})",
        JsonKind.String => "a string",
        JsonKind.Array => "an array",
        _ => "an object",
    };
}
