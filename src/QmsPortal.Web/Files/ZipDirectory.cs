using System.Buffers.Binary;
using System.Text;

namespace QmsPortal.Web.Files;

/// <summary>
/// The central directory of a zip read straight from its bytes, with where each part's compressed data lies.
/// System.IO.Compression stops decompressing a part at the size the directory declares, so a part that claims 1 KB
/// but inflates to 200 MB looks harmless through it while any other reader expands it whole; reading the compressed
/// data directly lets <see cref="ContentInspector"/> count what the part really holds.
/// </summary>
internal static class ZipDirectory
{
    public sealed record Part(string Name, bool Encrypted, ushort Method, long CompressedSize, long DeclaredSize, long DataOffset);

    private const uint EndSignature = 0x06054b50;
    private const uint Zip64EndSignature = 0x06064b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint DirectorySignature = 0x02014b50;
    private const uint LocalSignature = 0x04034b50;

    /// <summary>Every part, or null when the directory or a local header is missing or points outside the file.</summary>
    public static List<Part>? Read(ReadOnlySpan<byte> zip)
    {
        var end = -1;
        for (var i = zip.Length - 22; i >= Math.Max(0, zip.Length - 22 - ushort.MaxValue); i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip[i..]) == EndSignature)
            {
                end = i;
                break;
            }
        }

        if (end < 0)
        {
            return null;
        }

        long count = BinaryPrimitives.ReadUInt16LittleEndian(zip[(end + 10)..]);
        long start = BinaryPrimitives.ReadUInt32LittleEndian(zip[(end + 16)..]);
        if (count == ushort.MaxValue || start == uint.MaxValue)
        {
            if (end < 20 || BinaryPrimitives.ReadUInt32LittleEndian(zip[(end - 20)..]) != Zip64LocatorSignature)
            {
                return null;
            }

            var zip64End = BinaryPrimitives.ReadUInt64LittleEndian(zip[(end - 12)..]);
            if (zip64End + 56 > (ulong)zip.Length || BinaryPrimitives.ReadUInt32LittleEndian(zip[(int)zip64End..]) != Zip64EndSignature)
            {
                return null;
            }

            count = (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(zip[((int)zip64End + 32)..]), int.MaxValue);
            start = (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(zip[((int)zip64End + 48)..]), int.MaxValue);
        }

        var parts = new List<Part>();
        var at = start;
        for (var n = 0; n < count; n++)
        {
            if (at < 0 || at + 46 > zip.Length || BinaryPrimitives.ReadUInt32LittleEndian(zip[(int)at..]) != DirectorySignature)
            {
                return null;
            }

            var header = zip[(int)at..];
            var flags = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]);
            var method = BinaryPrimitives.ReadUInt16LittleEndian(header[10..]);
            long compressed = BinaryPrimitives.ReadUInt32LittleEndian(header[20..]);
            long declared = BinaryPrimitives.ReadUInt32LittleEndian(header[24..]);
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header[30..]);
            int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(header[32..]);
            long local = BinaryPrimitives.ReadUInt32LittleEndian(header[42..]);
            if (46 + nameLength + extraLength > header.Length)
            {
                return null;
            }

            var name = Encoding.UTF8.GetString(header.Slice(46, nameLength));
            if (!ReadZip64Extra(header.Slice(46 + nameLength, extraLength), ref declared, ref compressed, ref local))
            {
                return null;
            }

            if (local < 0 || local + 30 > zip.Length || BinaryPrimitives.ReadUInt32LittleEndian(zip[(int)local..]) != LocalSignature)
            {
                return null;
            }

            var data = local + 30 + BinaryPrimitives.ReadUInt16LittleEndian(zip[((int)local + 26)..]) + BinaryPrimitives.ReadUInt16LittleEndian(zip[((int)local + 28)..]);
            if (compressed < 0 || data + compressed > zip.Length)
            {
                return null;
            }

            parts.Add(new Part(name, (flags & 1) != 0, method, compressed, declared, data));
            at += 46 + nameLength + extraLength + commentLength;
        }

        return parts;
    }

    // Sizes and offsets that do not fit 32 bits are 0xFFFFFFFF in the record and follow, in this order, in extra field 1.
    private static bool ReadZip64Extra(ReadOnlySpan<byte> extra, ref long declared, ref long compressed, ref long local)
    {
        while (extra.Length >= 4)
        {
            var id = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            int size = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            if (4 + size > extra.Length)
            {
                return false;
            }

            if (id == 1)
            {
                var values = extra.Slice(4, size);
                if (!Take(ref values, ref declared) || !Take(ref values, ref compressed) || !Take(ref values, ref local))
                {
                    return false;
                }
            }

            extra = extra[(4 + size)..];
        }

        return true;
    }

    private static bool Take(ref ReadOnlySpan<byte> values, ref long field)
    {
        if (field != uint.MaxValue)
        {
            return true;
        }

        if (values.Length < 8)
        {
            return false;
        }

        field = (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(values), long.MaxValue);
        values = values[8..];
        return true;
    }
}
