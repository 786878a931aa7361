using ContinuousImprovement.Core.Storage;

using FsCheck;
using FsCheck.Fluent;

namespace ContinuousImprovement.Core.Tests.Filing;

/// <summary>
/// Label-like text that reaches the hard cases: path characters and their fullwidth and small forms, percent signs,
/// dots, combining marks, Hangul jamo, astral characters, unpaired surrogates, controls, invisible characters,
/// unassigned code points and compatibility characters, mixed with FsCheck's own strings.
/// </summary>
internal static class LabelGenerators
{
    /// <summary>Pieces that a label may contain, several of them normalizing to the same text.</summary>
    private static readonly string[] FilablePieces =
    [
        "a", "Z", "7", " ", "_", "-", ".", "..", "/", "\\", "%", "%2F", "%2E", "%25", "T-shirt/top", "None of the Above",
        "\uFF0F", "\uFF3C", "\uFF0E", "\uFE52", "\uFE68", "\uFF05", "\u2024", "\u2025", "\u3000", "\u00A0", "\uFF23\uFF21\uFF34",
        "e\u0301", "\u00E9", "\u0301", "\u0323\u0302", "\u1100\u1161\u11A8", "\uAC00", "\u0BC6\u0BBE", "\u05B1\u05B0",
        "\uD83D\uDE00", "\uFB01", "\u00B2", "\u212A", "\uD835\uDC00", "\u65E5\u672C", "\u03A9", "\u00DF", "\u200C",
    ];

    /// <summary>Pieces that make a label unusable.</summary>
    private static readonly string[] RefusedPieces =
    [
        "\uD800", "\uDC00", "\u0000", "\t", "\n", "\u007F", "\u0085", "\u200B", "\u202E", "\u2028", "\uFEFF",
        "\u0378", "\uFFFF", "\u00BD", "\u2126", "\u212B", "\u0958",
    ];

    public static readonly Gen<string> Piece = Gen.Frequency(
        (4, Gen.Elements(FilablePieces)),
        (1, Gen.Elements(RefusedPieces)));

    private static readonly Gen<string> FilablePiece = Gen.Elements(FilablePieces);

