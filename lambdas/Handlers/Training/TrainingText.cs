using System.Globalization;
using ContinuousImprovement.Core.Text;

namespace ContinuousImprovement.Handlers.Training;

/// <summary>Figures and names in training notifications.</summary>
internal static class TrainingText
{
    /// <summary>An F1 with three decimals, or "unknown" / "none".</summary>
    public static string F1(double? value, string missing = "none") =>
        value is not { } f1 ? missing : double.IsFinite(f1) ? f1.ToString("0.000", CultureInfo.InvariantCulture) : "unknown";

    public static string Quote(string text) => Printable.Quote(text, maxChars: 160);

    public static string Images(int count) => count == 1 ? "1 image" : $"{count.ToString(CultureInfo.InvariantCulture)} images";
}
