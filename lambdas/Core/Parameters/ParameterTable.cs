using System.Text;

namespace ContinuousImprovement.Core.Parameters;

/// <summary>
/// The operator's parameter table in Markdown, generated from the catalog so the README can never drift
/// from what CDK creates and the handlers read.
/// </summary>
public static class ParameterTable
{
    public static string Markdown(ParameterCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var builder = new StringBuilder()
            .Append("All parameters live under `").Append(catalog.Prefix).Append("` in Parameter Store (the twin keeps the same names).\n\n")
            .Append("| Parameter | Group | Default | Allowed | When a change takes effect | What it does |\n")
            .Append("|---|---|---|---|---|---|\n");
        foreach (var p in catalog.Parameters)
        {
            var allowed = p.Unit is null ? p.AllowedText : $"{p.AllowedText} ({p.Unit})";
            builder.Append("| `").Append(p.Name).Append("` | ")
                .Append(p.Group).Append(" | ")
                .Append(p.Default.Length == 0 ? "(empty)" : "`" + Cell(p.Default) + "`").Append(" | ")
                .Append(Cell(allowed)).Append(" | ")
                .Append(Cell(catalog.AppliesDescriptions[p.Applies])).Append(" | ")
                .Append(Cell(p.Description)).Append(" |\n");
        }

        builder.Append("\nEvent kinds for `Notify-Immediately` and `Notify-In-Digest`:\n\n")
            .Append("| Event kind | When |\n|---|---|\n");
        foreach (var kind in catalog.EventKinds)
        {
            builder.Append("| `").Append(kind.Name).Append("` | ").Append(Cell(kind.Description)).Append(" |\n");
        }

        return builder.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace(",", ", ", StringComparison.Ordinal).Replace(",  ", ", ", StringComparison.Ordinal);
}