    /// <summary>
    /// Any string: mostly filable pieces (so that the success branch of a property is well exercised), or any
    /// pieces, or FsCheck's own strings, or very long.
    /// </summary>
    public static readonly Gen<string> AnyLabel = Gen.Frequency(
        (5, FilablePiece.ListOf().Resize(12).Select(p => string.Concat(p))),
        (2, Piece.ListOf().Resize(12).Select(p => string.Concat(p))),
        (2, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty)),
        (1, ArbMap.Default.GeneratorFor<UnicodeString>().Select(s => s.Item ?? string.Empty)),
        (1, Gen.Zip(Piece, Gen.Choose(20, 300)).Select(t => string.Concat(Enumerable.Repeat(t.Item1, t.Item2)))));

    /// <summary>Pairs that normalize alike or nearly alike, to probe injectivity where collisions would hide.</summary>
    public static readonly Gen<(string, string)> NearbyLabels = Gen.OneOf(
        Gen.Zip(AnyLabel, AnyLabel),
        Gen.Zip(AnyLabel, Gen.Zip(Piece, Piece)).Select(t => (t.Item1 + t.Item2.Item1, t.Item1 + t.Item2.Item2)),
        Gen.Zip(AnyLabel, Piece).Select(t => (t.Item1, t.Item2 + t.Item1)),
        AnyLabel.Select(l => (l, l.ToUpperInvariant())),
        AnyLabel.Select(l => (l, l.Replace("/", "%2F", StringComparison.Ordinal))),
        AnyLabel.Select(l => (l, l.Replace("/", "\uFF0F", StringComparison.Ordinal))));

    private static readonly Gen<string> AnyText = Gen.OneOf(
        ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty),
        ArbMap.Default.GeneratorFor<UnicodeString>().Select(s => s.Item ?? string.Empty),
        Piece.ListOf().Select(p => string.Concat(p)));

    private static readonly Gen<string> AnyKey = Gen.Frequency(
        (4, Gen.Zip(AnyText, Gen.Elements("", ".png", ".JPG", ".jpeg.", ".x\uFF0F", ".averyveryverylongextension")).Select(t => "images_for_detection/" + t.Item1 + t.Item2)),
        (1, AnyText),
        (1, Gen.Elements("images_for_detection/", "images_for_detection/.", "images_for_detection/..", "a/ ", "a/b\\c.png", "a/\u0001.png", "a/\uD800.png")),
        (1, Gen.Choose(900, 1100).Select(n => "images_for_detection/" + new string('\u00E9', n / 2) + ".png")));

    /// <summary>Characters reject phrases are made of: printable ASCII and a few letters whose case maps both ways.</summary>
    private const string PhraseCharacters =
        " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\u00E9\u00C7\u00DF\u03A9\u03C3\u0416\u0436\u00F1";

    /// <summary>Reject answers an operator might configure: known phrases, or made-up ones.</summary>
    public static readonly Gen<string> RejectPhrase = Gen.Frequency(
        (1, Gen.Elements("None of the Above", "Not a logo", "Unclear", "Other", "n/a", "Kein Logo", "Aucune r\u00E9ponse", "\u041D\u0438\u0447\u0435\u0433\u043E")),
        (2, Gen.Elements(PhraseCharacters.ToCharArray()).ArrayOf().Resize(24).Select(c => new string(c))));

    /// <summary>Spaces a person or a form may leave around an answer.</summary>
    private static readonly Gen<string> Padding = Gen.Elements("", " ", "  ", "\u3000", "\u00A0", "\t", "\n");

    /// <summary>
    /// A reject phrase and the same phrase as a reviewer might retype it: each character's case changed or not,
    /// each ASCII character written in its fullwidth form or not (space as the ideographic space), padded.
    /// </summary>
    public static readonly Gen<(string Phrase, string Retyped)> RetypedReject =
        RejectPhrase.SelectMany(phrase => Gen.Zip(
                Gen.Zip(Gen.Choose(0, 2).ArrayOf(phrase.Length), Gen.Elements(true, false).ArrayOf(phrase.Length)),
                Gen.Zip(Padding, Padding))
            .Select(t => (phrase, t.Item2.Item1 + Retype(phrase, t.Item1.Item1, t.Item1.Item2) + t.Item2.Item2)));

    /// <summary>Pieces that read as path steps or separators once normalized (fullwidth, small and leader forms), and names.</summary>
    private static readonly string[] PathPieces =
    [
        ".", "..", "\uFF0E", "\uFF0E\uFF0E", "\uFE52", "\u2024", "\u2025", "/", "\uFF0F", "\\", "\uFF3C", "\uFE68",
        " ", "\u3000", "cat", "a", "T-shirt", "...", "v1.2", "\uFF43\uFF41\uFF54",
    ];

    /// <summary>Labels built mostly from path-like pieces, and any label.</summary>
    public static readonly Gen<string> PathLikeCandidate = Gen.Frequency(
        (4, Gen.Elements(PathPieces).ListOf().Resize(6).Select(p => string.Concat(p))),
        (1, AnyLabel));

    private static string Retype(string phrase, int[] casing, bool[] fullwidth)
    {
        var chars = phrase.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = casing[i] switch
            {
                1 => char.ToUpperInvariant(chars[i]),
                2 => char.ToLowerInvariant(chars[i]),
                _ => chars[i],
            };
            chars[i] = !fullwidth[i] ? c
                : c == ' ' ? '\u3000'
                : c is >= '!' and <= '~' ? (char)(c - '!' + '\uFF01')
                : c;
        }

        return new string(chars);
    }

    public static readonly Gen<S3ObjectRef> AnyImage = Gen.Zip(
            Gen.Zip(AnyText, AnyKey),
            Gen.Zip(AnyText.OrNull(), AnyText.OrNull()))
        .Select(t => new S3ObjectRef(t.Item1.Item1, t.Item1.Item2, t.Item2.Item1, t.Item2.Item2));
}
