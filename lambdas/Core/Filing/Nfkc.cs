using System.Text;

namespace ContinuousImprovement.Core.Filing;

/// <summary>
/// Unicode NFKC for the labels that can be filed, computed from <see cref="NfkcTables"/> because the
/// product runs with InvariantGlobalization, where <c>string.Normalize</c> returns its input unchanged.
/// </summary>
/// <remarks>
/// Exact for every text whose characters are each either free of a compatibility mapping or mapped by
/// NFKC to plain ASCII (fullwidth forms, ligatures such as 'ﬁ', '²', math alphanumerics...): those are folded
/// to that ASCII, and the rest goes through canonical decomposition, reordering and composition. Any other
/// character that NFKC rewrites (a compatibility character such as '½' → "1⁄2" or an Arabic presentation form,
/// or a composition exclusion such as U+0958 or the Ohm sign) and any unassigned code point is refused rather than
/// guessed, so an accepted label maps to the same text whatever normalizer later reads it.
/// </remarks>
internal static class Nfkc
{
    private const int HangulSBase = 0xAC00;
    private const int HangulLBase = 0x1100;
    private const int HangulVBase = 0x1161;
    private const int HangulTBase = 0x11A7;
    private const int HangulLCount = 19;
    private const int HangulVCount = 21;
    private const int HangulTCount = 28;
    private const int HangulNCount = HangulVCount * HangulTCount;
    private const int HangulSCount = HangulLCount * HangulNCount;

    private static readonly Dictionary<long, int> CompositeByPair = BuildCompositeByPair();

    /// <summary>
    /// NFKC of <paramref name="text"/>, or false with <paramref name="refused"/> set to the first code point
    /// this implementation will not normalize (unpaired surrogate, unassigned, or a non-ASCII compatibility
    /// character), with <paramref name="reason"/> saying which.
    /// </summary>
    public static bool TryNormalize(string text, out string normalized, out int refused, out string reason)
    {
        ArgumentNullException.ThrowIfNull(text);
        normalized = string.Empty;
        refused = 0;
        reason = string.Empty;

        var decomposed = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            int cp = text[i];
            if (char.IsSurrogate(text[i]))
            {
                if (!char.IsSurrogatePair(text, i))
                {
                    refused = cp;
                    reason = "an unpaired surrogate, which is not text";
                    return false;
                }

                cp = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }

            if (TryFold(cp, out var ascii))
            {
                foreach (var c in ascii)
                {
                    decomposed.Add(c);
                }

                continue;
            }

            if (!InRanges(NfkcTables.AssignedRanges, cp))
            {
                refused = cp;
                reason = $"not an assigned character in Unicode {NfkcTables.UnicodeVersion}";
                return false;
            }

            if (InRanges(NfkcTables.IncompatibleRanges, cp))
            {
                refused = cp;
                reason = "a character that NFKC rewrites, and not into plain ASCII";
                return false;
            }

            Decompose(cp, decomposed);
        }

        ReorderCanonically(decomposed);
        Compose(decomposed);

        var builder = new StringBuilder(decomposed.Count);
        foreach (var cp in decomposed)
        {
            builder.Append(char.ConvertFromUtf32(cp));
        }

