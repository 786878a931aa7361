using System.Buffers.Binary;
using System.Text;

namespace ContinuousImprovement.Host.Tests.Aot;

/// <summary>
/// Reads which symbol versions a 64-bit little-endian ELF file needs (<c>.gnu.version_r</c>) and which
/// undefined dynamic symbols are bound to each (<c>.dynsym</c> + <c>.gnu.version</c>): what
/// <c>readelf -V</c> and <c>--dyn-syms</c> print, without needing binutils to decide.
/// </summary>
public static class ElfSymbolVersions
{
    private const uint DynamicSymbols = 11;         // SHT_DYNSYM
    private const uint VersionNeeds = 0x6ffffffe;   // SHT_GNU_verneed
    private const uint VersionSymbols = 0x6fffffff; // SHT_GNU_versym

    public static IReadOnlyList<VersionNeed> Read(string path)
    {
        var elf = File.ReadAllBytes(path);
        if (elf.Length < 64 || !elf.AsSpan(0, 4).SequenceEqual("\u007fELF"u8) || elf[4] != 2 || elf[5] != 1)
        {
            throw new InvalidDataException($"{path} is not a 64-bit little-endian ELF file.");
        }

        var sections = Sections(elf);
        var needs = sections.Single(s => s.Type == VersionNeeds);
        var strings = sections[(int)needs.Link];

        // vna_other (the index .gnu.version uses) → (library, version name)
        var versions = new Dictionary<ushort, (string Library, string Version)>();
        var entry = (int)needs.Offset;
        for (var i = 0; i < needs.Info; i++)
        {
            var count = U16(elf, entry + 2);
            var library = Text(elf, strings, U32(elf, entry + 4));
            var aux = entry + (int)U32(elf, entry + 8);
            for (var j = 0; j < count; j++)
            {
                versions[U16(elf, aux + 6)] = (library, Text(elf, strings, U32(elf, aux + 8)));
                aux += (int)U32(elf, aux + 12);
            }

            entry += (int)U32(elf, entry + 12);
        }

        var symbols = sections.Single(s => s.Type == DynamicSymbols);
        var symbolNames = sections[(int)symbols.Link];
        var versym = sections.Single(s => s.Type == VersionSymbols);
        var bound = versions.Keys.ToDictionary(k => k, _ => new List<string>());
        var symbolCount = (int)(symbols.Size / 24);
        for (var i = 1; i < symbolCount; i++)
        {
            var symbol = (int)symbols.Offset + (i * 24);
            var index = (ushort)(U16(elf, (int)versym.Offset + (i * 2)) & 0x7fff);
            if (U16(elf, symbol + 6) == 0 && bound.TryGetValue(index, out var list)) // undefined: needed from a library
            {
                list.Add(Text(elf, symbolNames, U32(elf, symbol)));
            }
        }

        return [.. versions.Select(v => new VersionNeed(v.Value.Library, v.Value.Version, [.. bound[v.Key].Order(StringComparer.Ordinal)]))
            .OrderBy(v => v.Library, StringComparer.Ordinal).ThenBy(v => v.Version, StringComparer.Ordinal)];
    }

    private static List<Section> Sections(byte[] elf)
    {
        var offset = (int)U64(elf, 0x28);
        var size = U16(elf, 0x3A);
        var count = U16(elf, 0x3C);
        var sections = new List<Section>(count);
        for (var i = 0; i < count; i++)
        {
            var header = offset + (i * size);
            sections.Add(new Section(U32(elf, header + 4), U64(elf, header + 24), U64(elf, header + 32), U32(elf, header + 40), U32(elf, header + 44)));
        }

        return sections;
    }

    private static string Text(byte[] elf, Section table, uint offset)
    {
        var start = (int)(table.Offset + offset);
        var end = Array.IndexOf(elf, (byte)0, start);
        return Encoding.ASCII.GetString(elf, start, end - start);
    }

    private static ushort U16(byte[] elf, int at) => BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(at));

    private static uint U32(byte[] elf, int at) => BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan(at));

    private static ulong U64(byte[] elf, int at) => BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(at));

    private sealed record Section(uint Type, ulong Offset, ulong Size, uint Link, uint Info);
}
