using ContinuousImprovement.Core.Text;
using System.Globalization;

namespace ContinuousImprovement.Core.Sampling;

/// <summary>Number formatting for reason texts, which operators read in logs and the review portal.</summary>
internal static class SamplingText
{
    // Rekognition reports confidences like 99.91400146484375; three decimals are what a person can compare.
    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>
    /// "41.7 &lt; 70". When rounding would print both sides the same ("70 &lt; 70" for 69.9999 against 70), both
    /// are printed round-trip so the reason never contradicts itself.
    /// </summary>
    public static string Compare(double value, string relation, double limit)
    {
        string left = Number(value);
        string right = Number(limit);
        if (left == right)
        {
            left = value.ToString("R", CultureInfo.InvariantCulture);
            right = limit.ToString("R", CultureInfo.InvariantCulture);
        }

        return $"{left} {relation} {right}";
    }

    public static string Quote(string text) => Printable.Quote(text, '\'');
}
