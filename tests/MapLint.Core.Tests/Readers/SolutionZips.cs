using System.IO.Compression;
using System.Text;

namespace MapLint.Tests.Readers;

/// <summary>Solution .zip files built in memory, good and hostile, for the zip rules (DIPV2038–DIPV2041).</summary>
public static class SolutionZips
{
    public static byte[] Build(params (string Name, byte[] Content)[] entries)
    {
        var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    public static byte[] Solution(string customizations) =>
        Build(("solution.xml", Encoding.UTF8.GetBytes("<ImportExportXml><SolutionManifest><UniqueName>Contoso</UniqueName><Managed>0</Managed></SolutionManifest></ImportExportXml>")),
              ("customizations.xml", Encoding.UTF8.GetBytes(customizations)),
              ("[Content_Types].xml", Encoding.UTF8.GetBytes("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\" />")));

    /// <summary>Sets the "encrypted" bit (general purpose flag bit 0) of every entry, in local and central headers.</summary>
    public static byte[] MarkEncrypted(byte[] zip)
    {
        var bytes = (byte[])zip.Clone();
        for (int i = 0; i + 4 <= bytes.Length; i++)
        {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 3 && bytes[i + 3] == 4)
            {
                bytes[i + 6] |= 1;
            }
            else if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 1 && bytes[i + 3] == 2)
            {
                bytes[i + 8] |= 1;
            }
        }

        return bytes;
    }
}
