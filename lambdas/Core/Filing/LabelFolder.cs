using ContinuousImprovement.Core.Text;
using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace ContinuousImprovement.Core.Filing;

/// <summary>
/// The folder under <see cref="Storage.BucketLayout.LabeledImages"/> that holds one human label's images.
/// Encoding is injective and reversible, so each label has exactly one folder, a folder names exactly one
/// label (the manifest writer decodes it back), and no label can reach outside the prefix.
/// </summary>
/// <remarks>
/// Rule: normalize the label (<see cref="LabelNormalization.TryNormalize"/>), then keep ASCII letters, digits,
/// space, '_', '-' and '.', and percent-encode every other character as its UTF-8 bytes in uppercase hex
/// (<c>%XX</c>) — including '%', '/', '\' and any dots the folder would start with, so that no folder is
/// ".", ".." or hidden. Worked examples: "T-shirt/top" → "T-shirt%2Ftop"; ".." → "%2E%2E"; "50%" → "50%25";
/// "v1.2" → "v1.2"; "café" → "caf%C3%A9"; "ＣＡＴ" → "CAT".
/// </remarks>
public static class LabelFolder
{
    /// <summary>
    /// Longest folder name. Keeps room in S3's 1,024-byte key limit for the prefix and a file name
    /// (25 + 512 + 1 leaves 486 bytes); a 128-character label of non-Latin script can exceed it.
    /// </summary>
    public const int MaxFolderLength = 512;

    private static readonly SearchValues<char> Literal =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 _-.");

    /// <summary>The folder for <paramref name="label"/>, or false with an error naming what is wrong with it.</summary>
    public static bool TryEncode(string label, out string folder, out string error)
    {
        ArgumentNullException.ThrowIfNull(label);
        folder = string.Empty;
        if (!LabelNormalization.TryNormalize(label, out var normalized, out error))
        {
            return false;
        }

        var encoded = Encode(normalized);
        if (encoded.Length > MaxFolderLength)
        {
            error = $"label {Printable.Quote(label)} needs a {encoded.Length}-character folder name once encoded; "
                + $"at most {MaxFolderLength} fit in an S3 key: use a shorter label";
            return false;
        }

        folder = encoded;
        return true;
    }

    /// <summary>
    /// The label a folder holds, or false when the folder is not exactly what <see cref="TryEncode"/> writes
    /// for some label (e.g. lowercase hex, a literal '%', a raw non-ASCII character, a folder made by hand).
    /// </summary>
    public static bool TryDecode(string folder, out string label, out string error)
    {
        ArgumentNullException.ThrowIfNull(folder);
        label = string.Empty;
        if (folder.Length == 0)
        {
            error = "folder name is empty";
            return false;
        }

        var bytes = new byte[folder.Length];
        var count = 0;
        for (var i = 0; i < folder.Length; i++)
        {
            var c = folder[i];
            if (c == '%')
            {
                if (i + 2 >= folder.Length || !TryUpperHex(folder[i + 1], out var high) || !TryUpperHex(folder[i + 2], out var low))
                {
                    error = $"folder {Printable.Quote(folder)} has a '%' at {i} not followed by two uppercase hex digits";
                    return false;
                }

                bytes[count++] = (byte)((high << 4) | low);
                i += 2;
            }
            else if (Literal.Contains(c))
            {
                bytes[count++] = (byte)c;
            }
            else
            {
                error = $"folder {Printable.Quote(folder)} has the character {Printable.CodePoint(c)} at {i}, "
                    + "which the label encoding always percent-encodes";
                return false;
            }
        }

        var chars = new char[count];
        if (Utf8.ToUtf16(bytes.AsSpan(0, count), chars, out _, out var written, replaceInvalidSequences: false)
            != OperationStatus.Done)
        {
            error = $"folder {Printable.Quote(folder)} does not decode to valid UTF-8 text";
            return false;
        }

        var decoded = new string(chars, 0, written);
        if (!TryEncode(decoded, out var canonical, out var encodeError))
        {
            error = $"folder {Printable.Quote(folder)} decodes to a label that cannot be filed: {encodeError}";
            return false;
        }

        if (canonical != folder)
        {
            error = $"folder {Printable.Quote(folder)} is not in canonical form: its label belongs in {Printable.Quote(canonical)}";
            return false;
        }

        label = decoded;
        error = string.Empty;
        return true;
    }

    /// <summary>
    /// The label of a folder that <see cref="TryEncode"/> produced. Use <see cref="TryDecode"/> for folders
    /// read from the bucket, which people can create by hand.
    /// </summary>
    /// <exception cref="FormatException">The folder is not the encoding of any label.</exception>
    public static string Decode(string folder)
    {
        return TryDecode(folder, out var label, out var error) ? label : throw new FormatException(error);
    }

    private static string Encode(string normalized)
    {
        var builder = new StringBuilder(normalized.Length);
        Span<byte> utf8 = stackalloc byte[4];
        var leading = true;
        foreach (var rune in normalized.EnumerateRunes())
        {
            var isDot = rune.Value == '.';
            leading &= isDot;
            if (rune.IsAscii && Literal.Contains((char)rune.Value) && !(isDot && leading))
            {
                builder.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
            {
                builder.Append('%').Append(HexDigits[b >> 4]).Append(HexDigits[b & 0xF]);
            }
        }

        return builder.ToString();
    }

    private const string HexDigits = "0123456789ABCDEF";

    private static bool TryUpperHex(char c, out int value)
    {
        value = HexDigits.IndexOf(c, StringComparison.Ordinal);
        return value >= 0;
    }
}
