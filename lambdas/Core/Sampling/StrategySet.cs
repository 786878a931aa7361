using System.Collections;

namespace ContinuousImprovement.Core.Sampling;

/// <summary>
/// The immutable set behind <see cref="SamplingSettings.Strategies"/>: a bit per declared strategy, so two
/// settings with the same strategies are equal (record equality would otherwise compare set references) and
/// enumeration is always in enum order. Values that are not declared strategies are dropped on the way in.
/// </summary>
internal sealed class StrategySet : IReadOnlySet<SamplingStrategy>, IEquatable<StrategySet>
{
    private const int Declared = (int)SamplingStrategy.GroundTruthMismatch + 1;

    private readonly int _bits;

    private StrategySet(int bits) => _bits = bits;

    public static StrategySet Of(IEnumerable<SamplingStrategy> strategies)
    {
        ArgumentNullException.ThrowIfNull(strategies);
        if (strategies is StrategySet set)
        {
            return set;
        }

        return new StrategySet(BitsOf(strategies));
    }

    public int Count => int.PopCount(_bits);

    public bool Contains(SamplingStrategy item) => IsDeclared(item) && (_bits & Bit(item)) != 0;

    public IEnumerator<SamplingStrategy> GetEnumerator()
    {
        for (int i = 0; i < Declared; i++)
        {
            if ((_bits & (1 << i)) != 0)
            {
                yield return (SamplingStrategy)i;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool IsProperSubsetOf(IEnumerable<SamplingStrategy> other)
    {
        int others = BitsOf(other);
        return IsSubset(_bits, others) && _bits != others;
    }

    public bool IsProperSupersetOf(IEnumerable<SamplingStrategy> other)
    {
        int others = BitsOf(other);
        return IsSubset(others, _bits) && _bits != others && !HasUndeclared(other);
    }

    public bool IsSubsetOf(IEnumerable<SamplingStrategy> other) => IsSubset(_bits, BitsOf(other));

    public bool IsSupersetOf(IEnumerable<SamplingStrategy> other) => IsSubset(BitsOf(other), _bits) && !HasUndeclared(other);

    public bool Overlaps(IEnumerable<SamplingStrategy> other) => (_bits & BitsOf(other)) != 0;

    public bool SetEquals(IEnumerable<SamplingStrategy> other) => _bits == BitsOf(other) && !HasUndeclared(other);

    public bool Equals(StrategySet? other) => other is not null && other._bits == _bits;

    public override bool Equals(object? obj) => obj is StrategySet other && Equals(other);

    public override int GetHashCode() => _bits;

    /// <summary>"{below-threshold, ground-truth-mismatch}", the way an operator writes them.</summary>
    public override string ToString() => "{" + string.Join(", ", this.Select(SamplingStrategyNames.NameOf)) + "}";

    private static bool IsDeclared(SamplingStrategy item) => (uint)item < Declared;

    private static int Bit(SamplingStrategy item) => 1 << (int)item;

    private static bool IsSubset(int subset, int superset) => (subset & ~superset) == 0;

    private static int BitsOf(IEnumerable<SamplingStrategy> strategies)
    {
        ArgumentNullException.ThrowIfNull(strategies);
        if (strategies is StrategySet set)
        {
            return set._bits;
        }

        int bits = 0;
        foreach (SamplingStrategy strategy in strategies)
        {
            if (IsDeclared(strategy))
            {
                bits |= Bit(strategy);
            }
        }

        return bits;
    }

    // This set never holds undeclared values, so another collection that does is not equal to it nor covered by it.
    private static bool HasUndeclared(IEnumerable<SamplingStrategy> strategies) =>
        strategies is not StrategySet && strategies.Any(strategy => !IsDeclared(strategy));
}
