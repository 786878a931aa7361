using ContinuousImprovement.Core.Sampling;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ContinuousImprovement.Core.Tests.Sampling;

public sealed class BatchSelectionTests
{
    private static BatchCandidate C(string key, double uncertainty, params float[] features) => new(key, uncertainty, features);

    [Fact]
    public void The_documented_example_skips_the_near_duplicate()
    {
        var candidates = new[] { C("a", 0.9, 0, 0), C("b", 0.8, 0, 0.1f), C("c", 0.7, 5, 5) };

        Assert.Equal(["a", "c"], BatchSelection.DiverseUncertain(candidates, 2, poolFactor: 2).Select(c => c.Key));
        Assert.Equal(["a", "b"], BatchSelection.MostUncertain(candidates, 2).Select(c => c.Key));
    }

    [Fact]
    public void Only_the_most_uncertain_pool_is_considered_for_diversity()
    {
        var candidates = new[] { C("a", 0.9, 0, 0), C("b", 0.8, 0, 0.1f), C("far-but-certain", 0.01, 100, 100) };

        Assert.Equal(["a", "b"], BatchSelection.DiverseUncertain(candidates, 2, poolFactor: 1).Select(c => c.Key));
    }

    [Fact]
    public void Ties_are_broken_by_key_so_choices_are_reproducible() =>
        Assert.Equal(["a", "b"], BatchSelection.MostUncertain([C("b", 0.5), C("a", 0.5), C("c", 0.1)], 2).Select(c => c.Key));

    [Fact]
    public void Nan_uncertainty_ranks_last() =>
        Assert.Equal(["x"], BatchSelection.MostUncertain([C("n", double.NaN), C("x", 0.1)], 1).Select(c => c.Key));

    [Property]
    public Property A_batch_has_min_of_k_and_the_candidates_distinct_members_from_the_candidates()
    {
        var gen =
            from count in Gen.Choose(0, 40)
            from k in Gen.Choose(0, 15)
            from uncertainties in Gen.ListOf(Gen.Choose(0, 1000).Select(i => i / 1000.0), count)
            from coordinates in Gen.ListOf(Gen.Choose(-50, 50), count * 2)
            select (k, Candidates: uncertainties.Select((u, i) => C($"k{i}", u, coordinates[2 * i], coordinates[(2 * i) + 1])).ToList());
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var diverse = BatchSelection.DiverseUncertain(t.Candidates, t.k);
            var top = BatchSelection.MostUncertain(t.Candidates, t.k);
            var expected = Math.Min(t.k, t.Candidates.Count);
            return diverse.Count == expected && top.Count == expected
                && diverse.Select(c => c.Key).Distinct().Count() == expected
                && diverse.All(t.Candidates.Contains)
                && (expected == 0 || diverse[0] == top[0]);
        });
    }
}