        normalized = builder.ToString();
        return true;
    }

    private static bool TryFold(int cp, out string ascii)
    {
        ascii = string.Empty;
        if (cp < 0x80)
        {
            return false;
        }

        var index = NfkcTables.FoldCodePoints.BinarySearch(cp);
        if (index < 0)
        {
            return false;
        }

        var start = index == 0 ? 0 : NfkcTables.FoldEnds[index - 1];
        ascii = NfkcTables.FoldText[start..NfkcTables.FoldEnds[index]];
        return true;
    }

    private static void Decompose(int cp, List<int> into)
    {
        var sIndex = cp - HangulSBase;
        if (sIndex is >= 0 and < HangulSCount)
        {
            into.Add(HangulLBase + (sIndex / HangulNCount));
            into.Add(HangulVBase + (sIndex % HangulNCount / HangulTCount));
            var tIndex = sIndex % HangulTCount;
            if (tIndex != 0)
            {
                into.Add(HangulTBase + tIndex);
            }

            return;
        }

        var row = FindComposition(cp);
        if (row < 0)
        {
            into.Add(cp);
            return;
        }

        // The generator checks that only the first part can decompose further.
        Decompose(NfkcTables.Compositions[row + 1], into);
        into.Add(NfkcTables.Compositions[row + 2]);
    }

    /// <summary>Canonical ordering: a stable sort of each run of non-starters by combining class.</summary>
    private static void ReorderCanonically(List<int> text)
    {
        for (var i = 1; i < text.Count; i++)
        {
            for (var j = i; j > 0; j--)
            {
                var after = CombiningClass(text[j]);
                if (after == 0 || CombiningClass(text[j - 1]) <= after)
                {
                    break;
                }

                (text[j - 1], text[j]) = (text[j], text[j - 1]);
            }
        }
    }

    /// <summary>The canonical composition algorithm (UAX #15, D117), in place.</summary>
    private static void Compose(List<int> text)
    {
        var starter = -1;
        var lastClass = 0;
        var write = 0;
        for (var read = 0; read < text.Count; read++)
        {
            var cp = text[read];
            var cls = CombiningClass(cp);
            var adjacent = starter == write - 1;
            var unblocked = starter >= 0 && (adjacent || (lastClass != 0 && lastClass < cls));
            if (unblocked && TryCompose(text[starter], cp, out var composite))
            {
                text[starter] = composite;
                continue;
            }

            if (cls == 0)
            {
                starter = write;
            }

            lastClass = cls;
            text[write++] = cp;
        }

        text.RemoveRange(write, text.Count - write);
    }

    private static bool TryCompose(int first, int second, out int composite)
    {
        var lIndex = first - HangulLBase;
        var vIndex = second - HangulVBase;
        if (lIndex is >= 0 and < HangulLCount && vIndex is >= 0 and < HangulVCount)
        {
            composite = HangulSBase + (((lIndex * HangulVCount) + vIndex) * HangulTCount);
            return true;
        }

        var sIndex = first - HangulSBase;
        var tIndex = second - HangulTBase;
        if (sIndex is >= 0 and < HangulSCount && sIndex % HangulTCount == 0 && tIndex is > 0 and < HangulTCount)
        {
            composite = first + tIndex;
            return true;
        }

        return CompositeByPair.TryGetValue(PairKey(first, second), out composite);
    }

    internal static int CombiningClass(int cp)
    {
        var ranges = NfkcTables.CombiningClassRanges;
        int lo = 0, hi = (ranges.Length / 3) - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (cp < ranges[mid * 3])
            {
                hi = mid - 1;
            }
            else if (cp > ranges[(mid * 3) + 1])
            {
                lo = mid + 1;
            }
            else
            {
                return ranges[(mid * 3) + 2];
            }
        }

        return 0;
    }

    private static bool InRanges(ReadOnlySpan<int> ranges, int cp)
    {
        int lo = 0, hi = (ranges.Length / 2) - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (cp < ranges[mid * 2])
            {
                hi = mid - 1;
            }
            else if (cp > ranges[(mid * 2) + 1])
            {
                lo = mid + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The row offset of <paramref name="composite"/> in <see cref="NfkcTables.Compositions"/>, or -1.</summary>
    private static int FindComposition(int composite)
    {
        var table = NfkcTables.Compositions;
        int lo = 0, hi = (table.Length / 3) - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var value = table[mid * 3];
            if (value == composite)
            {
                return mid * 3;
            }

            if (value < composite)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }

    private static long PairKey(int first, int second) => ((long)first << 21) | (uint)second;

    private static Dictionary<long, int> BuildCompositeByPair()
    {
        var table = NfkcTables.Compositions;
        var map = new Dictionary<long, int>(table.Length / 3);
        for (var row = 0; row < table.Length; row += 3)
        {
            map[PairKey(table[row + 1], table[row + 2])] = table[row];
        }

        return map;
    }
}
