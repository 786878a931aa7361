using System.Diagnostics.CodeAnalysis;

namespace ContinuousImprovement.Host.Runtime;

/// <summary>
/// Handler names (the <c>_HANDLER</c> value a function is deployed with) mapped to factories. Factories run
/// once, during the init phase, and only for the handler the process serves, so a function pays for its own
/// dependencies only; an exception from a factory becomes a Lambda init error.
/// </summary>
public sealed class RuntimeHandlers
{
    private readonly Dictionary<string, Func<LambdaHandler>> factories = new(StringComparer.Ordinal);

    /// <summary>The registered names, sorted, as error messages list them.</summary>
    public IReadOnlyList<string> Names => [.. factories.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Registers a handler that needs no initialization.</summary>
    public RuntimeHandlers Add(string name, LambdaHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Add(name, () => handler);
    }

    /// <summary>Registers a handler built when the process starts serving <paramref name="name"/>.</summary>
    public RuntimeHandlers Add(string name, Func<LambdaHandler> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        if (name.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"Handler name '{name}' contains whitespace; _HANDLER values cannot.", nameof(name));
        }

        if (!factories.TryAdd(name, factory))
        {
            throw new ArgumentException($"A handler named '{name}' is already registered.", nameof(name));
        }

        return this;
    }

    public bool Contains(string name) => factories.ContainsKey(name);

    /// <summary>Builds the named handler; false when no handler has that name. A failing factory throws.</summary>
    public bool TryCreate(string name, [NotNullWhen(true)] out LambdaHandler? handler)
    {
        ArgumentNullException.ThrowIfNull(name);
        handler = factories.TryGetValue(name, out var factory) ? factory() : null;
        return handler is not null;
    }
}
